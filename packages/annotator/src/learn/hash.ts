/** 32-bit FNV-1a hash of a string's UTF-16 code units, seeded (so one string hashes differently per use). */
export function hashString(value: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combine a feature template number with one value hash (a murmur3-style finaliser). */
export function mix(template: number, value: number): number {
  let h = (Math.imul(template + 1, 0x9e3779b1) ^ value) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine a feature template number with two value hashes (a conjunction feature). */
export function mix2(template: number, a: number, b: number): number {
  return mix(template, (Math.imul(a, 0x2545f491) ^ b) >>> 0);
}

/** Combine a feature template number with three value hashes. */
export function mix3(template: number, a: number, b: number, c: number): number {
  return mix(template, (Math.imul((Math.imul(a, 0x2545f491) ^ b) >>> 0, 0x2545f491) ^ c) >>> 0);
}
