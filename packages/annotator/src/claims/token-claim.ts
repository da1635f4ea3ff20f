/** An attribution found by the taggers, as token indices (end exclusive); source -1 when there is none. */
export interface TokenClaim {
  cueStart: number;
  cueEnd: number;
  sourceStart: number;
  sourceEnd: number;
  contentStart: number;
  contentEnd: number;
}
