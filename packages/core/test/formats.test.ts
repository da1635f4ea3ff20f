import {
  annotationToJson,
  buildCorpus,
  corpusToJson,
  corpusToJsonl,
  type DocumentAnnotation,
  formatScore,
  importJson,
  importJsonl,
  makeSpan,
  parseBrat,
  parseW3C,
  scoreAnnotations,
  toBrat,
  toW3C,
} from '@claimlens/core';
import { describe, expect, it } from 'vitest';

const text = '🙂 NATO said\r\nthat “Russian troops” crossed 🚩 into Ukraine.\nKyiv denied it.';
const at = (s: string, from = 0) => {
  const start = text.indexOf(s, from);
  return makeSpan(text, start, start + s.length);
};

const annotation: DocumentAnnotation = {
  mentions: [
    { ...at('NATO'), type: 'actor', kind: 'organization', entity: 'e1' },
    { ...at('Ukraine'), type: 'place', kind: 'country', entity: 'e2' },
    { ...at('Kyiv'), type: 'actor', kind: 'government', entity: 'e3' },
  ],
  entities: [
    { id: 'e1', name: 'NATO', type: 'actor', kind: 'organization', aliases: [] },
    { id: 'e2', name: 'Ukraine', type: 'place', kind: 'country', aliases: [] },
    { id: 'e3', name: 'Kyiv', type: 'actor', kind: 'government', aliases: [] },
  ],
  claims: [
    {
      id: 'c1',
      source: at('NATO'),
      cue: at('said'),
      content: at('that “Russian troops” crossed 🚩 into Ukraine'),
      speaker: 'e1',
      stance: 'assert',
      negated: false,
    },
    { id: 'c2', source: null, cue: at('denied'), content: at('it'), speaker: null, stance: 'deny', negated: true },
    {
      id: 'c3',
      source: null,
      cue: null,
      content: at('NATO said\r\nthat'),
      speaker: null,
      stance: 'hedge',
      negated: false,
    },
  ],
  events: [
    {
      id: 'v1',
      trigger: at('crossed'),
      type: 'movement',
      lemma: 'cross',
      arguments: { destination: at('Ukraine') },
      claims: ['c1'],
    },
  ],
  sentences: [{ start: 0, end: text.indexOf('\nKyiv') }],
  messages: [],
};

const spansOf = (doc: {
  mentions: { start: number; end: number; type: string; kind: string | null }[];
  claims: {
    source: { start: number; end: number } | null;
    cue: { start: number; end: number } | null;
    content: { start: number; end: number };
  }[];
}) => ({
  mentions: doc.mentions.map(({ start, end, type, kind }) => ({ start, end, type, kind })),
  claims: doc.claims.map((c) => [
    c.source && [c.source.start, c.source.end],
    c.cue && [c.cue.start, c.cue.end],
    [c.content.start, c.content.end],
  ]),
});

const expected = spansOf({ mentions: annotation.mentions.map((m) => ({ ...m })), claims: annotation.claims });

