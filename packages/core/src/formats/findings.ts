import type { Agreement, Contradiction, ContradictionKind } from '../contradiction.js';
import { Corpus } from '../corpus.js';
import type { Dispute, Facet } from '../dispute.js';

/** The disputes and agreements a reader is shown, and how many weaker ones were left out. */
export interface ShownFindings {
  disputes: Dispute[];
  agreements: Agreement[];
  hidden: { disputes: number; agreements: number };
}

/**
 * The disputes and agreements whose confidence is at least `minConfidence` (0 shows all). An agreement without a
 * score is always shown. Throws for a threshold outside [0, 1]: callers validate what users type.
 */
export function findingsAbove(
  findings: { readonly disputes: readonly Dispute[]; readonly agreements: readonly Agreement[] },
  minConfidence = 0,
): ShownFindings {
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new RangeError(`Expected a minimum confidence from 0 to 1, not ${minConfidence}`);
  const disputes = findings.disputes.filter((d) => d.confidence >= minConfidence);
  const agreements = findings.agreements.filter((a) => (a.confidence ?? 1) >= minConfidence);
  return {
    disputes,
    agreements,
    hidden: {
      disputes: findings.disputes.length - disputes.length,
      agreements: findings.agreements.length - agreements.length,
    },
  };
}

/**
 * The corpus with only the disputes and agreements scored at least `minConfidence`, and the contradictions that are
 * their pairs; everything else is shared. For views that read a corpus whole (the HTML story board).
 */
export function corpusAbove(corpus: Corpus, minConfidence: number): Corpus {
  if (minConfidence === 0) return corpus;
  const shown = findingsAbove(corpus, minConfidence);
  return new Corpus({
    articles: corpus.articles,
    annotations: corpus.annotations,
    entities: corpus.entities,
    claims: corpus.claims,
    events: corpus.events,
    disputes: shown.disputes,
    contradictions: disputePairs(shown.disputes),
    agreements: shown.agreements,
    messages: corpus.messages,
  });
}

/** Whether a dispute's positions cannot all hold: not a compatible discrepancy, not a later report's update. */
export function isConflict(dispute: Dispute): boolean {
  return !dispute.compatible && dispute.update !== true;
}

/** The version-1 kind of contradiction each facet is reported as. */
const kindOfFacet: Record<Facet, ContradictionKind> = {
  occurrence: 'polarity',
  count: 'quantity',
  agent: 'agent',
  motive: 'motive',
  outcome: 'outcome',
  place: 'place',
  certainty: 'certainty',
  affected: 'other',
  time: 'other',
  instrument: 'other',
  other: 'other',
};

/**
 * The disputes as pairs of claims, the form version-1 readers know: one pair per two positions of a dispute whose
 * positions cannot all hold, each naming the first claim of either position and carrying every claim of both as
 * `sides`. Compatible discrepancies and updates are not contradictions and give no pair.
 */
export function disputePairs(disputes: readonly Dispute[]): (Contradiction & { dispute: string })[] {
  const pairs: (Contradiction & { dispute: string })[] = [];
  for (const dispute of disputes) {
    if (!isConflict(dispute)) continue;
    const positions = dispute.positions.filter((p) => p.claims.length > 0);
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const [x, y] = [positions[i]!, positions[j]!];
        pairs.push({
          id: `C${pairs.length + 1}`,
          kind: kindOfFacet[dispute.facet],
          claims: [x.claims[0]!, y.claims[0]!],
          event: dispute.event,
          explanation: dispute.explanation,
          values: [x.value, y.value],
          sides: [[...x.claims], [...y.claims]],
          compatible: false,
          dispute: dispute.id,
        });
      }
    }
  }
  return pairs;
}
