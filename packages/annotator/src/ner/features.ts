import { hashString, mix, mix2, mix3 } from '../learn/hash.js';
import { shapeOf } from '../pos/features.js';

/** Slots of an NER lexeme: hashes of one (truecased) word, computed once and cached. */
export const WORD = 0;
export const LOWER = 1;
export const SHAPE = 2;
export const PREFIX2 = 3;
export const PREFIX3 = 4;
export const PREFIX4 = 5;
export const SUFFIX2 = 6;
export const SUFFIX3 = 7;
export const SUFFIX4 = 8;
export const CASE = 9;
/** Gazetteer categories of the word alone (a hash; 0 when none). */
export const GAZ = 10;
/** A distributional class of the word (a hash; 0 when unknown). */
export const CLUSTER = 11;
export const NER_LEXEME_SLOTS = 12;

/** Maximum number of features `nerFeatures` writes. */
export const NER_FEATURES = 56;

/** Hash a word's lexeme slots. */
export function makeNerLexeme(
  word: string,
  casing: string | undefined,
  gaz: string | undefined,
  cluster: string | undefined,
): Uint32Array {
  const lexeme = new Uint32Array(NER_LEXEME_SLOTS);
  const lower = word.toLowerCase();
  lexeme[WORD] = hashString(word);
  lexeme[LOWER] = hashString(lower);
  lexeme[SHAPE] = hashString(shapeOf(word));
  lexeme[PREFIX2] = hashString(lower.slice(0, 2));
  lexeme[PREFIX3] = hashString(lower.slice(0, 3));
  lexeme[PREFIX4] = hashString(lower.slice(0, 4));
  lexeme[SUFFIX2] = hashString(lower.slice(-2));
  lexeme[SUFFIX3] = hashString(lower.slice(-3));
  lexeme[SUFFIX4] = hashString(lower.slice(-4));
  lexeme[CASE] = hashString(casing === undefined ? '?' : casing.length > 1 ? 'm' : casing);
  lexeme[GAZ] = gaz ? hashString(gaz) : 0;
  lexeme[CLUSTER] = cluster ? hashString(cluster) : 0;
  return lexeme;
}

/** Per-sentence inputs of the features: lexemes and POS hashes padded with two edge items each side. */
export interface NerContext {
  lexemes: Uint32Array[];
  pos: Uint32Array;
  /** Gazetteer match position/category hashes per token (multi-word matches), 0 when none; padded. */
  gazetteer: Uint32Array;
  /** PROSE, CAPS or TITLE. */
  kind: number;
  /** Per token (padded), the label remembered for the word earlier in the document plus one, or 0. */
  memory: Uint8Array;
}

/**
 * The roles a word's own features are computed in, as offsets from the token being tagged: itself, one and two
 * before, one and two after.
 */
export const nerRoleOffsets = [0, -1, -2, 1, 2] as const;

/**
 * The features of the word seen in each role (see `nerRoleOffsets`), in the order they are written:
 * [template, lexeme slot, 1 when conjoined with the word's shape]. The gazetteer and cluster slots are 0 when the
 * word has none, and then write nothing.
 */
const nerRoleTemplates: readonly (readonly (readonly [number, number, number])[])[] = [
  [
    [1, WORD, 0],
    [2, LOWER, 0],
    [3, SHAPE, 0],
    [4, PREFIX2, 0],
    [5, PREFIX3, 0],
    [6, PREFIX4, 0],
    [7, SUFFIX2, 0],
    [8, SUFFIX3, 0],
    [9, SUFFIX4, 0],
    [28, CASE, 1],
    [35, GAZ, 0],
    [36, GAZ, 1],
    [41, CLUSTER, 0],
    [42, CLUSTER, 1],
  ],
  [
    [10, LOWER, 0],
    [14, SHAPE, 0],
    [43, CLUSTER, 0],
  ],
  [[11, LOWER, 0]],
  [
    [12, LOWER, 0],
    [15, SHAPE, 0],
    [44, CLUSTER, 0],
  ],
  [[13, LOWER, 0]],
];

/** Append the features that depend only on the word seen in `role` (see `nerRoleOffsets`); returns the new count. */
export function nerRoleFeatures(role: number, w: Uint32Array, out: Uint32Array, n: number): number {
  // The bias: one feature every token has.
  if (role === 0) out[n++] = mix(0, 0);
  const shape = w[SHAPE] as number;
  for (const [template, slot, withShape] of nerRoleTemplates[role] ?? []) {
    const value = w[slot] as number;
    if (value === 0 && (slot === GAZ || slot === CLUSTER)) continue;
    out[n++] = withShape ? mix2(template, value, shape) : mix(template, value);
  }
  return n;
}

/** Append the features that depend only on the two previous tags; returns the new count. */
export function nerTagFeatures(p1: number, p2: number, out: Uint32Array, n: number): number {
  out[n++] = mix(30, p1);
  out[n++] = mix2(31, p1, p2);
  return n;
}

/** Append the features of token `i` that depend on its neighbours together, POS, tags or the document. */
export function nerContextFeatures(ctx: NerContext, i: number, p1: number, out: Uint32Array, n: number): number {
  const at = i + 2;
  const { lexemes, pos, gazetteer } = ctx;
  const w = lexemes[at] as Uint32Array;
  const b1 = lexemes[at - 1] as Uint32Array;
  const a1 = lexemes[at + 1] as Uint32Array;
  const shape = w[SHAPE] as number;
  const lower = w[LOWER] as number;
  out[n++] = mix2(16, b1[SHAPE] as number, shape);
  out[n++] = mix2(17, shape, a1[SHAPE] as number);
  out[n++] = mix2(18, b1[LOWER] as number, lower);
  out[n++] = mix2(19, lower, a1[LOWER] as number);
  out[n++] = mix(20, pos[at - 1] as number);
  out[n++] = mix(21, pos[at] as number);
  out[n++] = mix(22, pos[at + 1] as number);
  out[n++] = mix2(23, pos[at] as number, shape);
  out[n++] = mix2(24, i === 0 ? 1 : 0, shape);
  out[n++] = mix2(25, ctx.kind, shape);
  out[n++] = mix2(26, b1[LOWER] as number, shape);
  out[n++] = mix2(27, shape, a1[LOWER] as number);
  out[n++] = mix3(29, w[CASE] as number, shape, i === 0 ? 1 : 0);
  out[n++] = mix2(32, p1, lower);
  out[n++] = mix2(33, p1, shape);
  out[n++] = mix3(34, shape, b1[SHAPE] as number, a1[SHAPE] as number);
  if (gazetteer[at]) {
    out[n++] = mix(37, gazetteer[at] as number);
    out[n++] = mix2(38, gazetteer[at] as number, shape);
  }
  if (gazetteer[at - 1]) out[n++] = mix(39, gazetteer[at - 1] as number);
  if (gazetteer[at + 1]) out[n++] = mix(40, gazetteer[at + 1] as number);
  const remembered = ctx.memory[at] as number;
  if (remembered) {
    out[n++] = mix(45, remembered);
    out[n++] = mix2(46, remembered, shape);
    out[n++] = mix2(47, remembered, p1);
  }
  const before = ctx.memory[at - 1] as number;
  if (before) out[n++] = mix(48, before);
  const after = ctx.memory[at + 1] as number;
  if (after) out[n++] = mix(49, after);
  return n;
}
