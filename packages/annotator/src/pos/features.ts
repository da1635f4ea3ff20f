import { hashString, mix, mix2 } from '../learn/hash.js';

/** Slots of a lexeme: per-word hashes computed once and cached. */
export const NORM = 0;
export const SUFFIX = 1;
export const PREFIX = 2;
export const SHAPE = 3;
export const NORM_SUFFIX = 4;
/** The tag-dictionary class of the word, or `NO_TAG`. */
export const DICT = 5;
export const SUFFIX4 = 6;
export const PREFIX3 = 7;
export const LEXEME_SLOTS = 8;
export const NO_TAG = 0xffffffff;

/** Honnibal's normalisation: hyphenated words, years and numbers collapse; others lowercase. */
export function normalise(word: string): string {
  if (word.indexOf('-') > 0) return '!HYPHEN';
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return word.length === 4 && /^\d{4}$/.test(word) ? '!YEAR' : '!DIGITS';
  return word.toLowerCase();
}

/** Short word shape: `Xx`, `X`, `x`, `d`, `X.X.`, `d,d` … (runs of the same class collapsed). */
export function shapeOf(word: string): string {
  let shape = '';
  let last = '';
  for (let i = 0; i < word.length && shape.length < 8; i++) {
    const code = word.charCodeAt(i);
    const ch = word[i] as string;
    let cls: string;
    if (code >= 48 && code <= 57) cls = 'd';
    else if (ch !== ch.toLowerCase()) cls = 'X';
    else if (ch !== ch.toUpperCase()) cls = 'x';
    else cls = ch;
    if (cls !== last) shape += cls;
    last = cls;
  }
  return shape;
}

/** The lexeme of a word: its feature hashes. `dict` is its unambiguous tag, if any. */
export function makeLexeme(word: string, dict: number | undefined): Uint32Array {
  const lexeme = new Uint32Array(LEXEME_SLOTS);
  const norm = normalise(word);
  lexeme[NORM] = hashString(norm);
  lexeme[SUFFIX] = hashString(word.slice(-3));
  lexeme[PREFIX] = hashString(word.slice(0, 1));
  lexeme[SHAPE] = hashString(shapeOf(word));
  lexeme[NORM_SUFFIX] = hashString(norm.slice(-3));
  lexeme[DICT] = dict ?? NO_TAG;
  const lower = word.toLowerCase();
  lexeme[SUFFIX4] = hashString(lower.slice(-4));
  lexeme[PREFIX3] = hashString(lower.slice(0, 3));
  return lexeme;
}

/** Lexemes for the sentence edges (two before, two after). */
export const edgeLexemes = ['-START2-', '-START-', '-END-', '-END2-'].map((w) => makeLexeme(w, undefined));

/**
 * The roles a word's own features are computed in, as offsets from the token being tagged: itself, one and two
 * before, one and two after.
 */
export const roleOffsets = [0, -1, -2, 1, 2] as const;

/** Maximum number of features `posFeatures` writes. */
export const POS_FEATURES = 19;

/** The features of the word seen in each role (see `roleOffsets`), in the order they are written: [template, lexeme slot]. */
const roleTemplates: readonly (readonly (readonly [number, number])[])[] = [
  [
    [1, SUFFIX],
    [2, PREFIX],
    [6, NORM],
    [14, SHAPE],
    [16, SUFFIX4],
    [17, PREFIX3],
  ],
  [
    [8, NORM],
    [9, NORM_SUFFIX],
  ],
  [[10, NORM]],
  [
    [11, NORM],
    [12, NORM_SUFFIX],
  ],
  [[13, NORM]],
];

/** Append the features that depend only on the word seen in `role` (see `roleOffsets`); returns the new count. */
export function posRoleFeatures(role: number, w: Uint32Array, out: Uint32Array, n: number): number {
  // The bias: one feature every token has.
  if (role === 0) out[n++] = mix(0, 0);
  for (const [template, slot] of roleTemplates[role] ?? []) out[n++] = mix(template, w[slot] as number);
  return n;
}

/** Append the features that depend only on the two previous tags; returns the new count. */
export function posTagFeatures(p1: number, p2: number, out: Uint32Array, n: number): number {
  out[n++] = mix(3, p1);
  out[n++] = mix(4, p2);
  out[n++] = mix2(5, p1, p2);
  return n;
}

/** Append the other features of token `i` that depend on the previous tags or the position; returns the new count. */
export function posContextFeatures(w: Uint32Array, i: number, p1: number, out: Uint32Array, n: number): number {
  out[n++] = mix2(7, p1, w[NORM] as number);
  out[n++] = mix2(15, w[SHAPE] as number, i === 0 ? 1 : 0);
  out[n++] = mix2(18, p1, w[SUFFIX] as number);
  return n;
}
