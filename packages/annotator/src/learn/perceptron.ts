/** Anything that scores hashed features (a trained model, or a trainer mid-training). */
export interface Scorer {
  readonly classes: readonly string[];
  /** Add the weights of the first `count` features to `out`. */
  score(features: Uint32Array, count: number, out: Float32Array): void;
}

/**
 * A multi-class linear model over hashed features: each feature is a 32-bit hash whose low `bits` bits pick
 * a bucket; a bucket that carries weights owns one row of `classes.length` weights.
 */
export class LinearModel {
  readonly classes: readonly string[];
  readonly bits: number;
  readonly rows: number;
  private readonly mask: number;
  /** Open-addressing table of `[bucket, row offset]` pairs, sized to the rows so it stays in cache. */
  private readonly table: Int32Array;
  private readonly shift: number;
  private readonly slots: number;
  private readonly buckets: Uint32Array;
  private readonly weights: Float32Array;

  constructor(classes: readonly string[], bits: number, buckets: Uint32Array, weights: Float32Array) {
    if (!(bits > 0 && bits <= 28)) throw new RangeError(`Expected bits in 1..28, not ${bits}`);
    if (weights.length !== buckets.length * classes.length) {
      throw new RangeError(`Expected ${buckets.length * classes.length} weights, not ${weights.length}`);
    }
    this.classes = classes;
    this.bits = bits;
    this.rows = buckets.length;
    this.mask = (1 << bits) - 1;
    this.buckets = buckets;
    let slotBits = 4;
    while (1 << slotBits < buckets.length * 1.6) slotBits++;
    this.slots = 1 << slotBits;
    this.shift = 32 - slotBits;
    this.table = new Int32Array(this.slots * 2).fill(-1);
    for (let r = 0; r < buckets.length; r++) {
      const bucket = (buckets[r] as number) & this.mask;
      let slot = Math.imul(bucket, 0x9e3779b1) >>> this.shift;
      while (this.table[slot * 2] !== -1 && this.table[slot * 2] !== bucket) slot = (slot + 1) & (this.slots - 1);
      this.table[slot * 2] = bucket;
      this.table[slot * 2 + 1] = r * classes.length;
    }
    this.weights = weights;
  }

  /** Add the weights of the first `count` features to `out` (which the caller zeroes). */
  score(features: Uint32Array, count: number, out: Float32Array): void {
    const classes = this.classes.length;
    const { table, weights, mask, shift } = this;
    const last = this.slots - 1;
    for (let f = 0; f < count; f++) {
      const bucket = (features[f] as number) & mask;
      let slot = Math.imul(bucket, 0x9e3779b1) >>> shift;
      let key = table[slot << 1] as number;
      while (key !== bucket && key !== -1) {
        slot = (slot + 1) & last;
        key = table[slot << 1] as number;
      }
      if (key === -1) continue;
      const base = table[(slot << 1) + 1] as number;
      for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + (weights[base + c] as number);
    }
  }

  /** Iterate over rows as `[bucket, weights]` (for serialising). */
  *entries(): Generator<[number, Float32Array]> {
    const classes = this.classes.length;
    const order = Array.from(this.buckets.keys()).sort(
      (a, b) => (this.buckets[a] as number) - (this.buckets[b] as number),
    );
    for (const r of order) yield [this.buckets[r] as number, this.weights.subarray(r * classes, r * classes + classes)];
  }
}

/** Index of the largest of the first `count` scores (ties: the first); `allowed` may exclude classes. */
export function argmax(scores: Float32Array, count: number, allowed?: Uint8Array): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < count; c++) {
    if (allowed && allowed[c] === 0) continue;
    const s = scores[c] as number;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return Math.max(best, 0);
}

