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
 * Sums of similarities between groups, sparse and symmetric. All pairs are added first (each pair once): they
 * are kept in typed arrays, the index of a pair being the slot of its sum. On the first merge each group gets a
 * row of the groups it has a pair with, in the order first met, in one shared pool; a merge appends to the rows
 * it touches (moving a full row to the end of the pool) and leaves the entries of the group merged away in place,
 * to be skipped, so that nothing is allocated per pair or per entry.
 */
export class Sums {
  readonly #n: number;
  #ends: Int32Array = new Int32Array(2048);
  #values: Float64Array = new Float64Array(1024);
  #pairs = 0;
  #rows: Rows | null = null;

  constructor(n: number) {
    this.#n = n;
  }

  /** Start the sum of groups `i` and `j` (which have none yet) at `value`; only before the first merge. */
  add(i: number, j: number, value: number): void {
    if (this.#rows) throw new Error('Expected pairs to be added before the first merge, not after');
    if (this.#pairs === this.#values.length) {
      this.#ends = grown(this.#ends, this.#ends.length * 2);
      this.#values = grown(this.#values, this.#values.length * 2);
    }
    const k = this.#pairs++;
    this.#ends[2 * k] = i;
    this.#ends[2 * k + 1] = j;
    this.#values[k] = value;
  }

  /** Merge group `b` into `a`: the sum of `a` with each other group gains that group's sum with `b`. */
  merge(a: number, b: number): void {
    const rows = this.#build();
    const values = this.#values;
    const { alive, where } = rows;
    rows.compact(a);
    rows.forEach(a, (c, slot) => {
      where[c] = slot;
    });
    rows.forEach(b, (c, slot) => {
      if (c === a) return;
      const shared = where[c] as number;
      if (shared < 0) {
        rows.append(a, c, slot);
        where[c] = slot;
        rows.append(c, a, slot);
      } else values[shared] = (values[shared] as number) + (values[slot] as number);
    });
    rows.forEach(a, (c) => {
      where[c] = -1;
    });
    where[b] = -1;
    alive[b] = 0;
    rows.clear(b);
  }

  /** Call `f` with each group that has a sum with `a`, and the sum, in the order the pairs were first met. */
  forEach(a: number, f: (c: number, sum: number) => void): void {
    const values = this.#values;
    this.#build().forEach(a, (c, slot) => f(c, values[slot] as number));
  }

  #build(): Rows {
    this.#rows ??= new Rows(this.#n, this.#ends, this.#pairs);
    return this.#rows;
  }
}

/**
 * Per group, its neighbours and the slots of their sums, in one pool: group `r`'s entries are at
 * `start[r] .. start[r] + length[r]`, with room for `capacity[r]`. Entries of groups no longer alive are skipped.
 */
class Rows {
  readonly alive: Uint8Array;
  /** Per group, the slot of its sum with the group being merged into (-1 for none): scratch of `Sums.merge`. */
  readonly where: Int32Array;
  readonly #start: Int32Array;
  readonly #length: Int32Array;
  readonly #capacity: Int32Array;
  #neighbour: Int32Array;
  #slot: Int32Array;
  #used: number;

  /** The rows of `pairs` pairs whose ends are `ends[2k]`, `ends[2k + 1]`, in the order of the pairs. */
  constructor(n: number, ends: Int32Array, pairs: number) {
    this.alive = new Uint8Array(n).fill(1);
    this.where = new Int32Array(n).fill(-1);
    this.#start = new Int32Array(n);
    this.#length = new Int32Array(n);
    this.#capacity = new Int32Array(n);
    const capacity = this.#capacity;
    for (let k = 0; k < 2 * pairs; k++) {
      const r = ends[k] as number;
      capacity[r] = (capacity[r] as number) + 1;
    }
    let used = 0;
    for (let r = 0; r < n; r++) {
      this.#start[r] = used;
      used += this.#capacity[r] as number;
    }
    this.#used = used;
    this.#neighbour = new Int32Array(Math.max(1024, 2 * used));
    this.#slot = new Int32Array(this.#neighbour.length);
    for (let k = 0; k < pairs; k++) {
      const i = ends[2 * k] as number;
      const j = ends[2 * k + 1] as number;
      this.#put(i, j, k);
      this.#put(j, i, k);
    }
  }

  /** Call `f` with each alive neighbour of `r` and the slot of their sum, in order. */
  forEach(r: number, f: (c: number, slot: number) => void): void {
    const from = this.#start[r] as number;
    const to = from + (this.#length[r] as number);
    for (let k = from; k < to; k++) {
      // `f` may append to rows and so move the pool: read it afresh each time
      const c = this.#neighbour[k] as number;
      if (this.alive[c]) f(c, this.#slot[k] as number);
    }
  }

  /** Drop the entries of groups no longer alive from row `r`, keeping the order of the rest. */
  compact(r: number): void {
    const from = this.#start[r] as number;
    const to = from + (this.#length[r] as number);
    const neighbour = this.#neighbour;
    const slot = this.#slot;
    let w = from;
    for (let k = from; k < to; k++) {
      const c = neighbour[k] as number;
      if (!this.alive[c]) continue;
      neighbour[w] = c;
      slot[w] = slot[k] as number;
      w++;
    }
    this.#length[r] = w - from;
  }

  clear(r: number): void {
    this.#length[r] = 0;
  }

  /** Add neighbour `c` with the sum in `slot` at the end of row `r`, moving the row to the pool's end when full. */
  append(r: number, c: number, slot: number): void {
    if (this.#length[r] === this.#capacity[r]) this.#move(r);
    this.#put(r, c, slot);
  }

  #put(r: number, c: number, slot: number): void {
    const k = (this.#start[r] as number) + (this.#length[r] as number);
    this.#neighbour[k] = c;
    this.#slot[k] = slot;
    this.#length[r] = (this.#length[r] as number) + 1;
  }

  /** Give row `r` twice its room (at least 4) at the end of the pool, alive entries only. */
  #move(r: number): void {
    this.compact(r);
    const length = this.#length[r] as number;
    const capacity = Math.max(4, 2 * length);
    if (this.#used + capacity > this.#neighbour.length) {
      const size = 2 * (this.#used + capacity);
      this.#neighbour = grown(this.#neighbour, size);
      this.#slot = grown(this.#slot, size);
    }
    const from = this.#start[r] as number;
    this.#neighbour.copyWithin(this.#used, from, from + length);
    this.#slot.copyWithin(this.#used, from, from + length);
    this.#start[r] = this.#used;
    this.#capacity[r] = capacity;
    this.#used += capacity;
  }
}

/** A copy of a typed array with room for `size` items. */
function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (size: number) => T)(size);
  copy.set(array as ArrayLike<number>);
  return copy;
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
