import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';

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

const magic = 0x434c4d32; // "CLM2"

/**
 * Serialise a model compactly, without changing a weight that was already quantised (an Int16 model read from a
 * file is written back bit for bit). Float weights are first quantised to Int16 by `scale` (the largest weight
 * over 32767); weights smaller than `threshold` are dropped. The file is Brotli-compressed: a header (magic,
 * bits, classes, rows, scale, and the byte lengths of the four streams) and four streams, one entry per row
 * (hashed feature) that has a weight:
 * - the gap to the previous such row (varint);
 * - a mask of the classes with a weight (one byte, so at most 8 classes);
 * - the weights (zigzag varints), all but the row's last one;
 * - the row's weight sum (zigzag varint), from which the last weight follows. An averaged perceptron moves
 *   one class up and another down by the same step, so a row's weights sum to 0 before rounding and this
 *   stream is nearly all zeros: a third of the weights cost almost nothing.
 */
export function encodeModel(model: LinearModel, threshold = 1e-3): Uint8Array {
  const { weights, scale } = quantise(model, threshold);
  const classes = model.classes;
  if (classes > 8) throw new RangeError(`Expected at most 8 classes to encode, not ${classes}`);
  const gaps = new ByteWriter();
  const masks = new ByteWriter();
  const values = new ByteWriter();
  const sums = new ByteWriter();
  let rows = 0;
  let last = -1;
  for (let row = 0; row < weights.length / classes; row++) {
    let mask = 0;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const w = weights[row * classes + c] as number;
      if (w !== 0) mask |= 1 << c;
      sum += w;
    }
    if (mask === 0) continue;
    rows++;
    gaps.varint(row - last - 1);
    last = row;
    masks.byte(mask);
    const lastClass = 31 - Math.clz32(mask);
    for (let c = 0; c < lastClass; c++)
      if (mask & (1 << c)) values.varint(zigzag(weights[row * classes + c] as number));
    sums.varint(zigzag(sum));
  }
  const streams = [gaps, masks, values, sums].map((s) => s.bytes());
  const header = new DataView(new ArrayBuffer(36));
  header.setUint32(0, magic, true);
  header.setUint32(4, model.bits, true);
  header.setUint32(8, classes, true);
  header.setUint32(12, rows, true);
  header.setFloat32(16, scale, true);
  for (const [k, stream] of streams.entries()) header.setUint32(20 + 4 * k, stream.length, true);
  const raw = Buffer.concat([new Uint8Array(header.buffer), ...streams]);
  return brotliCompressSync(raw, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_LGWIN]: 24,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
}

/** Read a model written by `encodeModel`, with Int16 weights. */
export function decodeModel(bytes: Uint8Array): LinearModel {
  let raw: Buffer;
  try {
    raw = brotliDecompressSync(bytes);
  } catch {
    throw new Error('Expected a claimlens linear model (Brotli-compressed CLM2), not other bytes');
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (raw.byteLength < 36 || view.getUint32(0, true) !== magic) {
    throw new Error('Expected a claimlens linear model (CLM2), not other bytes');
  }
  const bits = view.getUint32(4, true);
  const classes = view.getUint32(8, true);
  checkBits(bits);
  const rows = view.getUint32(12, true);
  const lengths = [0, 1, 2, 3].map((k) => view.getUint32(20 + 4 * k, true));
  const starts = [36];
  for (const length of lengths) starts.push((starts[starts.length - 1] as number) + length);
  if (starts[4] !== raw.byteLength) throw new Error('Expected a whole claimlens linear model, not a cut one');
  const gaps = new ByteReader(raw, starts[0] as number);
  const masks = new ByteReader(raw, starts[1] as number);
  const values = new ByteReader(raw, starts[2] as number);
  const sums = new ByteReader(raw, starts[3] as number);
  const weights = new Int16Array((1 << bits) * classes);
  let row = -1;
  for (let r = 0; r < rows; r++) {
    row += gaps.varint() + 1;
    const mask = masks.byte();
    const lastClass = 31 - Math.clz32(mask);
    let rest = unzigzag(sums.varint());
    for (let c = 0; c < lastClass; c++) {
      if ((mask & (1 << c)) === 0) continue;
      const w = unzigzag(values.varint());
      weights[row * classes + c] = w;
      rest -= w;
    }
    weights[row * classes + lastClass] = rest;
  }
  return { bits, classes, weights, scale: view.getFloat32(16, true) };
}

/** Int16 weights and what one unit is worth: a model's own when it has them, else rounded from its floats. */
function quantise(model: LinearModel, threshold: number): { weights: Int16Array; scale: number } {
  if (model.weights instanceof Int16Array) return { weights: model.weights, scale: model.scale };
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w * model.scale));
  const scale = Math.fround(max > 0 ? max / 32767 : 1);
  const weights = new Int16Array(model.weights.length);
  for (let i = 0; i < weights.length; i++) {
    const w = (model.weights[i] as number) * model.scale;
    if (Math.abs(w) >= threshold) weights[i] = Math.max(-32767, Math.min(32767, Math.round(w / scale)));
  }
  return { weights, scale };
}

const zigzag = (n: number): number => (n < 0 ? -2 * n - 1 : 2 * n);
const unzigzag = (n: number): number => (n & 1 ? -(n + 1) / 2 : n / 2);

/** A growing byte buffer for unsigned varints (7 bits a byte, low bits first) and single bytes. */
class ByteWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  byte(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  varint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    this.byte(rest);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Reads what a ByteWriter wrote, from `at` on. */
class ByteReader {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
  ) {}

  byte(): number {
    return this.bytes[this.at++] as number;
  }

  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  }
}

function checkBits(bits: number): void {
  if (!(Number.isInteger(bits) && bits > 0 && bits <= 24))
    throw new RangeError(`Expected 1 <= bits <= 24, not ${bits}`);
}