describe('brat', () => {
  const ann = toBrat(text, annotation);

  it('writes PolNeAR-style attributions with code point offsets, and fragments across line breaks', () => {
    const lines = ann.trim().split('\n');
    expect(lines).toContain('T1\tActor 2 6\tNATO');
    expect(lines).toContain('A1\tKind T1 organization');
    expect(lines.some((l) => /^E\d+\tAttribution:T\d+ Content:T\d+ Cue:T\d+ Source:T\d+$/.test(l))).toBe(true);
    expect(lines.some((l) => /^E\d+\tAttribution-no-source:T\d+ Content:T\d+ Cue:T\d+$/.test(l))).toBe(true);
    expect(lines).toContain(
      `T${lines.filter((l) => l.startsWith('T')).findIndex((l) => l.includes('NATO said')) + 1}\tContent 2 11;13 17\tNATO said that`,
    );
    // Offsets count code points: "Ukraine" starts after two emoji, each one code point but two UTF-16 units.
    const ukraine = text.indexOf('Ukraine');
    expect(lines).toContain(`T2\tPlace ${ukraine - 2} ${ukraine - 2 + 7}\tUkraine`);
  });

  it('reads back what it wrote, with the text: UTF-16 offsets again', () => {
    const doc = parseBrat(ann, 'doc', text);
    expect(doc.skipped).toBe(0);
    expect(spansOf(doc)).toEqual(expected);
    expect(doc.claims.map((c) => c.stance)).toEqual(['assert', 'deny', 'hedge']);
    for (const c of doc.claims) expect(c.content.text).toBe(text.slice(c.content.start, c.content.end));
  });

  it('reads PolNeAR annotations: discontinuous content, no source, Discuss labels', () => {
    const polnear = [
      'T1\tCue 10 20\tare listed',
      'T2\tContent 0 9;21 30\tAt least  as donors',
      'T3\tAttribution-no-source 10 20\tare listed',
      'E1\tAttribution-no-source:T3 Content:T2 Cue:T1',
      'T4\tDiscuss 40 45\tabcde',
      'garbage line',
    ].join('\n');
    const doc = parseBrat(polnear, 'p');
    expect(doc.claims).toEqual([
      {
        source: null,
        cue: { start: 10, end: 20, text: 'are listed' },
        content: { start: 0, end: 30, text: 'At least  as donors' },
        stance: null,
      },
    ]);
    expect(doc.mentions).toEqual([]);
    expect(doc.skipped).toBe(1);
  });
});

describe('W3C Web Annotation', () => {
  const article = { id: 'doc', path: 'doc.txt', outlet: null, title: null, date: null, url: 'https://example.org/doc' };
  const jsonld = toW3C([{ article, text, annotation }]);

  it('writes a collection with quote and position selectors', () => {
    expect(jsonld['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(jsonld.type).toBe('AnnotationCollection');
    const first = jsonld.first.items[0] as { target: { source: string; selector: Record<string, unknown>[] } };
    expect(first.target.source).toBe('https://example.org/doc');
    expect(first.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'NATO', prefix: '🙂 ', suffix: text.slice(7, 39) },
      { type: 'TextPositionSelector', start: 2, end: 6 },
    ]);
  });

  it('reads back what it wrote, with the text and through JSON', () => {
    const corpus = parseW3C(JSON.parse(JSON.stringify(jsonld)), new Map([['doc', text]]));
    const doc = corpus.get('doc');
    expect(doc && spansOf(doc)).toEqual(expected);
  });

  it('finds the quote in the text when positions are missing', () => {
    const bare = {
      type: 'Annotation',
      body: { purpose: 'classifying', value: 'place' },
      target: { source: 'x/doc.txt', selector: { type: 'TextQuoteSelector', exact: 'Ukraine', prefix: 'into ' } },
    };
    expect(parseW3C(bare, new Map([['doc', text]])).get('doc')?.mentions).toEqual([
      { ...at('Ukraine'), type: 'place', kind: null },
    ]);
  });

  it('keeps every anchor on its words after the text is edited before, between and after them', () => {
    const edited = `Breaking: ${text.replace('crossed', 'reportedly crossed').replace('Kyiv denied', 'Kyiv (the capital) denied')} More soon.`;
    const doc = parseW3C(jsonld, new Map([['doc', edited]])).get('doc');
    expect(doc).toBeDefined();
    const spans = [...(doc?.mentions ?? []), ...(doc?.claims ?? []).flatMap((c) => [c.source, c.cue, c.content])];
    for (const span of spans) if (span) expect(edited.slice(span.start, span.end)).toBe(span.text);
    expect(doc?.mentions.map((m) => m.text)).toEqual(['NATO', 'Ukraine', 'Kyiv']);
    // An occurrence that matches the quote's context wins over one that is nearer but out of context.
    const twice = `Kyiv said. ${text}`;
    const kyiv = parseW3C(jsonld, new Map([['doc', twice]]))
      .get('doc')
      ?.mentions.find((m) => m.text === 'Kyiv');
    expect(kyiv?.start).toBe(twice.lastIndexOf('Kyiv'));
  });

  it('throws for JSON that is not Web Annotation', () => {
    expect(() => parseW3C({ type: 'Something' })).toThrow(/Expected a W3C AnnotationCollection/);
  });
});

