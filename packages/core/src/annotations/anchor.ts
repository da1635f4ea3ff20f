import type { QuoteTarget } from './model.js';

/** Where a target was found in the current text, and how. */
export interface Anchored {
  start: number;
  end: number;
  /**
   * `exact`: the quote at its old position; `moved`: the quote elsewhere (its context decides between repeats);
   * `fuzzy`: words like the quote (edited inside) between its old context.
   */
  how: 'exact' | 'moved' | 'fuzzy';
}

/** How many characters of context a target keeps on each side. */
export const contextLength = 32;
/** The least similarity (1 − edit distance / longer length) for a fuzzy match to count. */
const minSimilarity = 0.6;

/**
 * Find a target in the text as it is now. First the quote itself: of its occurrences, the one whose prefix and
 * suffix agree longest with the target's, nearest the old position among equals. Then, when the quote is gone,
 * a fuzzy match: the stretch between the old prefix and suffix (or a tail and head of them), when it is similar
 * enough to the quote. Null when neither places it (the annotation is orphaned).
 */
export function anchorTarget(text: string, target: QuoteTarget): Anchored | null {
  const { exact } = target;
  if (exact === '') return null;
  let best: { at: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score =
      commonSuffix(text.slice(Math.max(0, at - target.prefix.length), at), target.prefix) +
      commonPrefix(text.slice(at + exact.length, at + exact.length + target.suffix.length), target.suffix);
    const distance = Math.abs(at - target.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { at, score, distance };
  }
  if (best) {
    const how = best.at === target.start ? 'exact' : 'moved';
    return { start: best.at, end: best.at + exact.length, how };
  }
  return fuzzy(text, target);
}

/** The stretch between the target's old context, when it reads like the quote. */
function fuzzy(text: string, target: QuoteTarget): Anchored | null {
  type Candidate = { start: number; end: number; similarity: number; distance: number };
  let best = null as Candidate | null;
  for (const size of [contextLength, 16, 8]) {
    const prefix = target.prefix.slice(-size);
    const suffix = target.suffix.slice(0, size);
    if (prefix.trim() === '' && suffix.trim() === '') continue;
    for (const start of occurrences(text, prefix).map((at) => at + prefix.length)) {
      const limit = start + target.exact.length * 2 + 8;
      const after = suffix === '' ? -1 : text.indexOf(suffix, start);
      const ends =
        after >= 0 && after <= limit
          ? [after]
          : suffix === ''
            ? [start + target.exact.length]
            : lengthsNear(start, target);
      for (const rawEnd of ends) {
        const end = Math.min(rawEnd, text.length);
        const [s, e] = trim(text, start, end);
        if (e <= s) continue;
        const similarity = similar(text.slice(s, e), target.exact);
        const distance = Math.abs(s - target.start);
        if (
          similarity >= minSimilarity &&
          (!best || similarity > best.similarity || (similarity === best.similarity && distance < best.distance))
        )
          best = { start: s, end: e, similarity, distance };
      }
    }
    if (best) break;
  }
  return best ? { start: best.start, end: best.end, how: 'fuzzy' } : null;
}

/** Ends to try after `start` when the suffix is not found: the quote's length, give or take a fifth. */
function lengthsNear(start: number, target: QuoteTarget): number[] {
  const n = target.exact.length;
  const slack = Math.max(1, Math.round(n / 5));
  const ends: number[] = [];
  for (let d = -slack; d <= slack; d++) ends.push(start + n + d);
  return ends;
}

/** Every index where `needle` occurs (every index for an empty needle would be too many: none). */
function occurrences(text: string, needle: string): number[] {
  if (needle === '') return [];
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0 && found.length < 1000; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function trim(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return [s, e];
}

/** 1 − Levenshtein distance / the longer length. */
export function similar(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = row;
  }
  return 1 - (previous[b.length] as number) / longer;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** A target for `start..end` of the text: the quote, its context, and the offsets. */
export function quoteTarget(text: string, start: number, end: number): QuoteTarget {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(whole(text, Math.max(0, start - contextLength), 1), start),
    suffix: text.slice(end, whole(text, Math.min(text.length, end + contextLength), -1)),
    start,
    end,
  };
}

/** `at`, moved by `step` when it would split a surrogate pair. */
function whole(text: string, at: number, step: 1 | -1): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at + step : at;
}
