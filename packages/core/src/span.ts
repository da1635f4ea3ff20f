/**
 * A span is a view into one text: UTF-16 offsets into the text as read (a leading BOM not counted),
 * `start` inclusive, `end` exclusive. `text` is always `fullText.slice(start, end)`.
 */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A span in one article of a corpus. */
export interface ArticleSpan extends Span {
  article: string;
}

/** Make a span of `text` from `start` to `end`; throws on offsets outside the text (a programmer error). */
export function makeSpan(text: string, start: number, end: number): Span {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`Expected 0 <= start <= end <= ${text.length}, not ${start}..${end}`);
  }
  return { start, end, text: text.slice(start, end) };
}

/** Whether two spans share at least one code unit. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether `outer` contains `inner`. */
export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * The first index in `[0, length)` at which `before` is false, for a `before` that holds on a prefix and
 * nowhere after it (a binary search): in a list sorted by start, the first item at or after an offset.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
