import { createAnnotator, defaultEventGrouping } from '@claimlens/annotator';
import { buildCorpus, type Event } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { article } from './fixtures/article.js';

const annotator = createAnnotator();

/** A corpus of small dated articles, as `claimlens analyze` builds it. */
function corpus(articles: Record<string, [date: string, text: string]>) {
  const items = Object.entries(articles).map(([id, [date, text]]) => ({
    article: article(id, text, date),
    annotation: annotator.annotate(text),
  }));
  const events = buildCorpus(items, {}, { events: defaultEventGrouping() }).events;
  /** The event of the first mention whose trigger is `word` in article `id`. */
  const eventOf = (id: string, word: string): Event | undefined => {
    const text = articles[id]?.[1] ?? '';
    const start = text.indexOf(word);
    return events.find((e) => e.mentions.some((m) => m.article === id && m.start === start));
  };
  return { events, eventOf };
}

describe('events across outlets', () => {
  it('groups two outlets reporting one crossing, with a label that names it', () => {
    const { eventOf } = corpus({
      wire: ['2024-04-17', 'Northland troops crossed into Southland near Riverton on April 16, officials said.'],
      paper: [
        '2024-04-18',
        'Witnesses in Riverton said Northland troops crossed into Southland on Tuesday, April 16, before dawn.',
      ],
    });
    const event = eventOf('wire', 'crossed');
    expect(event).toBeDefined();
    expect(eventOf('paper', 'crossed')?.id).toBe(event?.id);
    expect(event?.label).toBe('crossing into Southland (16 April 2024)');
  });

  // two articles a test: in a corpus of three look-alike texts every shared word is too common to pair them
  it('keeps two crossings months apart as two events', () => {
    const spring = '2024-04-17';
    const text = (when: string) => `Northland troops crossed into Southland near Riverton${when}, officials said.`;
    const weekdays = corpus({ spring: [spring, text(' on Tuesday')], summer: ['2024-08-06', text(' on Monday')] });
    expect(weekdays.eventOf('spring', 'crossed')).toBeDefined();
    expect(weekdays.eventOf('summer', 'crossed')?.id).not.toBe(weekdays.eventOf('spring', 'crossed')?.id);
    expect(weekdays.eventOf('summer', 'crossed')?.label).toBe('crossing into Southland (5 August 2024)');
    const undated = corpus({ spring: [spring, text(' on April 16')], summer: ['2024-08-07', text('')] });
    expect(undated.eventOf('summer', 'crossed')?.id).not.toBe(undated.eventOf('spring', 'crossed')?.id);
    const sameWeek = corpus({ spring: [spring, text(' on April 16')], later: ['2024-04-19', text('')] });
    expect(sameWeek.eventOf('later', 'crossed')?.id).toBe(sameWeek.eventOf('spring', 'crossed')?.id);
  });

  it('keeps crossings in opposite directions apart', () => {
    const text = (way: string) => `Armored vehicles crossed ${way} near Riverton on April 16, officials said.`;
    const into = text('into Southland');
    const same = corpus({ east: ['2024-04-17', into], again: ['2024-04-17', into] });
    expect(same.eventOf('again', 'crossed')?.id).toBe(same.eventOf('east', 'crossed')?.id);
    for (const way of ['from Southland', 'into Northland']) {
      const { eventOf } = corpus({ east: ['2024-04-17', into], west: ['2024-04-17', text(way)] });
      expect(eventOf('east', 'crossed')).toBeDefined();
      expect(eventOf('west', 'crossed')?.id).not.toBe(eventOf('east', 'crossed')?.id);
    }
  });

  it("groups one speaker's statement reported by two outlets, and never statements of different speakers", () => {
    const one = 'Mayor Anna Berg said the Westport bridge would reopen on Friday. Engineer Tom Hale said it was safe.';
    const hale = one.indexOf('Hale said') + 'Hale '.length;
    const { events, eventOf } = corpus({
      one: ['2024-04-17', one],
      two: ['2024-04-17', 'Mayor Anna Berg said the Westport bridge was safe and would reopen.'],
    });
    expect(eventOf('one', 'said')?.type).toBe('statement');
    expect(eventOf('two', 'said')?.id).toBe(eventOf('one', 'said')?.id);
    const haleSaid = events.find((e) => e.mentions.some((m) => m.article === 'one' && m.start === hale));
    expect(haleSaid?.type).toBe('statement');
    expect(haleSaid?.id).not.toBe(eventOf('one', 'said')?.id);
    for (const event of events.filter((e) => e.type === 'statement')) {
      expect(new Set(event.mentions.map((m) => m.article)).size).toBe(event.mentions.length);
    }
    // the bridge's reopening, which both report, is one event
    expect(eventOf('two', 'reopen')?.id).toBe(eventOf('one', 'reopen')?.id);
  });

  it('names no forces or troops as happenings', () => {
    const { events } = corpus({
      one: ['2024-04-17', 'Security forces in Riverton were forced to retreat after rebel troops advanced.'],
    });
    const triggers = events.flatMap((e) => e.mentions.map((m) => m.text));
    expect(triggers).toContain('forced');
    for (const word of ['Security', 'forces', 'troops']) expect(triggers).not.toContain(word);
  });

  it('does not group generic words across articles that share no participant', () => {
    const { eventOf } = corpus({
      one: ['2024-04-17', 'Riot police used tear gas in Riverton on April 16, witnesses said.'],
      two: ['2024-04-17', 'Farmers used the old bridge in Riverton on April 16, witnesses said.'],
    });
    expect(eventOf('one', 'used')).toBeDefined();
    expect(eventOf('two', 'used')?.id).not.toBe(eventOf('one', 'used')?.id);
  });
});
