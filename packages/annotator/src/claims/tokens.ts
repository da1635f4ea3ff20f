import type { Token } from '../text/tokenize.js';

/**
 * The tokens of a document in typed arrays, with the per-token facts the taggers look at, computed once:
 * hashes of the lower-cased word, its suffix, a crude stem and its part of speech, its shape, and where
 * quotations run.
 */
export interface TokenTable {
  length: number;
  tokens: Token[];
  /** Hash of the lower-cased word. */
  word: Int32Array;
  suffix: Int32Array;
  stem: Int32Array;
  /** Hash of the part-of-speech tag, 0 when there is none. */
  pos: Int32Array;
  /** Shape class: see `shapeOf`. */
  shape: Uint8Array;
  /** Index of the quotation the token is in (1-based), 0 outside quotations. */
  quote: Int32Array;
  /** Whether the token is itself a quotation mark. */
  quoteMark: Uint8Array;
  /** Index of the token's sentence. */
  sentence: Int32Array;
  /** First token of each sentence, and one past its last (`sentenceStart.length` = sentences + 1). */
  sentenceStart: Int32Array;
  /** Block (paragraph) index of each sentence. */
  sentenceBlock: Int32Array;
  /** Lower-cased words, for lexicon look-ups. */
  lower: string[];
}

/** Build the token table of `sentences`, grouped into `blocks` (paragraphs) by offset. */
export function tokenTable(
  sentences: readonly { start: number; end: number; tokens: readonly Token[] }[],
  blocks: readonly { start: number; end: number }[],
): TokenTable {
  let length = 0;
  for (const sentence of sentences) length += sentence.tokens.length;
  const table: TokenTable = {
    length,
    tokens: new Array<Token>(length),
    word: new Int32Array(length),
    suffix: new Int32Array(length),
    stem: new Int32Array(length),
    pos: new Int32Array(length),
    shape: new Uint8Array(length),
    quote: new Int32Array(length),
    quoteMark: new Uint8Array(length),
    sentence: new Int32Array(length),
    sentenceStart: new Int32Array(sentences.length + 1),
    sentenceBlock: new Int32Array(sentences.length),
    lower: new Array<string>(length),
  };
  const posCodes = new Map<string, number>();
  let i = 0;
  let block = 0;
  let quoteCount = 0;
  let open = 0;
  let lastBlock = -1;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s] as (typeof sentences)[number];
    while (block + 1 < blocks.length && (blocks[block] as { end: number }).end <= sentence.start) block++;
    table.sentenceStart[s] = i;
    table.sentenceBlock[s] = block;
    if (block !== lastBlock) {
      open = 0;
      lastBlock = block;
    }
    for (const token of sentence.tokens) {
      const lower = token.text.toLowerCase();
      table.tokens[i] = token;
      table.lower[i] = lower;
      // One pass for the FNV-1a hashes of the word, its stem (a prefix: a state on the way to the word's
      // hash) and its last three letters.
      const stem = stemLength(lower);
      const suffixFrom = Math.max(0, lower.length - 3);
      let h = 0x811c9dc5;
      let suffix = 0x811c9dc5;
      for (let k = 0; k < lower.length; k++) {
        if (k === stem) table.stem[i] = h | 0;
        const c = lower.charCodeAt(k);
        h = Math.imul(h ^ c, 0x01000193);
        if (k >= suffixFrom) suffix = Math.imul(suffix ^ c, 0x01000193);
      }
      if (stem === lower.length) table.stem[i] = h | 0;
      table.word[i] = h | 0;
      table.suffix[i] = suffix | 0;
      if (token.pos) {
        let code = posCodes.get(token.pos);
        if (code === undefined) {
          code = hashString(token.pos, 0);
          posCodes.set(token.pos, code);
        }
        table.pos[i] = code;
      }
      table.shape[i] = shapeOf(token.text);
      table.sentence[i] = s;
      const mark = quoteKind(token.text);
      if (mark !== 0) {
        table.quoteMark[i] = 1;
        if (mark === 1 || (mark === 3 && open === 0)) {
          quoteCount++;
          open = quoteCount;
          table.quote[i] = open;
        } else {
          table.quote[i] = open;
          open = 0;
        }
      } else {
        table.quote[i] = open;
      }
      i++;
    }
  }
  table.sentenceStart[sentences.length] = i;
  return table;
}

/** FNV-1a hash of `value` from `from` to `to`, as a signed 32-bit integer. */
export function hashString(value: string, from: number, to = value.length): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    h ^= value.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combine a feature template with up to three values into one hash. */
export function mix(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a, 0xcc9e2d51);
  h = (h << 13) | (h >>> 19);
  h = Math.imul(h ^ b, 0x1b873593);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h ^ c, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h;
}

/** 1 lower-case word, 2 capitalised, 3 all capitals, 4 number, 5 quotation mark, 6 comma, 7 colon, 8 end punctuation, 9 other symbol. */
export function shapeOf(text: string): number {
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return 1;
  if (c >= 65 && c <= 90) {
    if (text.length === 1) return 2;
    for (let k = 1; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if ((d >= 97 && d <= 122) || (d > 127 && text.charAt(k).toUpperCase() !== text.charAt(k))) return 2;
    }
    return 3;
  }
  if (c === 44) return 6;
  if (c === 58) return 7;
  if (c === 46 || c === 33 || c === 63) return 8;
  if (c >= 48 && c <= 57) return 4;
  if (quoteKind(text) !== 0) return 5;
  if (c < 128) return 9;
  const first = text.charAt(0);
  if (first.toLowerCase() !== first) {
    return text.length > 1 && text.toUpperCase() === text ? 3 : 2;
  }
  if (first.toUpperCase() !== first) return 1;
  return 9;
}

/** 1 opening quotation mark, 2 closing, 3 ambiguous straight quote, 0 none. */
export function quoteKind(text: string): number {
  if (text.length !== 1) return 0;
  const c = text.charCodeAt(0);
  if (c === 0x201c || c === 0xab) return 1;
  if (c === 0x201d || c === 0xbb) return 2;
  if (c === 34) return 3;
  return 0;
}

function stemLength(lower: string): number {
  const n = lower.length;
  if (n > 5 && lower.endsWith('ing')) return n - 3;
  if (n > 4 && lower.endsWith('ed')) return n - 2;
  if (n > 4 && lower.endsWith('es')) return n - 2;
  if (n > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return n - 1;
  if (n > 4 && lower.endsWith('e')) return n - 1;
  return n;
}
