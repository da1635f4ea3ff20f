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
function lastBefore(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) < limit) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
