import { isAddress } from './content.js';
import type { TokenClaim } from './token-claim.js';
import type { TokenTable } from './tokens.js';

/**
 * Sentences the article states in its own voice: prose sentences (not headings) of at least four words
 * and a verb (when parts of speech are tagged) that hold no cue and are not the content of any
 * attribution. Web addresses are not words. Returns `[start, end)` token ranges.
 */
export function ownVoiceClaims(
  table: TokenTable,
  claims: readonly TokenClaim[],
  headings: readonly { start: number; end: number }[],
): [number, number][] {
  const covered = new Uint8Array(table.length);
  for (const claim of claims) {
    covered.fill(1, claim.contentStart, claim.contentEnd);
    covered.fill(1, claim.cueStart, claim.cueEnd);
  }
  const out: [number, number][] = [];
  let h = 0;
  for (let s = 0; s + 1 < table.sentenceStart.length; s++) {
    const from = table.sentenceStart[s] as number;
    const to = table.sentenceStart[s + 1] as number;
    if (from >= to) continue;
    const start = (table.tokens[from] as { start: number }).start;
    while (h < headings.length && (headings[h] as { end: number }).end <= start) h++;
    const heading = headings[h];
    if (heading && heading.start <= start && start < heading.end) continue;
    let words = 0;
    let attributed = false;
    let verb = false;
    let tagged = false;
    for (let i = from; i < to; i++) {
      if (covered[i] === 1) {
        attributed = true;
        break;
      }
      const token = table.tokens[i] as { text: string; pos?: string };
      if ((table.shape[i] as number) <= 4 && !isAddress(token.text)) words++;
      if (token.pos !== undefined) tagged = true;
      if (token.pos?.startsWith('VB') || token.pos === 'MD') verb = true;
    }
    if (!attributed && words >= 4 && (verb || !tagged)) out.push([from, to]);
  }
  return out;
}
