import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import { LinearModel } from './perceptron.js';

const magic = 0x4d504c43; // "CLPM" little-endian

/** A model and the extra JSON-serialisable data that goes with it (tag dictionaries, lexicons …). */
export interface ModelFile<Extra> {
  model: LinearModel;
  extra: Extra;
}

/**
 * Encode a model compactly: weights quantised to 16-bit integers (`step` = the smallest weight unit),
 * sparse per row, Brotli-compressed.
 */
export function encodeModel<Extra>(model: LinearModel, extra: Extra, step = 1e-3): Uint8Array {
  const rows: [number, number[], number[]][] = [];
  let max = 0;
  for (const [, weights] of model.entries()) for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = Math.max(step, max / 32767);
  for (const [bucket, weights] of model.entries()) {
    const classes: number[] = [];
    const values: number[] = [];
    weights.forEach((w, c) => {
      const q = Math.round(w / scale);
      if (q !== 0) {
        classes.push(c);
        values.push(q);
      }
    });
    if (classes.length > 0) rows.push([bucket, classes, values]);
  }
  const header = Buffer.from(JSON.stringify({ classes: model.classes, bits: model.bits, scale, extra }), 'utf8');
  const size = 12 + header.length + rows.reduce((n, [, classes]) => n + 5 + classes.length * 3, 0);
  const view = new DataView(new ArrayBuffer(size));
  view.setUint32(0, magic, true);
  view.setUint32(4, header.length, true);
  new Uint8Array(view.buffer).set(header, 8);
  view.setUint32(8 + header.length, rows.length, true);
  let at = 12 + header.length;
  for (const [bucket, classes, values] of rows) {
    view.setUint32(at, bucket, true);
    view.setUint8(at + 4, classes.length);
    at += 5;
    for (let k = 0; k < classes.length; k++) {
      view.setUint8(at, classes[k] as number);
      view.setInt16(at + 1, values[k] as number, true);
      at += 3;
    }
  }
  return brotliCompressSync(new Uint8Array(view.buffer), {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_LGWIN]: 24 },
  });
}

/** Decode what `encodeModel` made; throws on anything else. */
export function decodeModel<Extra>(bytes: Uint8Array): ModelFile<Extra> {
  const raw = brotliDecompressSync(bytes);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (view.getUint32(0, true) !== magic) throw new Error('Expected a claimlens model file, not other bytes');
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset + 8, headerLength).toString('utf8')) as {
    classes: string[];
    bits: number;
    scale: number;
    extra: Extra;
  };
  let at = 8 + headerLength;
  const count = view.getUint32(at, true);
  at += 4;
  const classes = header.classes.length;
  const buckets = new Uint32Array(count);
  const weights = new Float32Array(count * classes);
  for (let r = 0; r < count; r++) {
    buckets[r] = view.getUint32(at, true);
    const nnz = view.getUint8(at + 4);
    at += 5;
    for (let k = 0; k < nnz; k++) {
      weights[r * classes + view.getUint8(at)] = view.getInt16(at + 1, true) * header.scale;
      at += 3;
    }
  }
  return { model: new LinearModel(header.classes, header.bits, buckets, weights), extra: header.extra };
}
