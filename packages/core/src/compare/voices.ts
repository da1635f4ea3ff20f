import type { ClaimView } from './view.js';

/**
 * Independent voices: a sentence repeated inside one article, or wire copy reprinted by several outlets, is one
 * voice. Near-duplicates are found with word shingles and Jaccard similarity; candidates come from MinHash
 * banding, so the work grows with the number of texts, not with the number of pairs. One speaker quoted by
 * several articles is one voice too (`sameSpeaker`): two reports of one denial do not dispute each other.
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

  // Only the shingles of bucket heads are kept: every other text is compared once, when it is met.
  const headSets = new Map<number, Uint32Array>();
  const exact = new Map<string, number>();
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < texts.length; i++) {
    const words = tokens(texts[i] ?? '');
    const key = words.join(' ');
    const same = exact.get(key);
    if (same !== undefined) {
      union(same, i);
      continue;
    }
    exact.set(key, i);
    const set = shingleSet(words, shingleSize);
    if (set.length < minShingles) continue;
    const tried = new Set<number>();
    const signature = minHash(set);
    for (let band = 0; band < bands; band++) {
      let bucketKey = band;
      for (let r = band * rows; r < band * rows + rows; r++) bucketKey = mix(bucketKey ^ (signature[r] ?? 0)) + band;
      let heads = buckets.get(bucketKey);
      if (!heads) {
        heads = [];
        buckets.set(bucketKey, heads);
      }
      // Compare with a few heads of the bucket only: linear even when many texts share a band.
      let joined = false;
      for (const head of heads) {
        if (find(head) === find(i)) {
          joined = true;
          break;
        }
        if (tried.has(head)) continue;
        tried.add(head);
        if (sortedJaccard(headSets.get(head) ?? empty, set) >= threshold) {
          union(head, i);
          joined = true;
          break;
        }
      }
      if (!joined && heads.length < maxHeads) {
        heads.push(i);
        if (!headSets.has(i)) headSets.set(i, set.slice());
      }
    }
  }
  return texts.map((_, i) => find(i));
}

/**
 * Whether two claims speak with different voices: they come from different articles, or one article gives them
 * to two different named speakers. A claim in the article's own voice, or whose speaker is only a pronoun or a
 * description not resolved to an entity, is not set against another claim of its article.
 */
export function distinctVoices(a: ClaimView, b: ClaimView): boolean {
  if (a.article.id !== b.article.id) return true;
  if (!named(a) || !named(b)) return false;
  if (a.speaker && b.speaker) return a.speaker !== b.speaker;
  return a.speakerName.toLowerCase() !== b.speakerName.toLowerCase();
}

/** A pronoun, or a determiner and one noun ("the ministry", "a spokesman"): who it is, only the context tells. */
const unnamed =
  /^(?:(?:he|she|they|it|we|i|you|one|both|others?)|(?:the|a|an|this|that|these|those|its|his|her|their|our)\s+\S+)$/i;

function named(v: ClaimView): boolean {
  if (!v.claim.source) return false;
  return v.speaker !== null || !unnamed.test(v.claim.source.text.trim().replace(/\s+/g, ' '));
}

/**
 * Whether two claims come from one speaker: the same entity, or the same name, or (in the articles' own voice)
 * the same outlet. Claims whose speaker is only a pronoun or a bare description are not known to share one.
 */
export function sameSpeaker(a: ClaimView, b: ClaimView): boolean {
  if (a.speaker && b.speaker) return a.speaker === b.speaker;
  const own = (v: ClaimView) => v.claim.source === null && v.speaker === null;
  if (own(a) && own(b)) return a.outlet === b.outlet && a.article.outlet !== null;
  if (!named(a) || !named(b)) return false;
  return a.speakerName.toLowerCase() === b.speakerName.toLowerCase();
}

/** Jaccard similarity of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Hashed word shingles of a text, sorted and unique. */
export function shingles(text: string, size: number): Uint32Array {
  return shingleSet(tokens(text), size);
}

const empty = new Uint32Array(0);

function shingleSet(words: readonly string[], size: number): Uint32Array {
  if (!words.length) return empty;
  const hashes = words.map((w) => hash(w, 0));
  const count = Math.max(1, hashes.length - size + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = combine(hashes, i, Math.min(size, hashes.length));
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i] ?? 0;
  return out.subarray(0, n);
}

function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 1 : shared / union;
}

function combine(hashes: readonly number[], from: number, size: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < from + size; k++) h = mix(h ^ (hashes[k] ?? 0)) + k - from;
  return h >>> 0;
}

/** Lower-case words (letters, digits, apostrophes), punctuation dropped. */
function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? []
  );
}

const bands = 12;
const rows = 2;
const maxHeads = 4;

function minHash(set: Uint32Array): Uint32Array {
  const signature = new Uint32Array(bands * rows);
  for (let k = 0; k < bands * rows; k++) {
    let min = 0xffffffff;
    const seed = Math.imul(k + 1, 0x9e3779b1);
    for (let i = 0; i < set.length; i++) {
      const h = mix((set[i] ?? 0) ^ seed);
      if (h < min) min = h;
    }
    signature[k] = min;
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
