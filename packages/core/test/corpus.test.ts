import { type AnnotatedArticle, type Article, buildCorpus, type DocumentAnnotation, makeSpan } from '@claimlens/core';
import { describe, expect, it } from 'vitest';

function article(id: string, text: string, outlet: string): Article {
  return { id, path: `${id}.txt`, outlet, title: null, date: null, url: null, text, format: 'plaintext', messages: [] };
}

function annotated(id: string, outlet: string, text: string, speaker: string, verb: string): AnnotatedArticle {
  const at = (word: string) => {
    const start = text.indexOf(word);
    return makeSpan(text, start, start + word.length);
  };
  const annotation: DocumentAnnotation = {
    mentions: [{ ...at(speaker), type: 'actor', kind: 'person', entity: 'e1' }],
    entities: [{ id: 'e1', name: speaker, type: 'actor', kind: 'person', aliases: [] }],
    claims: [
      {
        id: 'c1',
        source: at(speaker),
        cue: at('said'),
        content: at(text.slice(text.indexOf('that') + 5, text.length - 1)),
        speaker: 'e1',
        stance: 'assert',
        negated: false,
      },
    ],
    events: [{ id: 'v1', trigger: at(verb), type: 'movement', lemma: 'cross', arguments: {}, claims: ['c1'] }],
    sentences: [{ start: 0, end: text.length }],
    messages: [],
  };
  return { article: article(id, text, outlet), annotation };
}

describe('the corpus', () => {
  const corpus = buildCorpus([
    annotated('a', 'Outlet A', 'Jane Doe said that troops crossed the river.', 'Jane Doe', 'crossed'),
    annotated('b', 'Outlet B', 'Jane Doe said that soldiers crossed the river.', 'Jane Doe', 'crossed'),
  ]);

  it('gives entities, claims and events ids unique in the corpus', () => {
    const ids = [...corpus.entities, ...corpus.claims, ...corpus.events].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(corpus.claims.map((c) => c.article)).toEqual(['a', 'b']);
  });

  it('resolves one speaker named in two articles to one entity with both mentions', () => {
    const jane = corpus.entities.find((e) => e.name === 'Jane Doe');
    expect(jane?.mentions.map((m) => m.article)).toEqual(['a', 'b']);
    expect(corpus.claimsAbout(jane!).map((c) => c.article)).toEqual(['a', 'b']);
  });

  it('finds what other sources say about the same event', () => {
    const [first] = corpus.claims;
    const others = corpus.otherSources(first!);
    expect(others.map((o) => o.claim.article)).toEqual(['b']);
    const event = corpus.eventsOf(first!)[0];
    expect(event && corpus.claimsAbout(event).length).toBe(2);
  });
});

describe('buildCorpus with the items handed over', () => {
  it('empties the items once resolved and builds the same corpus', () => {
    const make = () => [
      annotated('a', 'Outlet A', 'Jane Doe said that troops crossed the river.', 'Jane Doe', 'crossed'),
      annotated('b', 'Outlet B', 'Jane Doe said that soldiers crossed the river.', 'Jane Doe', 'crossed'),
    ];
    const kept = make();
    const handed = make();
    const expected = buildCorpus(kept);
    const corpus = buildCorpus(handed, {}, { consume: true });
    expect(handed).toEqual([]);
    expect(kept).toHaveLength(2);
    const shape = (c: typeof corpus) => JSON.stringify([c.articles, c.entities, c.claims, c.events, c.contradictions]);
    expect(shape(corpus)).toBe(shape(expected));
  });
});
