/** A point of a happening that sources are compared on. */
export type Facet =
  | 'occurrence'
  | 'agent'
  | 'affected'
  | 'count'
  | 'place'
  | 'time'
  | 'motive'
  | 'outcome'
  | 'instrument'
  | 'certainty'
  | 'other';

/** Who stands behind a position: one speaker in one article. */
export interface DisputeSource {
  /** The speaker's entity id, or null when the speaker is not a resolved entity (or the article itself). */
  speaker: string | null;
  /** The speaker as a reader would name them, or the outlet for the article's own voice. */
  name: string;
  article: string;
  /** The article's outlet, when known. */
  outlet: string | null;
}

/** One value of a facet and everything behind it. */
export interface DisputePosition {
  /** The value as the sources put it ("at least 300", "denied", "west of the town"). */
  value: string;
  /** Ids of the claims that state this value. */
  claims: string[];
  sources: DisputeSource[];
}

/**
 * A facet of one event on which independent voices take two or more incompatible positions (or, with
 * `compatible`, differing positions that can all hold). Reported once, with every position.
 */
export interface Dispute {
  id: string;
  /** The event the dispute is about, or null when the claims share no event. */
  event: string | null;
  facet: Facet;
  /** What is disputed, in a few words ("the number of dead", "whether the troops crossed"). */
  what: string;
  /** The positions differ but can all hold ("at least 300" and "438"): a discrepancy, not a dispute. */
  compatible: boolean;
  /** A later report that supersedes an earlier one (a toll raised), ordered by the articles' dates. */
  update?: boolean;
  positions: DisputePosition[];
  /** How sure the tool is that this is a real disagreement, in [0, 1]. */
  confidence: number;
  /** One or two plain sentences naming the positions and who holds them. */
  explanation: string;
}
