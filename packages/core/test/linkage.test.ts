import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageLinkage, Heap, Sums } from '../src/events/linkage.js';

/**
 * Sparse similarities between `n` items: each pair once, in a random order; scores in [0, 1] or the -1 of a
 * ruled-out pair, made distinct so that no two merges tie.
 */
const similarities = fc.integer({ min: 5, max: 10 }).chain((n) =>
  fc
    .uniqueArray(
      fc.record({
        i: fc.integer({ min: 0, max: n - 1 }),
        j: fc.integer({ min: 0, max: n - 1 }),
        sim: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(-1)),
      }),
      { selector: ({ i, j }) => `${Math.min(i, j)} ${Math.max(i, j)}`, minLength: 6, maxLength: 45 },
    )
    .map((pairs) => ({
      n,
      pairs: pairs
        .filter(({ i, j }) => i !== j)
        .map((pair, k) => ({ ...pair, sim: pair.sim === -1 ? -1 : Math.round(pair.sim * 900) / 1000 + k * 1e-3 })),
    })),
);

describe('averageLinkage', () => {
  it('merges, at each step, the two groups of highest average similarity while it reaches the threshold', () => {
    fc.assert(
      fc.property(similarities, ({ n, pairs }) => {
        const threshold = 0.3;
        const sums = new Sums(n);
        const heap = new Heap();
        for (const { i, j, sim } of pairs) {
          sums.add(i, j, sim);
          if (sim >= threshold) heap.push(sim, i, j, 0, 0);
        }
        const group = averageLinkage(n, { sums, heap }, threshold);
        expect(partition(group)).toEqual(partition(naiveAverageLinkage(n, pairs, threshold)));
      }),
      // a fixed seed: the same cases on every run
      { numRuns: 400, seed: 16 },
    );
  });
});

/** Items grouped, as sorted lists of items, sorted by first item. */
function partition(group: readonly number[]): number[][] {
  const byRoot = new Map<number, number[]>();
  group.forEach((root, i) => {
    byRoot.set(root, [...(byRoot.get(root) ?? []), i]);
  });
  return [...byRoot.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** The textbook algorithm: recompute every average from the item pairs at every step (missing pairs count 0). */
function naiveAverageLinkage(n: number, pairs: { i: number; j: number; sim: number }[], threshold: number): number[] {
  const sim = new Map(pairs.map(({ i, j, sim }) => [`${Math.min(i, j)} ${Math.max(i, j)}`, sim]));
  const groups = Array.from({ length: n }, (_, i) => [i]);
  for (;;) {
    let best: [number, number] | undefined;
    let bestAverage = threshold;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        let sum = 0;
        let linked = false;
        for (const x of groups[a] as number[]) {
          for (const y of groups[b] as number[]) {
            const s = sim.get(`${Math.min(x, y)} ${Math.max(x, y)}`);
            if (s !== undefined) linked = true;
            sum += s ?? 0;
          }
        }
        const average = sum / ((groups[a] as number[]).length * (groups[b] as number[]).length);
        if (linked && (average > bestAverage || (!best && average >= bestAverage))) {
          best = [a, b];
          bestAverage = average;
        }
      }
    }
    if (!best) break;
    const [a, b] = best;
    groups[a] = [...(groups[a] as number[]), ...(groups[b] as number[])];
    groups.splice(b, 1);
  }
  const group = new Array<number>(n);
  for (const members of groups) for (const i of members) group[i] = members[0] as number;
  return group;
}
