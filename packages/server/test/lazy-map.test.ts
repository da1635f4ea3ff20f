import { expect, it } from 'vitest';
import { LazyJsonMap } from '../src/lazy-map.js';

it('parses a value on first read and behaves as a map otherwise', () => {
  const map = new LazyJsonMap<{ n: number }>([
    ['a', '{"n":1}'],
    ['b', '{"n":2}'],
  ]);
  expect(map.size).toBe(2);
  expect(map.has('b')).toBe(true);
  const first = map.get('a');
  expect(first).toEqual({ n: 1 });
  expect(map.get('a')).toBe(first);
  map.set('c', { n: 3 });
  expect([...map.keys()]).toEqual(['a', 'b', 'c']);
  expect([...map.values()].map((v) => v.n)).toEqual([1, 2, 3]);
  expect([...map].map(([k, v]) => `${k}${v.n}`)).toEqual(['a1', 'b2', 'c3']);
  expect(map.delete('b')).toBe(true);
  expect(map.get('b')).toBeUndefined();
  expect(map.size).toBe(2);
  const seen: string[] = [];
  map.forEach((v, k) => {
    seen.push(`${k}${v.n}`);
  });
  expect(seen).toEqual(['a1', 'c3']);
});
