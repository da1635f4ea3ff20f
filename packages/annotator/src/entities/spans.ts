/** Span lookups in O(log n), so that long texts with many mentions stay fast. */

interface Range {
  start: number;
  end: number;
}

/** A set of spans that do not overlap each other, answering "does anything overlap start..end?". */
export class SpanSet {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];

  constructor(spans: Iterable<Range> = []) {
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      this.#starts.push(span.start);
      this.#ends.push(span.end);
    }
  }

  /** Whether a span of the set shares a code unit with start..end. */
  overlaps(start: number, end: number): boolean {
    // The spans are disjoint, so their ends are sorted too: the last span starting before `end` decides.
    const i = lastBefore(this.#starts, end);
    if (i < 0) return false;
    for (let k = i; k >= 0 && k >= i - 2; k--)
      if ((this.#ends[k] as number) > start && (this.#starts[k] as number) < end) return true;
    return false;
  }

  add(span: Range): void {
    const i = lastBefore(this.#starts, span.start + 1) + 1;
    this.#starts.splice(i, 0, span.start);
    this.#ends.splice(i, 0, span.end);
  }
}

/** The range of a sorted, disjoint list (sentences, blocks) that contains start..end, if any. */
export function containing<T extends Range>(sorted: readonly T[]): (start: number, end: number) => T | undefined {
  const starts = sorted.map((r) => r.start);
  return (start, end) => {
    const i = lastBefore(starts, start + 1);
    const range = sorted[i];
    return range && range.start <= start && end <= range.end ? range : undefined;
  };
}

/** Index of the last value < `limit` in an ascending array, or -1. */
export function lastBefore(values: ArrayLike<number>, limit: number): number {
  return countBelow(values, limit) - 1;
}

/** How many values of an ascending array are < `limit` (the index of the first that is not). */
export function countBelow(values: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the token whose `at(token)` is `offset` (tokens in text order), or -1. */
export function tokenIndex<T>(tokens: readonly T[], offset: number, at: (token: T) => number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = at(tokens[mid] as T);
    if (value === offset) return mid;
    if (value < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
