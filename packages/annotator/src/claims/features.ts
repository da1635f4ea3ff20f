import type { CueLexicon } from './cue-lexicon.js';
import { mix, type TokenTable } from './tokens.js';

/** Tags of the cue tagger: outside, beginning and inside of a cue. */
export const cueTags = { outside: 0, begin: 1, inside: 2 } as const;
/** Tags of the role tagger: outside, source, content. */
export const roleTags = { outside: 0, source: 1, content: 2 } as const;

/** The most features either tagger makes for one token. */
export const maxFeatures = 52;

/** Per-document facts both taggers share: lexicon classes and prefix counts of commas, quotes and cue words. */
export interface DocumentFacts {
  table: TokenTable;
  /** Lexicon class of each token: 0 none, else 1 + the index of its stance. */
  lexicon: Uint8Array;
  /** Prefix counts: commas[i] is the number of commas before token i. */
  commas: Int32Array;
  quoteMarks: Int32Array;
  cueWords: Int32Array;
  /** Per sentence: 1 when it holds a quotation mark, else 0. */
  sentenceQuote: Uint8Array;
  /** The tokens that are cue words of the lexicon, in order. */
  cueTokens: Int32Array;
}

/** Compute the facts of `table` with `lexicon`. */
export function documentFacts(table: TokenTable, lexicon: CueLexicon): DocumentFacts {
  const n = table.length;
  const facts: DocumentFacts = {
    table,
    lexicon: new Uint8Array(n),
    commas: new Int32Array(n + 1),
    quoteMarks: new Int32Array(n + 1),
    cueWords: new Int32Array(n + 1),
    sentenceQuote: new Uint8Array(table.sentenceBlock.length),
    cueTokens: new Int32Array(0),
  };
  for (let i = 0; i < n; i++) {
    const entry = lexicon.forms.get(table.lower[i] as string);
    const cls = entry ? 1 + entry.stanceIndex : 0;
    facts.lexicon[i] = cls;
    facts.commas[i + 1] = (facts.commas[i] as number) + (table.shape[i] === 6 ? 1 : 0);
    facts.quoteMarks[i + 1] = (facts.quoteMarks[i] as number) + (table.quoteMark[i] as number);
    facts.cueWords[i + 1] = (facts.cueWords[i] as number) + (cls > 0 ? 1 : 0);
    if (table.quoteMark[i] === 1) facts.sentenceQuote[table.sentence[i] as number] = 1;
  }
  facts.cueTokens = new Int32Array(facts.cueWords[n] as number);
  for (let i = 0, k = 0; i < n; i++) if ((facts.lexicon[i] as number) > 0) facts.cueTokens[k++] = i;
  return facts;
}

const none = 0x5bd1e995;

/** Whether token `i` is a word of the cue lexicon used as one: a noun ("the press office") is not. */
export function cueWordAt(facts: DocumentFacts, i: number): boolean {
  return facts.lexicon[i] !== 0 && facts.table.tokens[i]?.pos?.startsWith('NN') !== true;
}

/**
 * Features of token `i` for the cue tagger, given the tags of the two tokens before it and where the last
 * cue the tagger began in the sentence is (`lastBegin`, -1 when none: a cue inside what another cue
 * introduces is seldom annotated). Writes them into `out` and returns how many. Context stops at the
 * sentence edges.
 */
