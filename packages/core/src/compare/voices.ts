/**
 * Independent voices: a sentence repeated inside one article, or wire copy reprinted by several outlets, is one
 * voice. Near-duplicates are found with word shingles and Jaccard similarity; candidates come from MinHash
 * banding, so the work grows with the number of texts, not with the number of pairs.
 */

export interface VoiceOptions {
  /** Words per shingle. Default: 3. */
  shingleSize?: number;
  /** Jaccard similarity of shingle sets at or above which two texts are one voice. Default: 0.6. */
  threshold?: number;
  /** Texts with fewer shingles than this are one voice only when their words are identical. Default: 4. */
  minShingles?: number;
}

/** Group texts into voices. Returns, per text, the index of the first text of its voice. */
export function groupVoices(texts: readonly string[], options: VoiceOptions = {}): number[] {
  const shingleSize = options.shingleSize ?? 3;
  const threshold = options.threshold ?? 0.6;
  const minShingles = options.minShingles ?? 4;
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const sets = texts.map((t) => shingles(t, shingleSize));
  const exact = new Map<string, number>();
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < texts.length; i++) {
    const key = normalise(texts[i] ?? '');
    const same = exact.get(key);
    if (same !== undefined) {
      union(same, i);
      continue;
    }
    exact.set(key, i);
    const set = sets[i] ?? new Set<number>();
    if (set.size < minShingles) continue;
    const signature = minHash(set);
    for (let band = 0; band < bands; band++) {
      const bucketKey = `${band}:${signature.slice(band * rows, band * rows + rows).join(',')}`;
      let heads = buckets.get(bucketKey);
      if (!heads) buckets.set(bucketKey, (heads = []));
      // Compare with a few heads of the bucket only: linear even when many texts share a band.
      let joined = false;
      for (const head of heads) {
        if (find(head) === find(i)) {
          joined = true;
          break;
        }
        if (jaccard(sets[head] ?? new Set(), set) >= threshold) {
          union(head, i);
          joined = true;
          break;
        }
      }
      if (!joined && heads.length < maxHeads) heads.push(i);
    }
  }
  return texts.map((_, i) => find(i));
}

/** Jaccard similarity of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Hashed word shingles of a text. */
export function shingles(text: string, size: number): Set<number> {
  const words = normalise(text).split(' ').filter(Boolean);
  const result = new Set<number>();
  if (words.length < size) {
    if (words.length) result.add(hash(words.join(' '), 0));
    return result;
  }
  for (let i = 0; i + size <= words.length; i++) result.add(hash(words.slice(i, i + size).join(' '), 0));
  return result;
}

const bands = 12;
const rows = 2;
const maxHeads = 4;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function minHash(set: ReadonlySet<number>): number[] {
  const signature: number[] = [];
  for (let k = 0; k < bands * rows; k++) {
    let min = 0xffffffff;
    const seed = (k + 1) * 0x9e3779b1;
    for (const x of set) {
      const h = mix(x ^ seed);
      if (h < min) min = h;
    }
    signature.push(min);
  }
  return signature;
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