describe('claimlens JSON', () => {
  it('annotate JSON has the contract fields and reads back', () => {
    const json = JSON.parse(JSON.stringify(annotationToJson(annotation)));
    expect(json.version).toBe(1);
    expect(Object.keys(json.claims[0])).toEqual(['id', 'source', 'cue', 'content', 'speaker', 'stance', 'negated']);
    expect(spansOf(importJson(json, 'doc').get('doc') as never)).toEqual(expected);
  });

  it('corpus JSON and JSON Lines carry the same annotations', () => {
    const article = {
      id: 'doc',
      path: 'doc.txt',
      outlet: null,
      title: null,
      date: null,
      url: null,
      text,
      format: 'plaintext' as const,
      messages: [],
    };
    const corpus = buildCorpus([{ article, annotation }]);
    const json = JSON.parse(JSON.stringify(corpusToJson(corpus)));
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['version', 'articles', 'entities', 'claims', 'events', 'contradictions']),
    );
    expect(json.articles[0]).toEqual({
      id: 'doc',
      path: 'doc.txt',
      outlet: null,
      title: null,
      date: null,
      url: null,
      author: null,
      format: 'plaintext',
    });
    const fromJson = importJson(json).get('doc');
    const lines = [...corpusToJsonl(corpus)];
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    const fromJsonl = importJsonl(lines.join('')).get('doc');
    expect(fromJson && spansOf(fromJson)).toEqual(fromJsonl && spansOf(fromJsonl));
    expect(fromJson?.claims).toHaveLength(3);
  });

  it('throws for JSON of another shape', () => {
    expect(() => importJson([1, 2])).toThrow(/Expected claimlens JSON/);
    expect(() => importJson({ hello: 1 })).toThrow(/Expected claimlens JSON/);
  });
});

describe('scoreAnnotations', () => {
  it('counts exact and overlapping matches one to one, per type', () => {
    const span = (start: number, end: number) => ({ start, end, text: '' });
    const gold = new Map([
      [
        'd',
        {
          id: 'd',
          mentions: [
            { ...span(0, 4), type: 'actor', kind: null },
            { ...span(10, 15), type: 'place', kind: null },
          ],
          claims: [{ source: span(0, 4), cue: span(5, 9), content: span(10, 30), stance: null }],
        },
      ],
    ]);
    const predicted = new Map([
      [
        'd',
        {
          id: 'd',
          mentions: [
            { ...span(0, 4), type: 'actor', kind: null },
            { ...span(11, 15), type: 'place', kind: null },
            { ...span(40, 45), type: 'actor', kind: null },
          ],
          claims: [{ source: null, cue: span(5, 9), content: span(12, 30), stance: null }],
        },
      ],
    ]);
    const score = scoreAnnotations(gold, predicted);
    const row = (name: string) => score.rows.find((r) => r.name === name);
    expect(row('entity actor')).toMatchObject({
      gold: 1,
      predicted: 2,
      exact: { matched: 1, precision: 0.5, recall: 1 },
    });
    expect(row('entity place')).toMatchObject({ exact: { matched: 0, f1: 0 }, overlap: { matched: 1, f1: 1 } });
    expect(row('claim source')).toMatchObject({ gold: 1, predicted: 0, exact: { recall: 0 } });
    expect(row('claim cue')?.exact.f1).toBe(1);
    expect(row('claim content')).toMatchObject({ exact: { f1: 0 }, overlap: { f1: 1 } });
    expect(formatScore(score)).toMatch(/entity actor\s+1\s+2\s+50\.0\s+100\.0\s+66\.7/);
    expect(score.notScored).toEqual([]);
    const claimsOnly = { id: 'd', mentions: [], claims: gold.get('d')?.claims ?? [] };
    const noEntities = scoreAnnotations(new Map([['d', claimsOnly]]), predicted);
    expect(noEntities.notScored).toEqual(['entities']);
    expect(noEntities.rows.map((r) => r.name)).toEqual(['claim source', 'claim cue', 'claim content']);
    expect(formatScore(noEntities)).toContain('Not scored: gold has no entity mentions.');
  });
});
