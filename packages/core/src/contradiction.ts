export type ContradictionKind =
  | 'polarity'
  | 'quantity'
  | 'agent'
  | 'motive'
  | 'outcome'
  | 'place'
  | 'certainty'
  | 'other';

/** Two claims about the same event that cannot both be true as stated, and why. */
export interface Contradiction {
  id: string;
  kind: ContradictionKind;
  claims: [string, string];
  event: string | null;
  explanation: string;
  /** For `quantity`: whether the two figures can both hold ("at least 300" and "438"). */
  compatible?: boolean;
  /** What each side says on the point they differ on, in claim order ("at least 300", "438"). */
  values?: [string, string];
  /**
   * Every claim that says the same as each side (the two claims first), from any article: the contradiction
   * holds for all of them. Capped, so a widely reprinted claim does not list thousands.
   */
  sides?: [string[], string[]];
  /** The id of the dispute this pair stands for (version 2 of the contract), when it was derived from one. */
  dispute?: string;
}

/** Two claims from independent sources about the same event that say the same thing. */
export interface Agreement {
  claims: [string, string];
  event: string | null;
  /** One plain sentence naming both sources and outlets. */
  explanation?: string;
  /**
   * How sure the tool is that both tell the same thing about one happening, in [0, 1]: more shared wording and
   * participants, more sure. Absent when not scored (always shown).
   */
  confidence?: number;
}

/**
 * One independent voice: claims that are copies of each other (a paragraph repeated in one article, wire
 * copy reprinted by several outlets). Agreement counts voices, not copies.
 */
export interface Voice {
  id: string;
  claims: string[];
  articles: string[];
}
