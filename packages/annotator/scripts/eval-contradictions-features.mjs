// What a reader sees of a dispute, as numbers, for the learned filter measured by train-dispute-filter.mjs.

/** Facets that get a feature of their own; the rest share none. */
const facets = ['occurrence', 'count', 'time', 'place', 'agent', 'outcome', 'motive', 'certainty'];

/** The features of a dispute, in order. The first is always 1 (the bias). */
export const disputeFeatureNames = [
  'bias',
  ...facets.map((f) => `facet:${f}`),
  'compatible',
  'update',
  'extraPositions',
  'weakerArticles2',
  'oneArticle',
  'articles',
  'confidence',
];

/** A dispute's facet, positions and the sources behind them, as numbers in `disputeFeatureNames` order. */
export function disputeFeatures(d) {
  const articlesOf = (i) => new Set(d.positions[i]?.sources.map((s) => s.article) ?? []).size;
  const support = d.positions.map((_, i) => articlesOf(i)).sort((a, b) => b - a);
  const all = new Set(d.positions.flatMap((p) => p.sources.map((s) => s.article)));
  return [
    1,
    ...facets.map((f) => (d.facet === f ? 1 : 0)),
    d.compatible ? 1 : 0,
    d.update ? 1 : 0,
    Math.min(3, d.positions.length - 2),
    (support[1] ?? 0) >= 2 ? 1 : 0,
    all.size === 1 ? 1 : 0,
    Math.log2(all.size || 1),
    d.confidence,
  ];
}
