import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultClaimDataUrl } from '../src/claims/data.js';
import { createModel, decodeModel, encodeModel } from '../src/claims/perceptron.js';

describe('claims model files', () => {
  it('read back the weights they were written with, quantised to 16 bits', () => {
    const model = createModel(8, 3);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let row = 0; row < 256; row += 1 + Math.floor(random() * 3)) {
      const up = random() * 40 - 20;
      const down = random() < 0.3 ? 0 : random() * 40 - 20;
      model.weights[row * 3] = up;
      model.weights[row * 3 + 1] = -up - down;
      model.weights[row * 3 + 2] = random() < 0.2 ? up / 3 : down;
    }
    const read = decodeModel(encodeModel(model));
    expect(read.bits).toBe(8);
    expect(read.classes).toBe(3);
    for (let i = 0; i < model.weights.length; i++) {
      expect(Math.abs((read.weights[i] as number) * read.scale - (model.weights[i] as number))).toBeLessThanOrEqual(
        read.scale,
      );
    }
    expect(Buffer.from(encodeModel(read)).equals(Buffer.from(encodeModel(model)))).toBe(true);
  });

  it('ship the taggers compactly: under 1 MB each, three tags over 2^20 hashed features', () => {
    for (const name of ['cue-model.bin', 'role-model.bin']) {
      const bytes = readFileSync(new URL(name, defaultClaimDataUrl));
      expect(bytes.length).toBeLessThan(1_000_000);
      const model = decodeModel(bytes);
      expect([model.bits, model.classes]).toEqual([20, 3]);
      expect(model.weights.some((w) => w !== 0)).toBe(true);
    }
  });

  it('say what they expected when given other bytes', () => {
    expect(() => decodeModel(new TextEncoder().encode('not a model'))).toThrow(/Expected a claimlens linear model/);
  });
});
