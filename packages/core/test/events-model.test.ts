import { clusterEvents, type DocumentAnnotation, type EventModel, eventFeatures } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { article, eventAnnotation, type GivenMention } from './fixtures/article.js';
import { grouping } from './fixtures/grouping.js';

/** An annotation of the given event mentions, with "Riverton" and "Northland" as place names wherever they occur. */
function annotated(text: string, mentions: GivenMention[]): DocumentAnnotation {
  const annotation = eventAnnotation(text, mentions);
  for (const [name, kind] of [
    ['Riverton', 'city'],
    ['Northland', 'country'],
  ] as const) {
    const id = `place:${name}`;
    annotation.entities.push({ id, name, type: 'place', kind, aliases: [] });
    for (const m of text.matchAll(new RegExp(name, 'g'))) {
      annotation.mentions.push({
        start: m.index,
        end: m.index + name.length,
        text: name,
        type: 'place',
        kind,
        entity: id,
      });
    }
  }
  annotation.mentions.sort((a, b) => a.start - b.start);
  return annotation;
}

const at = (text: string, word: string) => ({
  start: text.indexOf(word),
  end: text.indexOf(word) + word.length,
  text: word,
});

const first = 'A powerful earthquake struck Riverton in Northland on Monday, destroying hundreds of homes in Riverton.';
const second = 'The quake flattened hundreds of homes in Riverton on Monday, Northland officials in Riverton said.';
const fourth = 'Officials in Riverton said the damage was worse than after a previous earthquake in Northland.';
const third =
  'Rescuers searched Riverton in Northland after the quake on Monday; older residents recalled the 2004 earthquake that destroyed Riverton.';

describe('event grouping with the shipped model', () => {
  const articles = [
    article('first', first, '2024-03-12'),
    article('second', second, '2024-03-12'),
    article('third', third, '2024-03-12'),
  ];
  const quake = (text: string, trigger: string, lemma: string) => ({
    trigger,
    lemma,
    type: 'disaster',
    args: { place: at(text, 'Riverton') },
  });
  const annotations = new Map([
    ['first', annotated(first, [quake(first, 'earthquake', 'earthquake')])],
    ['second', annotated(second, [quake(second, 'quake', 'quake')])],
    [
      'third',
      annotated(third, [
        quake(third, 'quake', 'quake'),
        {
          ...quake(third, 'earthquake', 'earthquake'),
          args: {
            place: {
              ...at(third, 'Riverton'),
              start: third.lastIndexOf('Riverton'),
              end: third.lastIndexOf('Riverton') + 8,
            },
          },
        },
      ]),
    ],
  ]);
  // look-alike texts: every shared name is in all of them, so let the sub-topic step group them all
  const events = clusterEvents(articles, annotations, { ...grouping, documents: { threshold: 0 } });
  const eventOf = (id: string, trigger: string) =>
    events.find((e) => e.mentions.some((m) => m.article === id && m.text === trigger));

  it('groups two articles that report one happening in different words, and says why', () => {
    const event = eventOf('first', 'earthquake');
    expect(event).toBeDefined();
    expect(eventOf('second', 'quake')?.id).toBe(event?.id);
    expect(eventOf('third', 'quake')?.id).toBe(event?.id);
    expect(event?.reason).toMatch(/related words: .*(?:earthquake|quake)/);
    expect(event?.reason).toContain('same place: Riverton');
  });

  it('keeps a happening of another year, mentioned as background, out of the day’s event', () => {
    const background = eventOf('third', 'earthquake');
    expect(background).toBeDefined();
    expect(background?.id).not.toBe(eventOf('first', 'earthquake')?.id);
    expect(background?.mentions.length).toBe(1);
    expect(background?.reason).toBeUndefined();
  });
});