export function cueFeatures(
  facts: DocumentFacts,
  i: number,
  prev: number,
  prev2: number,
  lastBegin: number,
  out: Int32Array,
): number {
  const t = facts.table;
  const s = t.sentence[i] as number;
  const first = t.sentenceStart[s] as number;
  const last = (t.sentenceStart[s + 1] as number) - 1;
  const hasPrev = i > first;
  const hasNext = i < last;
  const w0 = t.word[i] as number;
  const wm1 = hasPrev ? (t.word[i - 1] as number) : none - 1;
  const wp1 = hasNext ? (t.word[i + 1] as number) : none + 1;
  const wm2 = i - 2 >= first ? (t.word[i - 2] as number) : none - 2;
  const wp2 = i + 2 <= last ? (t.word[i + 2] as number) : none + 2;
  const shm1 = hasPrev ? (t.shape[i - 1] as number) : 0;
  const shp1 = hasNext ? (t.shape[i + 1] as number) : 0;
  const lx0 = facts.lexicon[i] as number;
  const lxm1 = hasPrev ? (facts.lexicon[i - 1] as number) : 9;
  const lxp1 = hasNext ? (facts.lexicon[i + 1] as number) : 9;
  const stem0 = t.stem[i] as number;
  const pos0 = t.pos[i] as number;
  const inQuote = t.quote[i] !== 0 ? 1 : 0;
  const position = i === first ? 1 : i === last ? 2 : i - first < 3 ? 3 : last - i < 3 ? 4 : 0;
  let capitalBefore = 0;
  for (let k = Math.max(first, i - 3); k < i; k++) if (t.shape[k] === 2 || t.shape[k] === 3) capitalBefore = 1;
  let clauseAfter = 0;
  for (let k = i + 1; k <= last && k <= i + 4; k++) {
    const shape = t.shape[k] as number;
    if (shape === 5 || shape === 7 || t.lower[k] === 'that') {
      clauseAfter = k - i;
      break;
    }
  }
  let n = 0;
  out[n++] = mix(1, 0);
  out[n++] = mix(2, w0);
  out[n++] = mix(39, capitalBefore, clauseAfter, lx0);
  out[n++] = mix(40, capitalBefore, w0);
  out[n++] = mix(41, clauseAfter, w0);
  out[n++] = mix(42, clauseAfter, stem0);
  out[n++] = mix(43, capitalBefore, clauseAfter, t.suffix[i] as number);
  out[n++] = mix(3, wm1);
  out[n++] = mix(4, wp1);
  out[n++] = mix(5, wm2);
  out[n++] = mix(6, wp2);
  out[n++] = mix(7, wm1, w0);
  out[n++] = mix(8, w0, wp1);
  out[n++] = mix(9, t.suffix[i] as number);
  out[n++] = mix(10, stem0);
  out[n++] = mix(11, t.shape[i] as number);
  out[n++] = mix(12, shm1, shp1);
  out[n++] = mix(13, prev);
  out[n++] = mix(14, prev, w0);
  out[n++] = mix(15, prev, prev2);
  out[n++] = mix(16, lx0);
  out[n++] = mix(17, lxm1, lx0);
  out[n++] = mix(18, lx0, lxp1);
  out[n++] = mix(19, inQuote, w0);
  out[n++] = mix(20, inQuote, lx0, shm1);
  out[n++] = mix(21, position, w0);
  out[n++] = mix(22, hasPrev ? (t.stem[i - 1] as number) : 0, stem0);
  out[n++] = mix(23, w0, wp1, wp2);
  out[n++] = mix(24, shm1, w0);
  out[n++] = mix(25, w0, shp1);
  out[n++] = mix(26, prev, lx0);
  out[n++] = mix(27, stem0, shp1);
  out[n++] = mix(28, facts.sentenceQuote[s] as number, w0);
  out[n++] = mix(29, facts.sentenceQuote[s] as number, lx0, position);
  out[n++] = mix(35, s === 0 ? 1 : 0, w0);
  const gap = lastBegin < 0 ? 0 : i - lastBegin <= 3 ? 1 : i - lastBegin <= 8 ? 2 : i - lastBegin <= 16 ? 3 : 4;
  const commasBetween =
    lastBegin < 0 ? 0 : Math.min(2, (facts.commas[i] as number) - (facts.commas[lastBegin] as number));
  out[n++] = mix(44, gap, commasBetween, lx0);
  out[n++] = mix(45, gap, pos0);
  out[n++] = mix(46, gap, commasBetween, inQuote);
  if (pos0 !== 0) {
    out[n++] = mix(30, pos0);
    out[n++] = mix(31, hasPrev ? (t.pos[i - 1] as number) : none, pos0);
    out[n++] = mix(32, pos0, hasNext ? (t.pos[i + 1] as number) : none);
    out[n++] = mix(33, pos0, w0);
    out[n++] = mix(34, pos0, lx0);
    out[n++] = mix(36, pos0, wp1);
    out[n++] = mix(37, pos0, shp1, facts.sentenceQuote[s] as number);
    out[n++] = mix(38, hasPrev ? (t.pos[i - 1] as number) : none, pos0, wp1);
  }
  return n;
}

/** Where a cue sits, for the role tagger: its tokens `start`..`end` (exclusive) and its nearby quotations. */
export interface CueSite {
  start: number;
  end: number;
  /** The quotation nearest before the cue (0 none), the one nearest after it, and the one around it. */
  quoteBefore: number;
  quoteAfter: number;
  quoteAround: number;
}

