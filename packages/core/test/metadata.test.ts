import { inferMetadata, mergeMetadata, normaliseDate, readFrontMatter } from '@claimlens/core';
import { describe, expect, it } from 'vitest';

const body = 'The ministry said on Monday that no troops had crossed the border.';

describe('inferMetadata', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['a wire dateline', `MOSCOW (Interfax) - ${body}`, { outlet: 'Interfax' }],
    ['a trailing agency credit', `${body}\n— AFP`, { outlet: 'AFP' }],
    [
      'a copyright line',
      `${body}\n© 2014 Northern Daily Courier. All rights reserved.`,
      { outlet: 'Northern Daily Courier' },
    ],
    ['a plain copyright line', `${body}\nCopyright The Evening Ledger`, { outlet: 'The Evening Ledger' }],
    ['a live-updates promo', `${body}\nFor the latest, follow Example News’s live updates`, { outlet: 'Example News' }],
    ['a wire-services credit', `${body}\nSome Channel and wire services`, { outlet: 'Some Channel' }],
    ['a site-navigation line', `1. Skip to content\n2. Skip to more XYZ sites\n\n${body}`, { outlet: 'XYZ' }],
    [
      'labelled header lines',
      `Title: Troops pull back\nPublished: 12 March 2020\nURL: https://example.org/a\n\n${body}`,
      { title: 'Troops pull back', date: '2020-03-12', url: 'https://example.org/a' },
    ],
    [
      'a URL line and a date line',
      `Troops pull back\nAugust 5, 2014\nhttps://example.org/p/1\n\n${body}`,
      { date: '2014-08-05', url: 'https://example.org/p/1' },
    ],
    ['a byline with an outlet', `By Jane Q. Doe, Reuters\n\n${body}`, { author: 'Jane Q. Doe', outlet: 'Reuters' }],
  ];
  for (const [name, text, values] of cases) {
    it(`reads ${name}`, () => {
      const found = inferMetadata(text);
      expect(found.values).toEqual(values);
      for (const evidence of Object.values(found.evidence)) {
        expect(evidence?.source).toBe('text');
        expect(text.slice(evidence?.start, evidence?.end).length).toBeGreaterThan(0);
      }
    });
  }

  it('reads the first heading of Markdown as its title', () => {
    expect(inferMetadata(`# Troops pull back\n\n${body}`, 'markdown').values).toEqual({ title: 'Troops pull back' });
  });

  it('dates an article by a dateline or time stamp at its top, else by its address, never by a date in prose', () => {
    expect(inferMetadata(`Navy foils attack\nTNN Nov 12, 2011, 05.51AM IST MUMBAI:\n${body}`).values.date).toBe(
      '2011-11-12',
    );
    expect(inferMetadata(`Published on: Fri, 11 Nov 2011 at 09:56 IST\n${body}`).values.date).toBe('2011-11-11');
    expect(inferMetadata(`http://example.com/2013/aug/02/host-named\n${body}`).values.date).toBe('2013-08-02');
    expect(inferMetadata(`http://example.com/2011-11-12/india/story\n${body}`).values.date).toBe('2011-11-12');
    expect(inferMetadata(`http://example.com/2011/02/30/story\n${body}`).values.date).toBeUndefined();
    const prose = `${body} ${body} The first such attack came on June 3, 2009, officials said, in the same waters.`;
    expect(inferMetadata(`${body}\n${prose}`).values.date).toBeUndefined();
  });

  it('never invents: outlets quoted in prose, and prose alone, give nothing', () => {
    expect(inferMetadata(body).values).toEqual({});
    expect(inferMetadata(`A spokesman told Reuters that ${body} An AFP correspondent saw it.`).values).toEqual({});
    expect(inferMetadata('').values).toEqual({});
  });
});

describe('readFrontMatter', () => {
  it('reads fields by their usual names', () => {
    const text = `---\nheadline: A\npublisher: B\npubDate: 2020-01-02T10:00:00Z\nlink: https://example.org\n---\n${body}`;
    const front = readFrontMatter(text);
    expect(front.values).toEqual({ title: 'A', outlet: 'B', date: '2020-01-02', url: 'https://example.org' });
    expect(text.slice(front.range?.start, front.range?.end)).toMatch(/^---\n[\s\S]*\n---\n$/);
  });

  it('reports YAML that is not a mapping', () => {
    expect(readFrontMatter('---\n- a\n- b\n---\ntext').messages[0]?.reason).toMatch(
      /Expected the front matter to be a mapping/,
    );
  });

  it('has nothing to say about text without front matter', () => {
    expect(readFrontMatter(body)).toEqual({ range: null, values: {}, messages: [] });
  });
});

describe('mergeMetadata and normaliseDate', () => {
  it('prefers front matter, then the manifest, then the text, and says where each came from', () => {
    const merged = mergeMetadata([
      { source: 'front-matter', found: { title: 'Front' } },
      { source: 'manifest', found: { title: 'Manifest', outlet: 'M' } },
      { source: 'text', found: { outlet: 'T', url: 'https://t' } },
    ]);
    expect(merged.metadata).toEqual({ title: 'Front', outlet: 'M', url: 'https://t', date: null, author: null });
    expect(merged.provenance).toEqual({ title: 'front-matter', outlet: 'manifest', url: 'text' });
  });

  it('normalises common date forms and keeps others as written', () => {
    expect(normaliseDate('Aug. 5, 2014')).toBe('2014-08-05');
    expect(normaliseDate('5 August 2014')).toBe('2014-08-05');
    expect(normaliseDate('Friday')).toBe('Friday');
  });
});
