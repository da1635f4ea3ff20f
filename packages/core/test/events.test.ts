import { clusterEvents, type DocumentAnnotation } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { article, eventAnnotation } from './fixtures/article.js';
import { grouping } from './fixtures/grouping.js';

const a1 =
  'Northland armored columns crossed into Southland near Riverton on Friday, April 16. The crossing was condemned in Westport.';
const a2 =
  'Southland said Northland forces crossed the border near Riverton on April 16; the incursion drew protests in Westport.';
const a3 =
  'Eastland patrol boats crossed into Lakeland waters at Harborview on September 3. The crossing was denied by Eastland officials in Kingsbay.';

describe('clusterEvents', () => {
  const articles = [article('a1', a1, '2024-04-17'), article('a2', a2, '2024-04-17'), article('a3', a3, '2024-09-04')];
  const annotations = new Map([
    [
      'a1',
      eventAnnotation(a1, [
        { trigger: 'crossed', lemma: 'cross', type: 'movement', args: { timeValue: '*-04-16' } },
        { trigger: 'crossing', lemma: 'cross', type: 'movement' },
      ]),
    ],
    [
      'a2',
      eventAnnotation(a2, [
        { trigger: 'crossed', lemma: 'cross', type: 'movement', args: { timeValue: '*-04-16' } },
        { trigger: 'incursion', lemma: 'incursion', type: 'movement' },
      ]),
    ],
    [
      'a3',
      eventAnnotation(a3, [
        { trigger: 'crossed', lemma: 'cross', type: 'movement', args: { timeValue: '*-09-03' } },
        { trigger: 'crossing', lemma: 'cross', type: 'movement' },
      ]),
    ],
  ]);

  it('groups two articles about one crossing and keeps a similar crossing months later apart', () => {
    const events = clusterEvents(articles, annotations, grouping);
    const eventOf = (id: string, trigger: string) =>
      events.find((e) => e.mentions.some((m) => m.article === id && m.text === trigger))?.id;
    expect(eventOf('a1', 'crossed')).toBeDefined();
    expect(eventOf('a1', 'crossed')).toBe(eventOf('a2', 'crossed'));
    expect(eventOf('a3', 'crossed')).not.toBe(eventOf('a1', 'crossed'));
    expect(eventOf('a3', 'crossing')).not.toBe(eventOf('a1', 'crossing'));
    for (const e of events)
      for (const m of e.mentions)
        expect(articles.find((a) => a.id === m.article)?.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('takes a sub-topic whose mentions did not change from a grouping cache, and regroups the one that did', () => {
    const stored = new Map<string, readonly number[]>();
    const asked: boolean[] = [];
    const groupings = {
      get: (input: string) => {
        asked.push(stored.has(input));
        return stored.get(input);
      },
      set: (input: string, grouping: readonly number[]) => void stored.set(input, grouping),
    };
    const fresh = clusterEvents(articles, annotations, grouping);
    expect(clusterEvents(articles, annotations, { ...grouping, groupings })).toEqual(fresh);
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.every((found) => !found)).toBe(true);
    asked.length = 0;
    expect(clusterEvents(articles, annotations, { ...grouping, groupings })).toEqual(fresh);
    expect(asked.every((found) => found)).toBe(true);
    // another crossing date in the third article: its sub-topic is grouped again, the other one is not
    const changed = new Map(annotations);
    changed.set(
      'a3',
      eventAnnotation(a3, [
        { trigger: 'crossed', lemma: 'cross', type: 'movement', args: { timeValue: '*-09-04' } },
        { trigger: 'crossing', lemma: 'cross', type: 'movement' },
      ]),
    );
    asked.length = 0;
    expect(clusterEvents(articles, changed, { ...grouping, groupings })).toEqual(
      clusterEvents(articles, changed, grouping),
    );
    expect(asked.filter((found) => found).length).toBe(asked.length - 1);
  });

  it('keeps mentions with different written dates apart even in one sub-topic', () => {
    const undated = articles.map((a) => ({ ...a, date: null }));
    const events = clusterEvents(undated, annotations, { ...grouping, documents: { threshold: 0 } });
    const crossed = events.filter((e) => e.mentions.some((m) => m.text === 'crossed'));
    expect(crossed.length).toBe(2);
  });

  it('groups words the annotator gave one synset and labels events by lemma', () => {
    const synset = new Map(
      [...annotations].map(([id, a]) => [id, { ...a, events: a.events.map((e) => ({ ...e, synset: 'cross' })) }]),
    );
    const events = clusterEvents(articles.slice(0, 2), synset, grouping);
    const crossing = events.find((e) => e.mentions.some((m) => m.text === 'incursion'));
    expect(crossing?.mentions.length).toBe(4);
    expect(crossing?.label).toContain('cross');
    expect(crossing?.type).toBe('movement');
  });

  it('names an event by the word most articles use, however often one article repeats its own', () => {
    const repeats =
      'Northland forces made an incursion near Riverton. The incursion was brief; the incursion ended in Westport and Harborview.';
    const a4 = 'Northland forces crossed the border near Riverton, witnesses in Harborview said.';
    const at = (text: string, k: number) => text.split('incursion', k + 1).join('incursion').length;
    const texts = [
      article('a1', repeats, '2024-04-17'),
      articles[1] as (typeof articles)[number],
      article('a4', a4, '2024-04-17'),
    ];
    const events = clusterEvents(
      texts,
      new Map([
        [
          'a1',
          {
            ...eventAnnotation(repeats, []),
            events: [0, 1, 2].map((k) => ({
              id: `v${k + 1}`,
              trigger: { start: at(repeats, k), end: at(repeats, k) + 'incursion'.length, text: 'incursion' },
              type: 'movement',
              lemma: 'incursion',
              synset: 'cross',
              arguments: {},
              claims: [],
            })),
          },
        ],
        ['a2', withSynset(annotations.get('a2') as DocumentAnnotation)],
        ['a4', withSynset(eventAnnotation(a4, [{ trigger: 'crossed', lemma: 'cross', type: 'movement' }]))],
      ]),
      { ...grouping, documents: { threshold: 0 } },
    );
    const crossing = events.find((e) => e.mentions.some((m) => m.article === 'a1'));
    expect(crossing?.mentions.length).toBe(6);
    expect(crossing?.label).toMatch(/^cross/);
  });

  it('keeps a crossing months later out of the event that several reports agree on', () => {
    const reports = [
      ['b1', 'Northland columns crossed into Southland near Riverton.', undefined],
      ['b3', 'Witnesses say Northland columns crossed into Southland.', undefined],
      ['b4', 'Northland columns crossed into Southland on April 16.', '*-04-16'],
      ['b5', 'Northland columns crossed into Southland on September 3.', '*-09-03'],
    ] as const;
    const events = clusterEvents(
      reports.map(([id, text]) => article(id, text, null)),
      new Map(
        reports.map(([id, text, time]) => [
          id,
          eventAnnotation(text, [
            { trigger: 'crossed', lemma: 'cross', type: 'movement', ...(time ? { args: { timeValue: time } } : {}) },
          ]),
        ]),
      ),
      { ...grouping, documents: { threshold: 0 } },
    );
    const eventOf = (id: string) => events.find((e) => e.mentions.some((m) => m.article === id))?.id;
    expect(eventOf('b4')).toBe(eventOf('b1'));
    expect(eventOf('b3')).toBe(eventOf('b1'));
    expect(eventOf('b5')).not.toBe(eventOf('b1'));
  });
});

/** The annotation with every event mention in the synset "cross" (as an annotator that counts "cross" and "incursion" one synset marks them). */
function withSynset(annotation: DocumentAnnotation): DocumentAnnotation {
  return { ...annotation, events: annotation.events.map((e) => ({ ...e, synset: 'cross' })) };
}