/** Describe the cue at tokens `start`..`end` within the window `from`..`to`. */
export function cueSite(facts: DocumentFacts, start: number, end: number, from: number, to: number): CueSite {
  const q = facts.table.quote;
  let quoteBefore = 0;
  for (let k = start - 1; k >= from && k >= start - 6; k--) {
    if (q[k] !== 0) {
      quoteBefore = q[k] as number;
      break;
    }
  }
  let quoteAfter = 0;
  for (let k = end; k < to && k < end + 6; k++) {
    if (q[k] !== 0) {
      quoteAfter = q[k] as number;
      break;
    }
  }
  return { start, end, quoteBefore, quoteAfter, quoteAround: q[start] as number };
}

/** Features of token `j` for the role tagger of the cue at `site`, given the tag of the token before. */
export function roleFeatures(facts: DocumentFacts, site: CueSite, j: number, prev: number, out: Int32Array): number {
  const t = facts.table;
  const { start, end } = site;
  const dir = j < start ? 0 : j >= end ? 2 : 1;
  const dist = j < start ? start - j : j - end + 1;
  const db = bucket(dist);
  const sentOffset = clamp((t.sentence[j] as number) - (t.sentence[start] as number), -3, 3);
  const lo = j < start ? j + 1 : end;
  const hi = Math.max(j, start);
  const commas = Math.min(3, (facts.commas[hi] as number) - (facts.commas[lo] as number));
  const quotes = Math.min(3, (facts.quoteMarks[hi] as number) - (facts.quoteMarks[lo] as number));
  const cues = Math.min(2, (facts.cueWords[hi] as number) - (facts.cueWords[lo] as number));
  const qj = t.quote[j] as number;
  const quoteRel =
    qj === 0 ? 0 : qj === site.quoteAround ? 1 : qj === site.quoteBefore ? 2 : qj === site.quoteAfter ? 3 : 4;
  const w0 = t.word[j] as number;
  const sh0 = t.shape[j] as number;
  const cueWord = t.word[start] as number;
  const cueStem = t.stem[start] as number;
  const after = end < t.length ? (t.word[end] as number) : none;
  const s = t.sentence[j] as number;
  const edge = j === t.sentenceStart[s] ? 1 : j === (t.sentenceStart[s + 1] as number) - 1 ? 2 : 0;
  const wPrev = j > 0 ? (t.word[j - 1] as number) : none;
  const wNext = j + 1 < t.length ? (t.word[j + 1] as number) : none;
  const pos0 = t.pos[j] as number;
  let n = 0;
  out[n++] = mix(101, dir, db);
  out[n++] = mix(102, dir, sentOffset);
  out[n++] = mix(103, dir, w0);
  out[n++] = mix(104, dir, wPrev);
  out[n++] = mix(105, dir, wNext);
  out[n++] = mix(106, dir, sh0, db);
  out[n++] = mix(107, dir, commas, quotes);
  out[n++] = mix(108, dir, quoteRel, sentOffset);
  out[n++] = mix(109, cueWord, dir, db);
  out[n++] = mix(110, cueWord, dir, commas);
  out[n++] = mix(111, prev, dir);
  out[n++] = mix(112, prev, w0);
  out[n++] = mix(113, prev, sh0, dir);
  out[n++] = mix(114, facts.lexicon[j] as number, dir);
  out[n++] = mix(115, cueStem, dir, sentOffset);
  out[n++] = mix(116, w0, db, dir);
  out[n++] = mix(117, j > 0 ? (t.shape[j - 1] as number) : 0, sh0, dir);
  out[n++] = mix(118, edge, dir, sh0);
  out[n++] = mix(119, dir, quoteRel, db);
  out[n++] = mix(120, prev, dir, commas);
  out[n++] = mix(121, dir, cues, db > 3 ? 1 : 0);
  out[n++] = mix(122, after, dir, db);
  out[n++] = mix(123, prev, quoteRel, dir);
  out[n++] = mix(124, cueWord, quoteRel, dir);
  out[n++] = mix(125, dir, cues, commas);
  out[n++] = mix(126, prev, edge, dir);
  out[n++] = mix(127, cueStem, after, dir);
  out[n++] = mix(128, dir, sentOffset, quotes);
  if (pos0 !== 0) {
    out[n++] = mix(130, pos0, dir);
    out[n++] = mix(131, j > 0 ? (t.pos[j - 1] as number) : none, pos0, dir);
    out[n++] = mix(132, prev, pos0, dir);
  }
  return n;
}

function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 15) return 6;
  if (d <= 30) return 7;
  return 8;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
