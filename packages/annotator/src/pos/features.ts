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

/** Maximum number of features `posFeatures` writes. */
export const POS_FEATURES = 19;

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
 * Write the features of token `i` (`context[i + 2]`; the context is padded with two edge lexemes each side)
 * given the hashes of the two previous tags. Returns the number written.
 */
export function posFeatures(context: readonly Uint32Array[], i: number, p1: number, p2: number, out: Uint32Array): number {
  const at = i + 2;
  const w = context[at] as Uint32Array;
  const b1 = context[at - 1] as Uint32Array;
  const b2 = context[at - 2] as Uint32Array;
  const a1 = context[at + 1] as Uint32Array;
  const a2 = context[at + 2] as Uint32Array;
  out[0] = mix(0, 0);
  out[1] = mix(1, w[SUFFIX] as number);
  out[2] = mix(2, w[PREFIX] as number);
  out[3] = mix(3, p1);
  out[4] = mix(4, p2);
  out[5] = mix2(5, p1, p2);
  out[6] = mix(6, w[NORM] as number);
  out[7] = mix2(7, p1, w[NORM] as number);
  out[8] = mix(8, b1[NORM] as number);
  out[9] = mix(9, b1[NORM_SUFFIX] as number);
  out[10] = mix(10, b2[NORM] as number);
  out[11] = mix(11, a1[NORM] as number);
  out[12] = mix(12, a1[NORM_SUFFIX] as number);
  out[13] = mix(13, a2[NORM] as number);
  out[14] = mix(14, w[SHAPE] as number);
  out[15] = mix2(15, w[SHAPE] as number, i === 0 ? 1 : 0);
  out[16] = mix(16, w[SUFFIX4] as number);
  out[17] = mix(17, w[PREFIX3] as number);
  out[18] = mix2(18, p1, w[SUFFIX] as number);
  return POS_FEATURES;
}
