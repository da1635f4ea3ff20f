import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { datedTime, passageOf, type StoryModel, storyModelVersion } from '../src/index.js';
import { reportHtml, unpackView, webviewHtml } from '../src/page.js';

const empty: StoryModel = {
  version: storyModelVersion,
  outlets: [],
  articles: [],
  events: [],
  claims: [],
  passages: [],
  disputes: [],
  actors: [],
  places: [],
  placeLinks: [],
};

describe('datedTime', () => {
  it('keeps days and months, and puts a day without a year in the article’s year', () => {
    expect(datedTime('2014-08-04', null)).toBe('2014-08-04');
    expect(datedTime('2014-08', null)).toBe('2014-08');
    expect(datedTime('*-07-17', '2014-08-05')).toBe('2014-07-17');
  });

  it('puts a day that would come after the article in the year before', () => {
    expect(datedTime('*-12-30', '2015-01-02')).toBe('2014-12-30');
  });

  it('leaves out what needs a date to count from, or has no year', () => {
    expect(datedTime('weekday:5', '2014-08-05')).toBeNull();
    expect(datedTime('rel:yesterday', '2014-08-05')).toBeNull();
    expect(datedTime('*-07-17', null)).toBeNull();
    expect(datedTime(undefined, '2014-08-05')).toBeNull();
  });
});

describe('passageOf', () => {
  const text = 'First one. The army said it crossed. Third one.';
  const sentences = [
    { start: 0, end: 10 },
    { start: 11, end: 36 },
    { start: 37, end: 47 },
  ];

  it('is the sentence that holds the span', () => {
    expect(passageOf(text, { sentences }, 20, 35, 600)).toEqual({ text: 'The army said it crossed.', at: 11 });
  });

  it('is cut around the span when the sentences are longer than the limit', () => {
    const passage = passageOf(text, { sentences }, 20, 24, 10);
    expect(passage.text.length).toBeLessThanOrEqual(10);
    expect(text.slice(passage.at, passage.at + passage.text.length)).toBe(passage.text);
    expect(passage.text).toContain('said');
  });
});

describe('reportHtml', () => {
  it('lets only its own inline script and style run, by hash, and allows no request', () => {
    const html = reportHtml(empty);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    // The one URL in it is SVG's namespace name, which is never fetched.
    expect(html.match(/https?:\/\/[^\s"'`]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('carries text that looks like markup as data, not as markup', () => {
    const article = { id: 'a.txt', outlet: '</script><script>alert(1)</script>', title: null, date: null };
    const passage = { text: 'He wrote <!-- and </script> in it.', at: 0 };
    const html = reportHtml({ ...empty, outlets: [article.outlet], articles: [article], passages: [passage] });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const data = (id: string) =>
      JSON.parse(new RegExp(`<script id="${id}" type="application/json">([\\s\\S]*?)</script>`).exec(html)?.[1] ?? '');
    expect(data('claimlens-story').articles[0].outlet).toBe(article.outlet);
    expect(data('claimlens-passages')).toEqual([passage]);
  });

  it('puts a large view’s first rows before the script, and the whole view and the passages after it', () => {
    const claim = { article: 'a.txt', speaker: null, stance: 'assert' as const, text: 'x', start: 0, end: 1 };
    const rest = { passage: 0, counts: [], times: [], when: null, disputed: false };
    const event = (i: number) => ({
      id: `V${i}`,
      label: `event ${i}`,
      type: 'movement',
      cells: [{ outlet: 'Courier', claims: [i], mentions: 1 }],
      mentions: 1,
      actors: [],
      places: [],
      disputes: [],
    });
    const html = reportHtml({
      ...empty,
      outlets: ['Courier'],
      articles: [{ id: 'a.txt', outlet: 'Courier', title: null, date: null }],
      events: Array.from({ length: 100 }, (_, i) => event(i)),
      // Over a megabyte in all: a view that size is not read at once.
      claims: Array.from({ length: 100 }, (_, i) => ({ ...claim, ...rest, text: `claim ${i} ${'x'.repeat(11_000)}` })),
      passages: [{ text: 'A passage.', at: 0 }],
    });
    const order = ['id="claimlens-first"', '<script>', 'id="claimlens-story"', 'id="claimlens-passages"'];
    const at = order.map((s) => html.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const data = (id: string) =>
      JSON.parse(new RegExp(`<script id="${id}" type="application/json">(.*?)</script>`).exec(html)?.[1] ?? '');
    const first = data('claimlens-first');
    expect(first.rest).toBe(100);
    expect(first.events.length).toBeLessThan(100);
    // Each first row's claims are the ones the whole view gives that row.
    for (const e of first.events) expect(first.claims[e.cells[0].claims[0]].text).toMatch(`claim ${e.id.slice(1)} `);
    const whole = unpackView(data('claimlens-story'));
    expect(whole.events).toHaveLength(100);
    for (const [i, c] of whole.claims.entries()) expect(c.text).toMatch(new RegExp(`^claim ${i} x`));
    expect(whole).not.toHaveProperty('passages');
  });
});

describe('webviewHtml', () => {
  it('runs only scripts with its nonce and loads from the webview’s own source', () => {
    const html = webviewHtml({ nonce: 'abc123', cspSource: 'vscode-webview://x', view: 'map', title: 'Map' });
    expect(html).toContain("script-src 'nonce-abc123'");
    expect(html).toContain('<script nonce="abc123">');
    expect(html).toContain('data-view="map"');
    expect(html).not.toContain('type="application/json"');
  });
});
