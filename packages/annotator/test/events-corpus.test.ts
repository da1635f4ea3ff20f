import { createAnnotator, defaultEventGrouping } from '@claimlens/annotator';
import { clusterEvents, resolveEntities } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { article } from './fixtures/article.js';

const annotator = createAnnotator();

const texts = {
  one: 'Northland troops crossed into Southland near Riverton on April 16, officials in Southland said. The incursion by Northland troops was condemned by the Westport council.',
  two: 'Officials said Northland troops crossed into Southland near Riverton on April 16. Northland denied that its troops crossed the border.',
  later:
    'Eastland patrol boats crossed into Lakeland waters near Harborview on September 3. Lakeland said the boats crossed its waters at night.',
};

describe('events across articles (annotator + clusterEvents)', () => {
  it('puts two reports of one crossing together and a crossing months later elsewhere apart', () => {
    const items = [
      { article: article('one', texts.one, '2024-04-17'), annotation: annotator.annotate(texts.one) },
      { article: article('two', texts.two, '2024-04-18'), annotation: annotator.annotate(texts.two) },
      { article: article('later', texts.later, '2024-09-04'), annotation: annotator.annotate(texts.later) },
    ];
    const resolved = resolveEntities(items, {});
    const events = clusterEvents(
      items.map((i) => i.article),
      resolved.annotations,
      { ...defaultEventGrouping(), entities: resolved.entities },
    );
    const first = (id: string) => {
      const text = texts[id as keyof typeof texts];
      const start = text.indexOf('crossed');
      return events.find((e) => e.mentions.some((m) => m.article === id && m.start === start));
    };
    expect(first('one')).toBeDefined();
    expect(first('one')?.id).toBe(first('two')?.id);
    expect(first('later')?.id).not.toBe(first('one')?.id);
    expect(first('one')?.type).toBe('movement');
  });
});
