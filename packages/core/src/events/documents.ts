import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';

export interface DocumentClusterOptions {
  /** Least cosine between two groups' TF-IDF centroids for them to merge. Default: 0.2. */
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
 * ids and event lemmas; agglomerative merging by centroid cosine above a threshold. Near-linear: only
 * articles that share one of their top terms are ever compared.
 * Returns, per article id, the index of its group.
 */
export function clusterDocuments(
  articles: readonly Article[],
  annotations: ReadonlyMap<string, DocumentAnnotation>,
  options: DocumentClusterOptions = {},
): Map<string, number> {
  const threshold = options.threshold ?? 0.2;
  const candidateTerms = options.candidateTerms ?? 40;
  const maxShare = options.maxShare ?? 0.5;
  const maxPostings = options.maxPostings ?? 200;
  const counts = articles.map((a) => termCounts(a, annotations.get(a.id)));
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = articles.length;
  const vectors = counts.map((c) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of c) {
      const w = (1 + Math.log(tf)) * Math.log((n + 1) / ((df.get(term) ?? 0) + 0.5));
      if (w <= 0) continue;
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
  // candidate pairs from an inverted index over each article's top terms
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    const top = [...v].sort((a, b) => b[1] - a[1]).slice(0, candidateTerms);
    for (const [term] of top) {
      if ((df.get(term) ?? 0) > Math.min(maxPostings, Math.max(2, maxShare * n))) continue;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(i);
    }
  });
  const pairs = new Map<number, [number, number, number]>();
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a] as number;
        const j = list[b] as number;
        const key = i * n + j;
        if (!pairs.has(key)) pairs.set(key, [i, j, cosine(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>)]);
      }
    }
  }
  const sorted = [...pairs.values()].filter((p) => p[2] >= threshold).sort((a, b) => b[2] - a[2]);
  // centroid linkage: merge two groups when their summed vectors are still similar enough
  const parent = articles.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x] as number] as number;
    return x;
  };
  const centroid = vectors.map((v) => new Map(v));
  for (const [i, j] of sorted) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const ca = centroid[a] as Map<string, number>;
    const cb = centroid[b] as Map<string, number>;
    if (cosine(ca, cb) < threshold) continue;
    parent[b] = a;
    for (const [term, w] of cb) ca.set(term, (ca.get(term) ?? 0) + w);
    centroid[b] = new Map();
  }
  const groups = new Map<string, number>();
  articles.forEach((article, i) => groups.set(article.id, find(i)));
  return groups;
}

const stopwords = new Set(
  'the a an and or but of in on at to for from by with as is are was were be been being has have had do does did will would can could may might must shall should not no it its it\'s this that these those he she they we you i his her their our your them him us who whom which what when where why how there here than then so if also just about after before over into out up down more most some any all such said says say one two new other only very'.split(
    ' ',
  ),
);

function termCounts(article: Article, annotation: DocumentAnnotation | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, by = 1) => counts.set(term, (counts.get(term) ?? 0) + by);
  for (const m of article.text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}'’-]*|\d{4}/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    if (word.length < 3 || stopwords.has(word)) continue;
    add(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  for (const mention of annotation?.mentions ?? []) add(`entity:${mention.entity}`);
  for (const event of annotation?.events ?? []) add(`event:${event.lemma}`);
  return counts;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, w] of a) {
    na += w * w;
    const o = b.get(term);
    if (o !== undefined) dot += w * o;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
