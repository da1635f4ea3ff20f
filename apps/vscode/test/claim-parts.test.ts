import { describe, expect, it } from 'vitest';
import { spanOf, wordsAroundClaim } from '../src/claim-parts.js';

const text =
  'Officials met on Friday.\n' +
  'Andriy Lysenko, a spokesman, told a news briefing that forces had spotted a column. Moscow denied it.\n' +
  '“A part of it no longer exists,” Lysenko said.\n';
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('wordsAroundClaim', () => {
  it('offers the words of the content’s sentence outside the content, in order', () => {
    const { start, end } = at('forces had spotted a column');
    expect(wordsAroundClaim(text, start, end).map((w) => w.text)).toEqual([
      'Andriy',
      'Lysenko',
      'a',
      'spokesman',
      'told',
      'a',
      'news',
      'briefing',
      'that',
    ]);
  });

  it('reaches past a quotation’s own full stop to the speaker after it', () => {
    const { start, end } = at('A part of it no longer exists');
    expect(wordsAroundClaim(text, start, end).map((w) => w.text)).toEqual(['Lysenko', 'said']);
  });

  it('gives offsets into the text, and the span from the first to the last picked word', () => {
    const { start, end } = at('forces had spotted a column');
    const words = wordsAroundClaim(text, start, end);
    const source = words.filter((w) => w.text === 'Andriy' || w.text === 'Lysenko');
    expect(spanOf(source)).toEqual(at('Andriy Lysenko'));
    expect(words.every((w) => text.slice(w.start, w.end) === w.text)).toBe(true);
    expect(spanOf([])).toBeNull();
  });
});
