/** Average-link agglomerative clustering over sparse similarities (missing pairs count 0): group of each item. */
export function averageLinkage(n: number, { sums, heap }: { sums: Sums; heap: Heap }, threshold: number): number[] {
  const size = new Array<number>(n).fill(1);
  const group = Array.from({ length: n }, (_, i) => i);
  const version = new Array<number>(n).fill(0);
  const top: Entry = [0, 0, 0, 0, 0];
  while (heap.pop(top)) {
    const [, a, b, va, vb] = top;
    if (version[a] !== va || version[b] !== vb) continue;
    sums.merge(a, b);
    size[a] = (size[a] as number) + (size[b] as number);
    version[a] = (version[a] as number) + 1;
    version[b] = -1;
    group[b] = a;
    sums.forEach(a, (c, sum) => {
      const avg = sum / ((size[a] as number) * (size[c] as number));
      if (avg >= threshold) heap.push(avg, a, c, version[a] as number, version[c] as number);
    });
  }
  const find = (x: number): number => {
    while (group[x] !== x) x = group[x] as number;
    return x;
  };
  return group.map((_, i) => find(i));
}

/**
 * Sums of similarities between groups, sparse and symmetric: per group, the groups it has a pair with, in the
 * order first met, each mapped to a slot of one shared array of values, so adding to a sum allocates nothing.
 */
export class Sums {
  readonly #rows: Map<number, number>[];
  #values = new Float64Array(1024);
  #used = 0;
  readonly #free: number[] = [];

  constructor(n: number) {
    this.#rows = Array.from({ length: n }, () => new Map<number, number>());
  }

  has(i: number, j: number): boolean {
    return (this.#rows[i] as Map<number, number>).has(j);
  }

  /** Start the sum of groups `i` and `j` (which have none yet) at `value`. */
  add(i: number, j: number, value: number): void {
    const slot = this.#free.pop() ?? this.#next();
    this.#values[slot] = value;
    (this.#rows[i] as Map<number, number>).set(j, slot);
    (this.#rows[j] as Map<number, number>).set(i, slot);
  }

  /** Merge group `b` into `a`: the sum of `a` with each other group gains that group's sum with `b`. */
  merge(a: number, b: number): void {
    const rows = this.#rows;
    const values = this.#values;
    const sa = rows[a] as Map<number, number>;
    const sb = rows[b] as Map<number, number>;
    for (const [c, slot] of sb) {
      if (c === a) continue;
      const sc = rows[c] as Map<number, number>;
      const shared = sa.get(c);
      if (shared === undefined) {
        sa.set(c, slot);
        sc.set(a, slot);
      } else {
        values[shared] = (values[shared] as number) + (values[slot] as number);
        this.#free.push(slot);
      }
      sc.delete(b);
    }
    const ab = sa.get(b);
    if (ab !== undefined) this.#free.push(ab);
    sa.delete(b);
    sb.clear();
  }

  /** Call `f` with each group that has a sum with `a`, and the sum, in the order the pairs were first met. */
  forEach(a: number, f: (c: number, sum: number) => void): void {
    const values = this.#values;
    for (const [c, slot] of this.#rows[a] as Map<number, number>) f(c, values[slot] as number);
  }

  #next(): number {
    if (this.#used === this.#values.length) {
      const values = new Float64Array(this.#values.length * 2);
      values.set(this.#values);
      this.#values = values;
    }
    return this.#used++;
  }
}

type Entry = [number, number, number, number, number];

/** A max-heap of merge candidates `[similarity, a, b, version of a, version of b]` by similarity, in typed arrays. */
export class Heap {
  #sims = new Float64Array(1024);
  #ids = new Int32Array(4 * 1024);
  #size = 0;

  push(sim: number, a: number, b: number, va: number, vb: number): void {
    if (this.#size === this.#sims.length) this.#grow();
    const sims = this.#sims;
    const ids = this.#ids;
    let i = this.#size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((sims[up] as number) >= sim) break;
      this.#move(up, i);
      i = up;
    }
    sims[i] = sim;
    ids[4 * i] = a;
    ids[4 * i + 1] = b;
    ids[4 * i + 2] = va;
    ids[4 * i + 3] = vb;
  }

  /** Take the top entry into `out`; false when the heap is empty. */
  pop(out: Entry): boolean {
    if (this.#size === 0) return false;
    const sims = this.#sims;
    const ids = this.#ids;
    out[0] = sims[0] as number;
    for (let k = 0; k < 4; k++) out[k + 1] = ids[k] as number;
    const size = --this.#size;
    if (size === 0) return true;
    // sift the last entry down from the root
    const last = sims[size] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = last;
      if (l < size && (sims[l] as number) > best) {
        m = l;
        best = sims[l] as number;
      }
      if (r < size && (sims[r] as number) > best) m = r;
      if (m === i) break;
      this.#move(m, i);
      i = m;
    }
    this.#move(size, i);
    sims[i] = last;
    return true;
  }

  #move(from: number, to: number): void {
    this.#sims[to] = this.#sims[from] as number;
    // four assignments: copyWithin costs more than it saves for four numbers
    const ids = this.#ids;
    const f = 4 * from;
    const t = 4 * to;
    ids[t] = ids[f] as number;
    ids[t + 1] = ids[f + 1] as number;
    ids[t + 2] = ids[f + 2] as number;
    ids[t + 3] = ids[f + 3] as number;
  }

  #grow(): void {
    const sims = new Float64Array(this.#sims.length * 2);
    sims.set(this.#sims);
    const ids = new Int32Array(this.#ids.length * 2);
    ids.set(this.#ids);
    this.#sims = sims;
    this.#ids = ids;
  }
}
