import { describe, expect, it } from 'vitest';
import type { CorpusClaim } from '../src/claim.js';
import { MentionIndex } from '../src/compare/view.js';
import type { EventMention } from '../src/event.js';

const mention = (id: string, start: number, claims: string[] = []): EventMention => ({
  id,
  trigger: { start, end: start + 5, text: 'crash' },
  type: 'accident',
  lemma: 'crash',
  arguments: {},
  claims,
});

const claim = (id: string, start: number, end: number) =>
  ({ id, content: { start, end, text: '' } }) as unknown as CorpusClaim;

describe('MentionIndex: the event mention a claim holds', () => {
  it('takes the first mention, in the family order, that lists the claim or lies in its content', () => {
    const index = new MentionIndex();
    for (const m of [mention('a:v9', 500), mention('a:v2', 120), mention('a:v1', 100), mention('a:v7', 900, ['c4'])])
      index.add(m);
    // v2 comes before v1 in the family order, though v1 is earlier in the text
    expect(index.find(claim('c1', 90, 200))?.id).toBe('a:v2');
    // a mention that lists the claim counts even outside its content
    expect(index.find(claim('c4', 0, 50))?.id).toBe('a:v7');
    // a trigger that runs past the content's end is not in it
    expect(index.find(claim('c5', 495, 503))).toBeNull();
  });

  it("finds each claim's own mention among twenty thousand", () => {
    const index = new MentionIndex();
    for (let i = 0; i < 20_000; i++) index.add(mention(`a:v${i + 1}`, i * 10));
    const found = Array.from({ length: 20_000 }, (_, i) => index.find(claim(`c${i}`, i * 10, i * 10 + 8))?.id);
    expect(found[12_345]).toBe('a:v12346');
    expect(found.every((id) => id !== undefined)).toBe(true);
  });
});
