import type { Agreement, Contradiction } from '../contradiction.js';
import { Corpus } from '../corpus.js';
import type { Dispute } from '../dispute.js';

/** The disputes and agreements a reader is shown, the version-1 pairs of those disputes, and how many were left out. */
export interface ShownFindings {
  disputes: Dispute[];
  contradictions: Contradiction[];
  agreements: Agreement[];
  hidden: { disputes: number; agreements: number };
}

/**
 * The disputes and agreements whose confidence is at least `minConfidence` (0 shows all), and the contradictions
 * (the version-1 pairs) of the disputes kept. An agreement without a score is always shown. Throws for a threshold
 * outside [0, 1]: callers validate what users type.
 */
export function findingsAbove(
  findings: Pick<Corpus, 'disputes' | 'contradictions' | 'agreements'>,
  minConfidence = 0,
): ShownFindings {
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new RangeError(`Expected a minimum confidence from 0 to 1, not ${minConfidence}`);
  const disputes = findings.disputes.filter((d) => d.confidence >= minConfidence);
  const kept = new Set(disputes.map((d) => d.id));
  // a pair stands for its dispute; one derived from none is shown only when nothing is left out
  const contradictions = findings.contradictions.filter((c) =>
    c.dispute === undefined ? minConfidence === 0 : kept.has(c.dispute),
  );
  const agreements = findings.agreements.filter((a) => (a.confidence ?? 1) >= minConfidence);
  return {
    disputes,
    contradictions,
    agreements,
    hidden: {
      disputes: findings.disputes.length - disputes.length,
      agreements: findings.agreements.length - agreements.length,
    },
  };
}

/**
 * The corpus with only the disputes, contradictions and agreements shown at `minConfidence`; everything else is
 * shared. For views that read a corpus whole (the HTML story board, the editor's exports).
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
    contradictions: shown.contradictions,
    agreements: shown.agreements,
    messages: corpus.messages,
  });
}

/** Whether a dispute's positions cannot all hold: not a compatible discrepancy, not a later report's update. */
export function isConflict(dispute: Dispute): boolean {
  return !dispute.compatible && dispute.update !== true;
}
