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

/** Positions a word's own features are computed for: itself, one and two before, one and two after. */
export const NER_ROLES = 5;
/** Offsets of the roles relative to the token being tagged. */
export const nerRoleOffsets = [0, -1, -2, 1, 2] as const;

/** Append the features that depend only on the word seen in `role` (see `nerRoleOffsets`); returns the new count. */
export function nerRoleFeatures(role: number, w: Uint32Array, out: Uint32Array, n: number): number {
  switch (role) {
    case 0: {
      const shape = w[SHAPE] as number;
      out[n++] = mix(0, 0);
      out[n++] = mix(1, w[WORD] as number);
      out[n++] = mix(2, w[LOWER] as number);
      out[n++] = mix(3, shape);
      out[n++] = mix(4, w[PREFIX2] as number);
      out[n++] = mix(5, w[PREFIX3] as number);
      out[n++] = mix(6, w[PREFIX4] as number);
      out[n++] = mix(7, w[SUFFIX2] as number);
      out[n++] = mix(8, w[SUFFIX3] as number);
      out[n++] = mix(9, w[SUFFIX4] as number);
      out[n++] = mix2(28, w[CASE] as number, shape);
      if (w[GAZ]) {
        out[n++] = mix(35, w[GAZ] as number);
        out[n++] = mix2(36, w[GAZ] as number, shape);
      }
      if (w[CLUSTER]) {
        out[n++] = mix(41, w[CLUSTER] as number);
        out[n++] = mix2(42, w[CLUSTER] as number, shape);
      }
      break;
    }
    case 1:
      out[n++] = mix(10, w[LOWER] as number);
      out[n++] = mix(14, w[SHAPE] as number);
      if (w[CLUSTER]) out[n++] = mix(43, w[CLUSTER] as number);
      break;
    case 2:
      out[n++] = mix(11, w[LOWER] as number);
      break;
    case 3:
      out[n++] = mix(12, w[LOWER] as number);
      out[n++] = mix(15, w[SHAPE] as number);
      if (w[CLUSTER]) out[n++] = mix(44, w[CLUSTER] as number);
      break;
    default:
      out[n++] = mix(13, w[LOWER] as number);
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
