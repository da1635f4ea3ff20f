import { clusterEvents, type DocumentAnnotation, type EventMention } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { article, eventAnnotation, type GivenMention } from './fixtures/article.js';
import { grouping } from './fixtures/grouping.js';

type Given = Omit<GivenMention, 'verbal'>;

/** One event mention per given trigger word; a trigger in "-ed" or "said" is verbal. */
function annotation(text: string, mentions: Given[]): DocumentAnnotation {
  return eventAnnotation(
    text,
    mentions.map((m) => ({ ...m, verbal: /(?:ed|said)$/.test(m.trigger) })),
  );
}

/** Cluster two one-sentence articles (one sub-topic: they share a name) and tell whether their first mentions share an event. */
function together(one: [string, string | null, Given], two: [string, string | null, Given]) {
  const articles = [article('one', one[0], one[1]), article('two', two[0], two[1])];
  const annotations = new Map([
    ['one', annotation(one[0], [one[2]])],
    ['two', annotation(two[0], [two[2]])],
  ]);
  const events = clusterEvents(articles, annotations, { ...grouping, documents: { threshold: 0 } });
  const of = (id: string) => events.find((e) => e.mentions.some((m) => m.article === id));
  return { same: of('one')?.id === of('two')?.id, label: of('one')?.label };
}

const to = (text: string) => ({ start: 0, end: 0, text });

describe('clusterEvents options and arguments', () => {
  it('groups statements only when one speaker is reported by two articles', () => {
    const said = (speaker?: string) => ({
      trigger: 'said',
      lemma: 'say',
      type: 'statement',
      ...(speaker ? { args: { agent: to(speaker) } } : {}),
    });
    const open = 'The ministry in Westport said the road was open.';
    const shut = 'The army in Westport said the road was shut.';
    expect(together([open, '2024-04-17', said('The ministry')], [open, '2024-04-17', said('the ministry')]).same).toBe(
      true,
    );
    expect(together([open, '2024-04-17', said('The ministry')], [shut, '2024-04-17', said('The army')]).same).toBe(
      false,
    );
    // nobody in particular, or a pronoun, is no speaker to tell one statement by
    expect(together([open, '2024-04-17', said()], [open, '2024-04-17', said()]).same).toBe(false);
    expect(together([open, '2024-04-17', said('it')], [open, '2024-04-17', said('it')]).same).toBe(false);
  });

  it('holds generic mentions that share no participant apart', () => {
    const used = { trigger: 'used', lemma: 'use', type: 'occurrence', generic: true };
    const one: [string, string, Given] = ['Police in Westport used tear gas.', '2024-04-17', used];
    const two: [string, string, Given] = ['Farmers in Westport used the bridge.', '2024-04-17', used];
    expect(together(one, two).same).toBe(false);
  });

  it('reads weekdays against the article date and labels the day', () => {
    const crossed = (timeValue: string) => ({
      trigger: 'crossed',
      lemma: 'cross',
      type: 'movement',
      args: { destination: to('Southland'), timeValue },
    });
    const text = 'Troops crossed into Southland.';
    // Friday before Monday 2024-04-22 is 19 April; the other article says 19 April
    const same = together([text, '2024-04-22', crossed('weekday:5')], [text, null, crossed('*-04-19')]);
    expect(same).toEqual({ same: true, label: 'crossing into Southland (19 April 2024)' });
    expect(together([text, '2024-04-22', crossed('weekday:5')], [text, null, crossed('*-04-12')]).same).toBe(false);
  });

  it('places an undated article in time by the latest day it gives', () => {
    const crossed = { trigger: 'crossed', lemma: 'cross', type: 'movement', args: { destination: to('Southland') } };
    const seized = { trigger: 'seized', lemma: 'seize', type: 'seizure', args: { timeValue: '*-04-16' } };
    const undated = 'On April 16 rebels seized the hall. Troops crossed into Southland.';
    const dated = 'Troops crossed into Southland.';
    const sameCrossing = (date: string) => {
      const articles = [article('one', undated), article('two', dated, date)];
      const annotations = new Map([
        ['one', annotation(undated, [crossed, seized])],
        ['two', annotation(dated, [crossed])],
      ]);
      const events = clusterEvents(articles, annotations, { ...grouping, documents: { threshold: 0 } });
      return events.some((e) => new Set(e.mentions.map((m) => m.article)).size === 2);
    };
    expect(sameCrossing('2024-04-18')).toBe(true);
    expect(sameCrossing('2024-08-05')).toBe(false);
  });

  it('keeps movements apart when one goes where the other comes from', () => {
    const crossed = (args: EventMention['arguments']) => ({
      trigger: 'crossed',
      lemma: 'cross',
      type: 'movement',
      args,
    });
    const one: [string, null, Given] = [
      'Tanks crossed into Southland.',
      null,
      crossed({ destination: to('Southland') }),
    ];
    const back: [string, null, Given] = ['Tanks crossed from Southland.', null, crossed({ origin: to('Southland') })];
    const again: [string, null, Given] = [
      'Tanks crossed into Southland.',
      null,
      crossed({ destination: to('Southland') }),
    ];
    expect(together(one, back).same).toBe(false);
    expect(together(one, again).same).toBe(true);
  });
});
