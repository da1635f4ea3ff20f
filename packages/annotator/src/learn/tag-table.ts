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

/** A word's feature hashes and, once a fixed model has scored them, the scores of its features in each role. */
export interface RoleEntry {
  lexeme: Uint32Array;
  roles: Float32Array | null;
}

/**
 * The features of the words around a token, each seen in one role (offsets such as itself, one and two before,
 * one and two after): written out for training, or, with a fixed model, scored once per word and cached on the
 * word's entry.
 */
export class RoleTable {
  private readonly classes: number;
  private readonly features: Uint32Array;

  constructor(
    private readonly scorer: Scorer,
    private readonly offsets: readonly number[],
    private readonly featuresOf: (role: number, lexeme: Uint32Array, out: Uint32Array, n: number) => number,
    maxFeatures: number,
  ) {
    this.classes = scorer.classes.length;
    this.features = new Uint32Array(maxFeatures);
  }

  /** Append the role features of the words around position `at` of `entries`; returns the new count. */
  write(entries: readonly RoleEntry[], at: number, out: Uint32Array, n: number): number {
    for (let role = 0; role < this.offsets.length; role++) {
      n = this.featuresOf(role, (entries[at + (this.offsets[role] as number)] as RoleEntry).lexeme, out, n);
    }
    return n;
  }

  /** Add the scores of the role features around position `at` to `out`, class by class. */
  add(entries: readonly RoleEntry[], at: number, out: Float32Array): void {
    const classes = this.classes;
    for (let role = 0; role < this.offsets.length; role++) {
      const roles = this.scoresOf(entries[at + (this.offsets[role] as number)] as RoleEntry);
      const base = role * classes;
      for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + (roles[base + c] as number);
    }
  }

  /** `score` plus the scores of class `c`'s role features around position `at`, role by role. */
  addClass(score: number, entries: readonly RoleEntry[], at: number, c: number): number {
    for (let role = 0; role < this.offsets.length; role++) {
      score += this.scoresOf(entries[at + (this.offsets[role] as number)] as RoleEntry)[
        role * this.classes + c
      ] as number;
    }
    return score;
  }

  private scoresOf(entry: RoleEntry): Float32Array {
    if (entry.roles) return entry.roles;
    const classes = this.classes;
    const roles = new Float32Array(this.offsets.length * classes);
    for (let role = 0; role < this.offsets.length; role++) {
      const count = this.featuresOf(role, entry.lexeme, this.features, 0);
      this.scorer.score(this.features, count, roles.subarray(role * classes, role * classes + classes));
    }
    entry.roles = roles;
    return roles;
  }
}
