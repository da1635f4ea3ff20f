import { markProse, parsePlain, tagActors, tagPos } from '@claimlens/annotator';
import type { Mention } from '@claimlens/core';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import splitSentences from '../src/plugins/split-sentences.js';

const processor = unified().use(parsePlain).use(markProse).use(splitSentences).use(tagPos).use(tagActors).freeze();

function names(text: string) {
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  processor.runSync(processor.parse(file), file);
  return { mentions: file.data.mentions ?? [], names: file.data.names ?? [] };
}

const brief = (m: Mention) => [m.text, m.type, m.kind];

describe('tagActors', () => {
  it('tags persons, organisations and places with exact offsets', () => {
    const text = 'On Tuesday, Angela Merkel met executives of Siemens in Berlin, officials said.';
    const { mentions } = names(text);
    expect(mentions.map(brief)).toEqual([
      ['Angela Merkel', 'actor', 'person'],
      ['Siemens', 'actor', 'organization'],
      ['Berlin', 'place', 'location'],
    ]);
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.entity).toBe('');
    }
    expect(mentions[0]?.start).toBe(text.indexOf('Angela'));
  });

  it('finds multi-word organisations and places in running news text', () => {
    const text =
      'The United Nations said on Monday that aid had reached Kharkiv. "We are very worried," World Health Organization spokesman Tarik Jasarevic told reporters in Geneva.';
    const found = names(text).mentions.map(brief);
    expect(found).toContainEqual(['United Nations', 'actor', 'organization']);
    expect(found).toContainEqual(['Kharkiv', 'place', 'location']);
    expect(found).toContainEqual(['World Health Organization', 'actor', 'organization']);
    expect(found).toContainEqual(['Tarik Jasarevic', 'actor', 'person']);
    expect(found).toContainEqual(['Geneva', 'place', 'location']);
  });

  it('keeps MISC names such as demonyms in file.data.names, not in mentions', () => {
    const text = 'Ukrainian forces shelled the town, a Russian official told Interfax.';
    const result = names(text);
    expect(result.names.filter((n) => n.label === 'MISC').map((n) => n.text)).toEqual(['Ukrainian', 'Russian']);
    expect(result.mentions.map((m) => m.text)).not.toContain('Ukrainian');
    for (const n of result.names) expect(text.slice(n.start, n.end)).toBe(n.text);
  });

  it('does not turn the common words of an ALL-CAPS headline into names', () => {
    const text = 'RUSSIA WARNS OF NEW SANCTIONS AFTER TALKS COLLAPSE\n\nMoscow said the talks had failed.';
    const { mentions } = names(text);
    for (const m of mentions) expect(m.text).not.toMatch(/WARNS|SANCTIONS|TALKS|COLLAPSE|NEW/);
    expect(mentions.map(brief)).toContainEqual(['RUSSIA', 'place', 'location']);
  });

  it('does not turn the common words of a Title Case headline into names', () => {
    const text =
      'Peace Talks Resume In Geneva As Russia Signals Shift\n\nRebels Seize Airport As Government Troops Retreat From Northern Town';
    expect(names(text).mentions.map(brief)).toEqual([
      ['Geneva', 'place', 'location'],
      ['Russia', 'place', 'location'],
    ]);
  });
});
