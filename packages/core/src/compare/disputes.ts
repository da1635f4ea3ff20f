import type { Contradiction, ContradictionKind } from '../contradiction.js';
import type { Dispute, DisputePosition, DisputeSource, Facet } from '../dispute.js';
import type { ClaimView } from './view.js';

/** The facet each kind of pairwise finding is about. */
const facetOfKind: Record<ContradictionKind, Facet> = {
  polarity: 'occurrence',
  quantity: 'count',
  agent: 'agent',
  motive: 'motive',
  outcome: 'outcome',
  place: 'place',
  certainty: 'certainty',
  other: 'other',
};

/** What is disputed, per facet, in a few words. */
const whatOfFacet: Record<Facet, string> = {
  occurrence: 'whether it happened',
  agent: 'who did it',
  affected: 'who or what was affected',
  count: 'how many',
  place: 'where it happened',
  time: 'when it happened',
  motive: 'why it happened',
  outcome: 'how it ended',
  instrument: 'by what means',
  certainty: 'how certain it is',
  other: 'a detail',
};

/**
 * One dispute per pairwise contradiction: each side a position with the claims that say the same. The first
 * form of disputes; facet-level grouping replaces it.
 */
export function disputesFromContradictions(
  contradictions: readonly Contradiction[],
  views: ReadonlyMap<string, ClaimView>,
): Dispute[] {
  return contradictions.map((c, i) => {
    const facet = facetOfKind[c.kind];
    const sides = c.sides ?? [[c.claims[0]], [c.claims[1]]];
    const positions: DisputePosition[] = sides.map((claims, k) => ({
      value: c.values?.[k] ?? '',
      claims: [...claims],
      sources: sourcesOf(claims, views),
    }));
    return {
      id: `D${i + 1}`,
      event: c.event,
      facet,
      what: whatOfFacet[facet],
      compatible: c.compatible ?? false,
      positions,
      confidence: c.compatible ? 0.3 : 0.5,
      explanation: c.explanation,
    };
  });
}

/** The distinct speakers (one per speaker and article) behind some claims. */
function sourcesOf(claims: readonly string[], views: ReadonlyMap<string, ClaimView>): DisputeSource[] {
  const seen = new Set<string>();
  const sources: DisputeSource[] = [];
  for (const id of claims) {
    const view = views.get(id);
    if (!view) continue;
    const key = `${view.speakerName}\u0000${view.article.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({
      speaker: view.speaker,
      name: view.speakerName,
      article: view.article.id,
      outlet: view.article.outlet,
    });
  }
  return sources;
}
