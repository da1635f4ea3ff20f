/**
 * A multi-class linear model over hashed features: `bits` bits of feature space, `classes` classes,
 * weights in one typed array (`feature * classes + class`): Float32 while training, Int16 once read from a
 * file (half the memory, so lookups miss the cache less), where a weight stands for `weight * scale`.
 */
export interface LinearModel {
  bits: number;
  classes: number;
  weights: Float32Array | Int16Array;
  /** What one unit of `weights` is worth: 1 for Float32 weights. */
  scale: number;
}

/** Make an empty model. */
export function createModel(bits: number, classes: number): LinearModel {
  checkBits(bits);
  return { bits, classes, weights: new Float32Array((1 << bits) * classes), scale: 1 };
}

/**
 * Add the weights of `count` hashed `features` into `scores` (one per class, zeroed first), in units of
 * `model.scale`.
 */
export function scoreInto(model: LinearModel, features: Int32Array, count: number, scores: Float32Array): void {
  const { classes, weights } = model;
  const mask = (1 << model.bits) - 1;
  if (classes === 3) {
    let a = 0;
    let b = 0;
    let c = 0;
    for (let f = 0; f < count; f++) {
      const base = ((features[f] as number) & mask) * 3;
      a += weights[base] as number;
      b += weights[base + 1] as number;
      c += weights[base + 2] as number;
    }
    scores[0] = a;
    scores[1] = b;
    scores[2] = c;
    return;
  }
  scores.fill(0, 0, classes);
  for (let f = 0; f < count; f++) {
    const base = ((features[f] as number) & mask) * classes;
    for (let c = 0; c < classes; c++) scores[c] = (scores[c] as number) + (weights[base + c] as number);
  }
}

/** The best class for `features`, optionally excluding classes where `allowed[c]` is 0. */
export function predict(
  model: LinearModel,
  features: Int32Array,
  count: number,
  scores: Float32Array,
  allowed?: Uint8Array,
): number {
  scoreInto(model, features, count, scores);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < model.classes; c++) {
    if (allowed && allowed[c] === 0) continue;
    const score = scores[c] as number;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Averaged-perceptron training state for one model. */
export class PerceptronTrainer {
  readonly model: LinearModel;
  private readonly totals: Float64Array;
  private readonly stamps: Int32Array;
  private step = 0;

  constructor(bits: number, classes: number) {
    this.model = createModel(bits, classes);
    this.totals = new Float64Array(this.model.weights.length);
    this.stamps = new Int32Array(this.model.weights.length);
  }

  /** Count one example; when `guess` differs from `gold`, move the weights toward `gold`. */
  update(features: Int32Array, count: number, gold: number, guess: number): void {
    this.step++;
    if (gold === guess) return;
    const mask = (1 << this.model.bits) - 1;
    for (let f = 0; f < count; f++) {
      const base = ((features[f] as number) & mask) * this.model.classes;
      this.bump(base + gold, 1);
      this.bump(base + guess, -1);
    }
  }

  /** Replace the weights by their averages over all steps; call once, after training. */
  average(): LinearModel {
    const { weights } = this.model;
    for (let i = 0; i < weights.length; i++) {
      const total = (this.totals[i] as number) + (this.step - (this.stamps[i] as number)) * (weights[i] as number);
      weights[i] = this.step > 0 ? total / this.step : 0;
    }
    return this.model;
  }

  private bump(index: number, delta: number): void {
    const { weights } = this.model;
    this.totals[index] =
      (this.totals[index] as number) + (this.step - (this.stamps[index] as number)) * (weights[index] as number);
    this.stamps[index] = this.step;
    weights[index] = (weights[index] as number) + delta;
  }
}

const magic = 0x434c4d31; // "CLM1"

/**
 * Serialise a model sparsely: a header (magic, bits, classes, count, scale) then `count` pairs of a Uint32
 * index and an Int16 weight (quantised by `scale`). Weights smaller than `threshold` are dropped.
 */
export function encodeModel(model: LinearModel, threshold = 1e-3): Uint8Array {
  let max = 0;
  let count = 0;
  for (const w of model.weights) {
    const a = Math.abs(w * model.scale);
    if (a >= threshold) count++;
    if (a > max) max = a;
  }
  const scale = max > 0 ? max / 32767 : 1;
  const buffer = new ArrayBuffer(20 + count * 6);
  const view = new DataView(buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, model.bits, true);
  view.setUint32(8, model.classes, true);
  view.setUint32(12, count, true);
  view.setFloat32(16, scale, true);
  let at = 20;
  for (let i = 0; i < model.weights.length; i++) {
    const w = (model.weights[i] as number) * model.scale;
    if (Math.abs(w) < threshold) continue;
    view.setUint32(at, i, true);
    view.setInt16(at + 4, Math.round(w / scale), true);
    at += 6;
  }
  return new Uint8Array(buffer);
}

/** Read a model written by `encodeModel`, with Int16 weights. */
export function decodeModel(bytes: Uint8Array): LinearModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || view.getUint32(0, true) !== magic) {
    throw new Error('Expected a claimlens linear model (CLM1), not other bytes');
  }
  const bits = view.getUint32(4, true);
  const classes = view.getUint32(8, true);
  checkBits(bits);
  const weights = new Int16Array((1 << bits) * classes);
  const count = view.getUint32(12, true);
  for (let k = 0, at = 20; k < count; k++, at += 6) weights[view.getUint32(at, true)] = view.getInt16(at + 4, true);
  return { bits, classes, weights, scale: view.getFloat32(16, true) };
}

function checkBits(bits: number): void {
  if (!(Number.isInteger(bits) && bits > 0 && bits <= 24))
    throw new RangeError(`Expected 1 <= bits <= 24, not ${bits}`);
}
