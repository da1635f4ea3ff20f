import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';
import { wordSet } from '../words/words.js';
import { averageLinkage, Heap, Sums } from './linkage.js';

export interface DocumentClusterOptions {
  /** Least average cosine between the articles of two groups for them to merge. Default: 0.1. */
  threshold?: number;
  /** Terms per article used to find candidate pairs (the rest only weigh in the cosine). Default: 40. */
  candidateTerms?: number;
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
  const maxPostings = options.maxPostings ?? 200;
  const n = articles.length;
  const similar = similarities(articles, annotations, { threshold, candidateTerms, maxPostings });
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
  const { threshold, candidateTerms, maxPostings } = options;
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
      if ((df.get(term) ?? 0) > maxPostings) continue;
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  // each pair once (lists hold articles in order, so i < j), in the order first met
  const sums = new Sums(n);
  const heap = new Heap();
  const compared = new Set<number>();
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a] as number;
        const j = list[b] as number;
        if (compared.has(i * n + j)) continue;
        compared.add(i * n + j);
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

/** English function words, left out of the terms that compare articles and sentences. */
export const stopwords = wordSet('termStopWords');

/** The terms that tell an article's story: names (capitalised words inside sentences), years and entity ids. */
export function termCounts(article: Article, annotation: DocumentAnnotation | undefined): Map<string, number> {
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
