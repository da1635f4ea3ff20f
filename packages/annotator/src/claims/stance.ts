import type { Stance } from '@claimlens/core';
import type { CueLexicon } from './cue-lexicon.js';
import type { TokenTable } from './tokens.js';

/**
 * The stance of a claim with cue tokens `cueStart`..`cueEnd` and content `contentStart`..`contentEnd`
 * (token indices, end exclusive; cueStart -1 for the article's own voice): the cue's stance from the
 * lexicon when it denies, accuses or asks; else a question when the content ends in "?"; else conditional
 * when the content opens with a condition or the cue is conditioned ("if … confirmed"); else a hedge when
 * the cue or a marker near it or in the content hedges (markers in lower case only: "May" is a month);
 * else an assertion.
 */
export function stanceOf(
  table: TokenTable,
  lexicon: CueLexicon,
  cueStart: number,
  cueEnd: number,
  contentStart: number,
  contentEnd: number,
): Stance {
  let cueStance: Stance | null = null;
  for (let i = cueStart; i >= 0 && i < cueEnd; i++) {
    const entry = lexicon.forms.get(table.lower[i] as string);
    if (entry && entry.stance !== 'assert') {
      cueStance = entry.stance;
      break;
    }
    if (entry) cueStance ??= entry.stance;
  }
  if (cueStance === 'deny' || cueStance === 'accuse' || cueStance === 'question') return cueStance;
  const lastContent = table.lower[contentEnd - 1];
  const beforeLast = table.lower[contentEnd - 2];
  if (lastContent === '?' || (beforeLast === '?' && table.quoteMark[contentEnd - 1] === 1)) return 'question';
  const firstContent = firstWord(table, contentStart, contentEnd);
  if (firstContent >= 0 && lexicon.conditionals.has(table.lower[firstContent] as string)) return 'conditional';
  if (cueStart >= 0) {
    const s = table.sentence[cueStart] as number;
    const from = Math.max(table.sentenceStart[s] as number, cueStart - 8);
    for (let i = from; i < cueStart; i++) {
      if (lexicon.conditionals.has(table.lower[i] as string) && !(i >= contentStart && i < contentEnd))
        return 'conditional';
    }
  }
  if (cueStance === 'hedge') return 'hedge';
  if (cueStart >= 0) {
    for (let i = Math.max(0, cueStart - 3); i < cueEnd + 2 && i < table.length; i++) {
      if (table.shape[i] === 1 && lexicon.hedges.has(table.lower[i] as string)) return 'hedge';
    }
  }
  const depth = Math.min(contentEnd, contentStart + 25);
  for (let i = contentStart; i < depth; i++) {
    if (table.shape[i] === 1 && lexicon.hedges.has(table.lower[i] as string)) return 'hedge';
  }
  return 'assert';
}

/**
 * Whether the content itself is negated: a negation word in its main clause, before any comma, relative
 * clause or nested quotation (a rough but cheap cut), within the first 20 tokens.
 */
export function isNegated(table: TokenTable, lexicon: CueLexicon, contentStart: number, contentEnd: number): boolean {
  const depth = Math.min(contentEnd, contentStart + 20);
  let words = 0;
  for (let i = contentStart; i < depth; i++) {
    const word = table.lower[i] as string;
    if (words > 0 && (word === ',' || word === ';' || word === 'which' || word === 'who' || word === 'because')) break;
    if (table.shape[i] !== 5) words++;
    if (lexicon.negations.has(word)) {
      if (word === 'not' && table.lower[i + 1] === 'only') continue;
      if (word === 'no' && (table.lower[i + 1] === 'one' || table.lower[i + 1] === 'doubt')) continue;
      return true;
    }
  }
  return false;
}

function firstWord(table: TokenTable, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const shape = table.shape[i] as number;
    if (shape <= 4) return table.lower[i] === 'that' && i + 1 < to ? i + 1 : i;
  }
  return -1;
}
