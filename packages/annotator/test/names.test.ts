import { markProse, parsePlain, tagActors, tagPos } from '@claimlens/annotator';
import fc from 'fast-check';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import splitSentences from '../src/plugins/split-sentences.js';

const processor = unified().use(parsePlain).use(markProse).use(splitSentences).use(tagPos).use(tagActors).freeze();

function run(text: string) {
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  processor.runSync(processor.parse(file), file);
  return file.data;
}

const vocabulary = [
  'Angela',
  'Merkel',
  'Siemens',
  'Berlin',
  'New',
  'York',
  'United',
  'Nations',
  'the',
  'said',
  'of',
  'in',
  'on',
  'Monday',
  'MOSCOW',
  'RUSSIA',
  'TALKS',
  'Ukrainian',
  'forces',
  'Bank',
  'England',
  "'s",
  'Mr.',
  'J.',
  'Smith',
  'World',
  'Health',
  'Organization',
  '"',
  ',',
  '.',
  '(',
  ')',
  '-',
  '1996-08-22',
  'Kyiv',
  'de',
  'van',
  'Reuters',
];

describe('name mentions', () => {
  it('never overlap, are in order, and are views of the text', () => {
    const word = fc.constantFrom(...vocabulary);
    const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n');
    const text = fc
      .array(fc.tuple(word, separator), { minLength: 1, maxLength: 60 })
      .map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(text, (value) => {
        const data = run(value);
        for (const list of [data.mentions ?? [], data.names ?? []]) {
          for (let k = 0; k < list.length; k++) {
            const m = list[k] as { start: number; end: number; text: string };
            expect(value.slice(m.start, m.end)).toBe(m.text);
            expect(m.end).toBeGreaterThan(m.start);
            if (k > 0) expect(m.start).toBeGreaterThanOrEqual((list[k - 1] as { end: number }).end);
          }
        }
        const names = new Set((data.names ?? []).map((n) => `${n.start}:${n.end}`));
        for (const m of data.mentions ?? []) expect(names.has(`${m.start}:${m.end}`)).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('gives every token of every sentence a part of speech', () => {
    const data = run('Officials in Kyiv said on Monday that 12 people had died.\n\nTALKS RESUME IN GENEVA');
    const tokens = (data.sentences ?? []).flatMap((s) => s.tokens);
    expect(tokens.length).toBeGreaterThan(10);
    for (const token of tokens) expect(typeof token.pos).toBe('string');
  });
});
