import { wordSet } from '../words.js';
import type { DocumentFacts } from './features.js';
import { passiveAuxiliaries } from './rules.js';
import type { TokenClaim } from './token-claim.js';

/** Passive auxiliaries ("was told"), with the infinitive ("will be told"). */
export const passiveWithInfinitive: ReadonlySet<string> = new Set([...passiveAuxiliaries, 'be']);

/**
 * Participles of verbs whose object is the one told, not the one telling ("X was told", "X was assured");
 * only those of the cue lexicon are looked at.
 */
const toldForms = wordSet('toldForms');

/**
 * A passive verb of telling makes its subject the one told ("the paper was told", "officials were
 * assured"): such a claim's source is the agent of a "by" phrase right after the cue, else nobody.
 */
export function recipientSource(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  if (!passiveTelling(facts, claim.cueStart, claim.cueEnd)) return;
  if (claim.sourceStart >= claim.cueEnd) {
    // The one told opens the sentence; what was said follows the agent.
    if (claim.contentStart < claim.cueStart && claim.contentEnd > claim.sourceEnd) claim.contentStart = claim.sourceEnd;
    return;
  }
  claim.sourceStart = -1;
  claim.sourceEnd = -1;
  if (t.lower[claim.cueEnd] !== 'by') return;
  const s = t.sentence[claim.cueStart] as number;
  const last = t.sentenceStart[s + 1] as number;
  let end = claim.cueEnd + 1;
  while (end < last && (t.shape[end] as number) < 5 && t.lower[end] !== 'that' && !t.tokens[end]?.pos?.startsWith('VB'))
    end++;
  if (end === claim.cueEnd + 1) return;
  claim.sourceStart = claim.cueEnd + 1;
  claim.sourceEnd = end;
  if (claim.contentStart < end && claim.contentEnd > claim.cueEnd) claim.contentStart = end;
}

/**
 * Claims of a passive verb of telling the taggers missed: "…, the paper was told." (the sentence before the
 * comma is the content) and "the paper was told that …" (the clause). Nobody is the source. Skips cues
 * already in `found`.
 */
export function toldClaims(facts: DocumentFacts, found: readonly TokenClaim[]): TokenClaim[] {
  const t = facts.table;
  const claims: TokenClaim[] = [];
  for (const i of facts.cueTokens) {
    if (i === 0 || !toldForms.has(t.lower[i] as string) || !passiveWithInfinitive.has(t.lower[i - 1] as string))
      continue;
    const s = t.sentence[i] as number;
    const first = t.sentenceStart[s] as number;
    const last = t.sentenceStart[s + 1] as number;
    let cueStart = i - 1;
    while (cueStart > first && (t.lower[cueStart - 1] === 'had' || t.lower[cueStart - 1] === 'has')) cueStart--;
    if (found.some((c) => c.cueStart <= i && i < c.cueEnd)) continue;
    let end = last;
    while (end > i + 1 && (t.shape[end - 1] as number) >= 5 && t.quoteMark[end - 1] === 0) end--;
    if (t.lower[i + 1] === 'that' && end - (i + 2) >= 3) {
      claims.push({ cueStart, cueEnd: i + 1, sourceStart: -1, sourceEnd: -1, contentStart: i + 1, contentEnd: end });
      continue;
    }
    // "…, X was told.": the cue's clause is a short subject and the cue at the sentence's end.
    if (end !== i + 1) continue;
    let comma = cueStart - 1;
    while (comma > first && t.shape[comma] !== 6 && cueStart - comma <= 5) comma--;
    if (t.shape[comma] !== 6 || comma - first < 4) continue;
    claims.push({ cueStart, cueEnd: i + 1, sourceStart: -1, sourceEnd: -1, contentStart: first, contentEnd: comma });
  }
  return claims;
}

/** Whether tokens `start`..`end` hold a passive auxiliary followed by a participle of telling. */
function passiveTelling(facts: DocumentFacts, start: number, end: number): boolean {
  const t = facts.table;
  for (let i = Math.max(1, start); i < end; i++)
    if (toldForms.has(t.lower[i] as string) && passiveWithInfinitive.has(t.lower[i - 1] as string)) return true;
  return false;
}