describe('event grouping of a happening framed as background', () => {
  const texts = { first, second, fourth };
  const articles = Object.entries(texts).map(([id, text]) => article(id, text, '2024-03-12'));
  const annotations = new Map(
    Object.entries(texts).map(([id, text]) => {
      const word = text.includes('earthquake') ? 'earthquake' : 'quake';
      const mention = { trigger: word, lemma: word, type: 'disaster', args: { place: at(text, 'Riverton') } };
      return [id, annotated(text, [mention])];
    }),
  );
  const events = clusterEvents(articles, annotations, { ...grouping, documents: { threshold: 0 } });
  const eventOf = (id: string) => events.find((e) => e.mentions.some((m) => m.article === id));

  it('groups the day’s reports, and keeps “a previous earthquake” out of their event', () => {
    expect(eventOf('second')?.id).toBe(eventOf('first')?.id);
    expect(eventOf('fourth')).toBeDefined();
    expect(eventOf('fourth')?.id).not.toBe(eventOf('first')?.id);
    expect(eventOf('fourth')?.mentions.map((m) => m.article)).toEqual(['fourth']);
  });
});

describe('event grouping with boosted trees in the model', () => {
  const texts = {
    one: 'Quake shakes Riverton at dawn. The quake damaged roads across Riverton.',
    two: 'A quake shook Riverton overnight.',
  };
  const articles = Object.entries(texts).map(([id, text]) => article(id, text, '2024-03-12'));
  const quake = (trigger: string) => ({ trigger, lemma: 'quake', type: 'disaster' });
  const annotations = new Map([
    ['one', annotated(texts.one, [quake('Quake'), quake('quake')])],
    ['two', annotated(texts.two, [quake('quake')])],
  ]);
  const shipped = grouping.model as EventModel;
  const feature = (name: string) => eventFeatures.indexOf(name as (typeof eventFeatures)[number]);
  // a linear score that joins nothing, and one tree: one word in two articles scores high, in one article not
  const model: EventModel = {
    ...shipped,
    weights: shipped.weights.map((_, i) => (i === 0 ? -4 : 0)),
    trees: [[feature('sameLemma'), 0.5, 0, 1e9, feature('sameArticle'), 0.5, 0, 0, 8, 0]],
    threshold: 0.6,
    lemmas: {},
  };
  const options = { ...grouping, model, documents: { threshold: 0 } };

  it('joins what the trees score as one happening and keeps the rest apart', () => {
    const events = clusterEvents(articles, annotations, options);
    const other = events.find((e) => e.mentions.some((m) => m.article === 'two'));
    expect(other?.mentions.map((m) => m.article).sort()).toEqual(['one', 'two']);
    expect(events.filter((e) => e.mentions.some((m) => m.article === 'one'))).toHaveLength(2);
  });

  it('refuses a model whose tree splits on no feature, and says what it expected', () => {
    const broken = { ...model, trees: [[99, 0.5, 0, 1e9, 0, 1e9, 0, 0, 8, 0]] };
    expect(() => clusterEvents(articles, annotations, { ...options, model: broken })).toThrow(
      /Expected an event model tree of 10 numbers over feature indexes, not \[99,/,
    );
  });
});

describe('event grouping of words of opposite sense', () => {
  const texts = {
    entered: 'Northland troops entered Riverton on Monday, officials in Riverton said.',
    left: 'Northland troops left Riverton on Monday, officials in Riverton said.',
    again: 'On Monday Northland troops entered Riverton, officials in Riverton said.',
  };
  const articles = Object.entries(texts).map(([id, text]) => article(id, text, '2024-03-12'));
  const annotations = new Map(
    Object.entries(texts).map(([id, text]) => {
      const word = id === 'left' ? 'left' : 'entered';
      const mention = {
        trigger: word,
        lemma: id === 'left' ? 'leave' : 'enter',
        type: 'movement',
        verbal: true,
        args: { place: at(text, 'Riverton') },
      };
      return [id, annotated(text, [mention])];
    }),
  );
  const events = clusterEvents(articles, annotations, { ...grouping, documents: { threshold: 0 } });
  const eventOf = (id: string) => events.find((e) => e.mentions.some((m) => m.article === id));

  it('groups troops entering a town in two reports, and keeps troops leaving it apart', () => {
    expect(eventOf('again')?.id).toBe(eventOf('entered')?.id);
    expect(eventOf('left')?.id).not.toBe(eventOf('entered')?.id);
    expect(eventOf('left')?.mentions.map((m) => m.article)).toEqual(['left']);
  });
});
