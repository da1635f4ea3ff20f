/**
 * Union-find over document entities that refuses merges which would join two different things: two places with
 * different gazetteer ids, or two people whose full names have different first names.
 */
export class Groups {
  readonly #parent: number[];
  readonly #geo: (Set<string> | null)[];
  readonly #first: (Set<string> | null)[];
  readonly #size: number[];

  /** `geo[i]`: the gazetteer key of entity i, if any; `first[i]`: the first-name key of a person's full name, if any. */
  constructor(geo: readonly (string | null)[], first: readonly (string | null)[]) {
    this.#parent = geo.map((_, i) => i);
    this.#geo = geo.map((g) => (g === null ? null : new Set([g])));
    this.#first = first.map((f) => (f === null ? null : new Set([f])));
    this.#size = geo.map(() => 1);
  }

  find(i: number): number {
    let root = i;
    while (this.#parent[root] !== root) root = this.#parent[root] as number;
    for (let x = i; this.#parent[x] !== root; ) {
      const next = this.#parent[x] as number;
      this.#parent[x] = root;
      x = next;
    }
    return root;
  }

  /** Whether i and j may be merged without joining different places or people. */
  compatible(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return true;
    return (
      disjointOrEmpty(this.#geo[a] ?? null, this.#geo[b] ?? null) &&
      disjointOrEmpty(this.#first[a] ?? null, this.#first[b] ?? null)
    );
  }

  /** Merge i and j if compatible (or `force`d, for the user's corrections); returns whether they are one now. */
  union(i: number, j: number, force = false): boolean {
    let a = this.find(i);
    let b = this.find(j);
    if (a === b) return true;
    if (!force && !this.compatible(a, b)) return false;
    // The smaller tree goes under the larger; the earlier node stays the root on ties.
    if ((this.#size[b] ?? 1) > (this.#size[a] ?? 1)) [a, b] = [b, a];
    this.#parent[b] = a;
    this.#size[a] = (this.#size[a] ?? 1) + (this.#size[b] ?? 1);
    this.#geo[a] = merge(this.#geo[a] ?? null, this.#geo[b] ?? null);
    this.#first[a] = merge(this.#first[a] ?? null, this.#first[b] ?? null);
    return true;
  }
}

/** Compatible unless both sides know something and share nothing. */
function disjointOrEmpty(a: Set<string> | null, b: Set<string> | null): boolean {
  if (!a || !b) return true;
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function merge(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  return new Set([...a, ...b]);
}
