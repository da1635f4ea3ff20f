import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';

export interface DocumentClusterOptions {
  /** Least average cosine between the articles of two groups for them to merge. Default: 0.1. */
  threshold?: number;
  /** Terms per article used to find candidate pairs (the rest only weigh in the cosine). Default: 40. */
  candidateTerms?: number;
  /** Terms in more than this share of the articles never make candidates. Default: 0.5. */
  maxShare?: number;
  /** Terms in more than this many articles never make candidates (keeps the pair count near-linear). Default: 200. */
  maxPostings?: number;
}

/**
 * Group articles that report the same happenings (sub-topics): TF-IDF vectors over content words, entity
 * ids and event lemmas; agglomerative merging by average cosine above a threshold. Near-linear: only
 * articles that share one of their top terms are ever compared.
 * Returns, per article id, the index of its group.
 */
export function clusterDocuments(
  articles: readonly Article[],
  annotations: ReadonlyMap<string, DocumentAnnotation>,
  options: DocumentClusterOptions = {},
): Map<string, number> {
  const threshold = options.threshold ?? 0.1;
  const candidateTerms = options.candidateTerms ?? 40;
  const maxShare = options.maxShare ?? 0.5;
  const maxPostings = options.maxPostings ?? 200;
  const n = articles.length;
  const similar = similarities(articles, annotations, { threshold, candidateTerms, maxShare, maxPostings });
  const parent = averageLinkage(n, similar, threshold);
  const groups = new Map<string, number>();
  articles.forEach((article, i) => {
    groups.set(article.id, parent[i] as number);
  });
  return groups;
}

/**
 * The cosines of candidate pairs, as sparse sums for `averageLinkage`, and the pairs at or above the threshold
 * pushed on its heap in the order first met (the merge order, and so ties, depends on it). The term vectors are
 * scratch: they are dropped when this returns.
 */
function similarities(
  articles: readonly Article[],
  annotations: ReadonlyMap<string, DocumentAnnotation>,
  options: Required<DocumentClusterOptions>,
): { sums: Sums; heap: Heap } {
  const { threshold, candidateTerms, maxShare, maxPostings } = options;
  const counts = articles.map((a) => termCounts(a, annotations.get(a.id)));
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = articles.length;
  const vectors = counts.map((c) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of c) {
      const w = (1 + Math.log(tf)) * Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5));
      if (w <= 0 || (df.get(term) ?? 0) < 2) continue;
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
  counts.length = 0;
  const squares = vectors.map((v) => sumOfSquares(v));
  // candidate pairs from an inverted index over each article's top terms
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    const top = [...v].sort((a, b) => b[1] - a[1]).slice(0, candidateTerms);
    for (const [term] of top) {
      if ((df.get(term) ?? 0) > Math.min(maxPostings, Math.max(2, maxShare * n))) continue;
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  // each pair once (lists hold articles in order, so i < j), in the order first met
  const sums = new Sums(n);
  const heap = new Heap();
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a] as number;
        const j = list[b] as number;
        if (sums.has(i, j)) continue;
        const sim = cosine(
          vectors[i] as Map<string, number>,
          vectors[j] as Map<string, number>,
          squares[i] as number,
          squares[j] as number,
        );
        sums.add(i, j, sim);
        if (sim >= threshold) heap.push(sim, i, j, 0, 0);
      }
    }
  }
  return { sums, heap };
}

const stopwords = new Set(
  "the a an and or but of in on at to for from by with as is are was were be been being has have had do does did will would can could may might must shall should not no it its it's this that these those he she they we you i his her their our your them him us who whom which what when where why how there here than then so if also just about after before over into out up down more most some any all such said says say one two new other only very".split(
    ' ',
  ),
);

function termCounts(article: Article, annotation: DocumentAnnotation | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, by = 1) => counts.set(term, (counts.get(term) ?? 0) + by);
  // names (capitalised words not opening a sentence or line) and years: what tells two similar happenings apart
  for (const m of article.text.matchAll(
    /(?<=[\p{Ll}\p{N},;:'"’”)] +|\p{L} +)\p{Lu}[\p{L}\p{N}'’-]*|\b(?:1[89]|20)\d{2}\b/gu,
  )) {
    const word = m[0].toLowerCase().replace(/['’]s$/, '');
    if (word.length < 3 || stopwords.has(word)) continue;
    add(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  for (const mention of annotation?.mentions ?? []) add(`entity:${mention.entity}`);
  return counts;
}

/** Cosine of two vectors given their sums of squares `na` and `nb`; the dot product runs over the smaller. */
function cosine(a: Map<string, number>, b: Map<string, number>, na: number, nb: number): number {
  const swap = a.size > b.size;
  const small = swap ? b : a;
  const large = swap ? a : b;
  let dot = 0;
  for (const [term, w] of small) {
    const o = large.get(term);
    if (o !== undefined) dot += w * o;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The sum of squared weights of a vector, added in the order of its terms. */
function sumOfSquares(v: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return sum;
}

/** Average-link agglomerative clustering over sparse similarities (missing pairs count 0): group of each item. */
function averageLinkage(n: number, { sums, heap }: { sums: Sums; heap: Heap }, threshold: number): number[] {
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
class Sums {
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
class Heap {
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
