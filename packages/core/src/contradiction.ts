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
}

/** Two claims from independent sources about the same event that say the same thing. */
export interface Agreement {
  claims: [string, string];
  event: string | null;
}