/** Averaged perceptron training (Collins 2002; lazy averaging as in Honnibal's tagger). */
export class PerceptronTrainer {
  readonly classes: readonly string[];
  readonly bits: number;
  private readonly mask: number;
  private readonly rowOf: Int32Array;
  private rowBucket: Uint32Array;
  private rowCount = 0;
  private capacity: number;
  private w: Float32Array;
  private totals: Float64Array;
  private stamps: Int32Array;
  /** Number of examples seen so far. */
  instances = 0;

  constructor(classes: readonly string[], bits: number, initialRows = 1 << 16) {
    this.classes = classes;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.rowOf = new Int32Array(1 << bits).fill(-1);
    this.capacity = initialRows;
    this.rowBucket = new Uint32Array(initialRows);
    this.w = new Float32Array(initialRows * classes.length);
    this.totals = new Float64Array(initialRows * classes.length);
    this.stamps = new Int32Array(initialRows * classes.length);
  }

  /** Scores with the current (not averaged) weights. */
  score(features: Uint32Array, count: number, out: Float32Array): void {
    const classes = this.classes.length;
    out.fill(0, 0, classes);
    for (let f = 0; f < count; f++) {
      const row = this.rowOf[(features[f] as number) & this.mask] as number;
      if (row < 0) continue;
      const base = row * classes;
      for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + (this.w[base + c] as number);
    }
  }

  /** Count one example; call once per prediction, before `update`. */
  tick(): void {
    this.instances++;
  }

  /** Move weight from `guess` to `truth` for the first `count` features (no-op when they agree). */
  update(truth: number, guess: number, features: Uint32Array, count: number): void {
    if (truth === guess) return;
    for (let f = 0; f < count; f++) {
      const row = this.rowFor((features[f] as number) & this.mask);
      this.bump(row, truth, 1);
      this.bump(row, guess, -1);
    }
  }

  /** The averaged model, with weights of magnitude below `prune` dropped. */
  finish(prune = 0): LinearModel {
    const classes = this.classes.length;
    const n = Math.max(1, this.instances);
    const keep: number[] = [];
    const averaged = new Float32Array(this.rowCount * classes);
    for (let r = 0; r < this.rowCount; r++) {
      let any = false;
      for (let c = 0; c < classes; c++) {
        const i = r * classes + c;
        const total = (this.totals[i] as number) + (n - (this.stamps[i] as number)) * (this.w[i] as number);
        const value = total / n;
        if (Math.abs(value) >= prune && value !== 0) {
          averaged[i] = value;
          any = true;
        }
      }
      if (any) keep.push(r);
    }
    const buckets = new Uint32Array(keep.length);
    const weights = new Float32Array(keep.length * classes);
    keep.forEach((r, k) => {
      buckets[k] = this.rowBucket[r] as number;
      weights.set(averaged.subarray(r * classes, r * classes + classes), k * classes);
    });
    return new LinearModel(this.classes, this.bits, buckets, weights);
  }

  private rowFor(bucket: number): number {
    let row = this.rowOf[bucket] as number;
    if (row >= 0) return row;
    if (this.rowCount === this.capacity) this.grow();
    row = this.rowCount++;
    this.rowOf[bucket] = row;
    this.rowBucket[row] = bucket;
    return row;
  }

  private bump(row: number, c: number, v: number): void {
    const i = row * this.classes.length + c;
    this.totals[i] = (this.totals[i] as number) + (this.instances - (this.stamps[i] as number)) * (this.w[i] as number);
    this.stamps[i] = this.instances;
    this.w[i] = (this.w[i] as number) + v;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const classes = this.classes.length;
    const rowBucket = new Uint32Array(capacity);
    rowBucket.set(this.rowBucket);
    const w = new Float32Array(capacity * classes);
    w.set(this.w);
    const totals = new Float64Array(capacity * classes);
    totals.set(this.totals);
    const stamps = new Int32Array(capacity * classes);
    stamps.set(this.stamps);
    this.capacity = capacity;
    this.rowBucket = rowBucket;
    this.w = w;
    this.totals = totals;
    this.stamps = stamps;
  }
}
