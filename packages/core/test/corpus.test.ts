import {
  type AnnotatedArticle,
  type Article,
  buildCorpus,
  Corpus,
  type DocumentAnnotation,
  makeSpan,
} from '@claimlens/core';
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

  it('finds the event of each event mention, and who said each claim', () => {
    for (const event of corpus.events)
      for (const m of event.mentions) expect(corpus.eventOfMention(m.mention)?.id).toBe(event.id);
    expect(corpus.eventOfMention('no such mention')).toBeUndefined();
    expect(corpus.claims.map((c) => corpus.speakerName(c))).toEqual(['Jane Doe', 'Jane Doe']);
    const [first] = corpus.claims;
    expect(corpus.speakerName({ ...first!, speaker: null })).toBe('Jane Doe');
    expect(corpus.speakerName({ ...first!, speaker: null, source: null })).toBeNull();
  });
});

describe('looking up what a corpus holds', () => {
  const built = buildCorpus([
    annotated('V1', 'Outlet A', 'Jane Doe said that troops crossed the river.', 'Jane Doe', 'crossed'),
    annotated('b', 'Outlet B', 'Jane Doe said that soldiers crossed the river.', 'Jane Doe', 'crossed'),
    annotated('c', 'Outlet C', 'Jane Doe said that nobody crossed the river.', 'Jane Doe', 'crossed'),
  ]);
  const [a, b, c] = built.claims;
  const event = { id: 'V1', label: 'crossing', type: 'movement', mentions: [], claims: [a!.id, b!.id, c!.id] };
  const corpus = new Corpus({
    ...built,
    events: [event],
    contradictions: [{ id: 'x1', kind: 'polarity', claims: [a!.id, c!.id], event: event.id, explanation: '…' }],
    agreements: [{ claims: [b!.id, a!.id], event: event.id }],
  });

  it('marks each other source as agreeing, contradicting or related, from either side of a finding', () => {
    const relation = (of: typeof a) =>
      Object.fromEntries(corpus.otherSources(of!).map((o) => [o.claim.article, o.relation]));
    expect(relation(a)).toEqual({ b: 'agree', c: 'contradict' });
    expect(relation(c)).toEqual({ V1: 'contradict', b: 'unrelated' });
    expect(corpus.eventsOf(b!.id)).toEqual([event]);
  });

  it('lists the disputes a claim takes a position in, each once, in the corpus order', () => {
    const source = { speaker: null, name: 'Jane Doe', article: 'b', outlet: 'Outlet B' };
    const position = (claims: string[]) => ({ value: claims.join(), claims, sources: [source] });
    const dispute = (id: string, positions: ReturnType<typeof position>[]) => ({
      id,
      event: event.id,
      facet: 'occurrence' as const,
      what: 'whether troops crossed',
      compatible: false,
      positions,
      confidence: 0.5,
      explanation: '…',
    });
    const d1 = dispute('d1', [position([a!.id, b!.id]), position([c!.id])]);
    const d2 = dispute('d2', [position([c!.id]), position([a!.id])]);
    const withDisputes = new Corpus({ ...corpus, disputes: [d1, d2] });
    expect(withDisputes.disputesOf(a!).map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(withDisputes.disputesOf(b!.id).map((d) => d.id)).toEqual(['d1']);
    expect(withDisputes.disputesOf('no such claim')).toEqual([]);
  });

  it('keeps an article and an event with the same id apart', () => {
    expect(corpus.article('V1')?.outlet).toBe('Outlet A');
    expect(corpus.event('V1')?.label).toBe('crossing');
    expect(corpus.claim('V1')).toBeUndefined();
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
