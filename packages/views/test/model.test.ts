import {
  type Article,
  Corpus,
  type CorpusClaim,
  type DocumentAnnotation,
  type Entity,
  type Event,
  makeSpan,
} from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { storyModel } from '../src/index.js';
import { packView, unpackView } from '../src/page.js';
import { fromRows, toRows } from '../src/rows.js';

/**
 * Two outlets put one shelling in two different villages: a small corpus made by hand, so that the story model
 * can be checked against what it was given.
 */
const texts = {
  'a.txt': 'Officials said the shells fell on Avdiivka. Nothing else.',
  'b.txt': 'The ministry said the shells fell on Marinka.',
};

function article(id: keyof typeof texts, outlet: string, date: string | null): Article {
  return { id, path: id, outlet, title: null, date, url: null, text: texts[id], format: 'plaintext', messages: [] };
}

function at(id: keyof typeof texts, word: string) {
  const start = texts[id].indexOf(word);
  return { article: id, ...makeSpan(texts[id], start, start + word.length) };
}

function claim(id: string, article: keyof typeof texts, source: string, cue: string, content: string): CorpusClaim {
  const { article: _a, ...sourceSpan } = at(article, source);
  const { article: _b, ...cueSpan } = at(article, cue);
  const { article: _c, ...contentSpan } = at(article, content);
  return {
    id,
    article,
    source: sourceSpan,
    cue: cueSpan,
    content: contentSpan,
    speaker: null,
    stance: 'assert',
    negated: false,
  };
}

function place(id: string, name: string, lat: number, lon: number, mention: ReturnType<typeof at>): Entity {
  const geo = { geonameId: null, name, lat, lon, country: 'UA', countryName: 'Ukraine', region: 'Donetsk' };
  return { id, name, type: 'place', kind: 'city', aliases: [], geo, mentions: [mention] };
}

function annotation(id: keyof typeof texts, claims: CorpusClaim[], places: Entity[]): DocumentAnnotation {
  const sentences = [...texts[id].matchAll(/\S[^.]*\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return {
    mentions: places.flatMap((p) =>
      p.mentions
        .filter((m) => m.article === id)
        .map((m) => ({ ...m, type: 'place' as const, kind: 'city' as const, entity: p.id })),
    ),
    entities: [],
    claims,
    events: [],
    sentences,
    messages: [],
  };
}

function corpus(): Corpus {
  const c1 = claim('C1', 'a.txt', 'Officials', 'said', 'the shells fell on Avdiivka');
  const c2 = claim('C2', 'b.txt', 'The ministry', 'said', 'the shells fell on Marinka');
  const avdiivka = place('P1', 'Avdiivka', 48.14, 37.74, at('a.txt', 'Avdiivka'));
  const marinka = place('P2', 'Marinka', 47.94, 37.5, at('b.txt', 'Marinka'));
  const event: Event = {
    id: 'E1',
    label: 'shelling',
    type: 'attack',
    mentions: [
      { ...at('a.txt', 'fell'), mention: 'M1' },
      { ...at('b.txt', 'fell'), mention: 'M1' },
    ],
    claims: ['C1', 'C2'],
  };
  const source = (article: string, name: string, outlet: string) => ({ speaker: null, name, article, outlet });
  return new Corpus({
    articles: [article('a.txt', 'Courier', '2014-08-05'), article('b.txt', 'Gazette', null)],
    annotations: new Map([
      ['a.txt', annotation('a.txt', [c1], [avdiivka])],
      ['b.txt', annotation('b.txt', [c2], [marinka])],
    ]),
    entities: [avdiivka, marinka],
    claims: [c1, c2],
    events: [event],
    disputes: [
      {
        id: 'D1',
        event: 'E1',
        facet: 'place',
        what: 'where it happened',
        compatible: false,
        positions: [
          { value: 'Avdiivka', claims: ['C1'], sources: [source('a.txt', 'Officials', 'Courier')] },
          { value: 'Marinka', claims: ['C2'], sources: [source('b.txt', 'The ministry', 'Gazette')] },
        ],
        confidence: 0.8,
        explanation: 'Courier puts the shelling in Avdiivka, Gazette in Marinka.',
      },
    ],
    contradictions: [],
    agreements: [],
    messages: [],
  });
}

describe('storyModel', () => {
  const model = storyModel(corpus());

  it('makes a row per event with each outlet’s claims in its cell', () => {
    expect(model.outlets).toEqual(['Courier', 'Gazette']);
    const c1 = model.claims.findIndex((c) => c.text === 'the shells fell on Avdiivka');
    const c2 = model.claims.findIndex((c) => c.text === 'the shells fell on Marinka');
    expect(model.events.map((e) => e.cells)).toEqual([
      [
        { outlet: 'Courier', claims: [c1], mentions: 1 },
        { outlet: 'Gazette', claims: [c2], mentions: 1 },
      ],
    ]);
    expect(model.disputes[0]?.positions.map((p) => p.claims)).toEqual([[c1], [c2]]);
    expect(model.events[0]?.disputes).toEqual(['D1']);
    expect(model.events[0]?.places.sort()).toEqual(['P1', 'P2']);
  });

  it('gives each claim its words, speaker, passage and whether it is disputed', () => {
    const c1 = model.claims.find((c) => c.article === 'a.txt');
    expect(c1).toMatchObject({ speaker: 'Officials', text: 'the shells fell on Avdiivka', disputed: true });
    expect(model.passages[c1?.passage ?? -1]).toEqual({ text: 'Officials said the shells fell on Avdiivka.', at: 0 });
  });

  it('puts each place on the map with its mentions by outlet, and links the places of a place dispute', () => {
    expect(model.places.map((p) => [p.id, p.lat, p.lon, p.outlets])).toEqual([
      ['P1', 48.14, 37.74, [{ outlet: 'Courier', mentions: 1 }]],
      ['P2', 47.94, 37.5, [{ outlet: 'Gazette', mentions: 1 }]],
    ]);
    expect(model.places[0]?.samples[0]?.passage.text).toContain('Avdiivka');
    expect(model.placeLinks).toEqual([{ from: 'P1', to: 'P2', dispute: 'D1' }]);
  });

  it('is plain data that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('is written compactly for the page and read back the same', () => {
    const { passages: _, ...view } = model;
    const packed = packView(view);
    expect(JSON.parse(JSON.stringify(packed)).events.keys).toContain('cells');
    expect(unpackView(JSON.parse(JSON.stringify(packed)))).toEqual(view);
  });
});

describe('toRows', () => {
  it('writes repeated strings of a column once, and reads every object back', () => {
    const items = [
      { outlet: 'Courier', text: 'one', n: 1 },
      { outlet: 'Courier', text: 'two', n: 2 },
      { outlet: 'Gazette', text: 'three', n: 3 },
      { outlet: 'Courier', text: 'four', n: 4 },
    ];
    const rows = toRows(items);
    expect(rows.strings).toEqual([['Courier', 'Gazette'], null, null]);
    expect(fromRows(rows)).toEqual(items);
  });
});
