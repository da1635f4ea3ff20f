import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../src/json.js';

const written = (value: unknown, chunks: string[] = []) => {
  writeJson(value, (chunk) => chunks.push(chunk));
  return chunks.join('');
};

describe('writeJson', () => {
  it('writes the bytes of JSON.stringify(value, null, 2) and a newline, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes a large array in pieces', () => {
    const value = { a: undefined, b: [undefined, 1], c: { d: undefined }, e: new Date(0), f: [] };
    expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    const chunks: string[] = [];
    const big = { mentions: Array.from({ length: 40_000 }, (_, i) => ({ start: i, end: i + 1, text: 'NATO' })) };
    expect(written(big, chunks)).toBe(`${JSON.stringify(big, null, 2)}\n`);
    expect(chunks.length).toBeGreaterThan(1);
  });
});
