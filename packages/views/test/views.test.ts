import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { datedTime, passageOf, type StoryModel, storyModelVersion } from '../src/index.js';
import { reportHtml, webviewHtml } from '../src/page.js';

const empty: StoryModel = {
  version: storyModelVersion,
  outlets: [],
  articles: [],
  events: [],
  claims: [],
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
    const html = reportHtml({ ...empty, outlets: [article.outlet], articles: [article] });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const data = /<script id="claimlens-story" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(data).articles[0].outlet).toBe(article.outlet);
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
