import type { Scorer } from './perceptron.js';

/**
 * Scores of the features that depend only on the two previous tags, computed once per pair of tags
 * (indices `0 … tags-1`) and cached: a fixed model's answer never changes.
 */
export class TagPairTable {
  private readonly classes: number;
  private readonly tags: number;
  private readonly done: Uint8Array;
  private readonly table: Float32Array;
  private readonly features = new Uint32Array(16);

  constructor(
    private readonly scorer: Scorer,
    private readonly hashes: Uint32Array,
    private readonly featuresOf: (p1: number, p2: number, out: Uint32Array, n: number) => number,
  ) {
    this.classes = scorer.classes.length;
    this.tags = hashes.length;
    this.done = new Uint8Array(this.tags * this.tags);
    this.table = new Float32Array(this.tags * this.tags * this.classes);
  }

  /** Add the scores for previous tags `t1` (one back) and `t2` (two back) to `out`. */
  add(t1: number, t2: number, out: Float32Array): void {
    const base = this.offset(t1, t2);
    for (let c = 0; c < this.classes; c++) out[c] = (out[c] as number) + (this.table[base + c] as number);
  }

  /** The score of class `c` after previous tags `t1` and `t2`. */
  get(t1: number, t2: number, c: number): number {
    return this.table[this.offset(t1, t2) + c] as number;
  }

  private offset(t1: number, t2: number): number {
    const pair = t1 * this.tags + t2;
    const base = pair * this.classes;
    if (this.done[pair] === 0) {
      const count = this.featuresOf(this.hashes[t1] as number, this.hashes[t2] as number, this.features, 0);
      this.scorer.score(this.features, count, this.table.subarray(base, base + this.classes));
      this.done[pair] = 1;
    }
    return base;
  }
}
