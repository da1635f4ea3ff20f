import { wordSet } from '../words.js';
import { cueWordAt, type DocumentFacts } from './features.js';
import type { TokenClaim } from './token-claim.js';
import type { TokenTable } from './tokens.js';

/** Headline labels that are not speakers ("Update: …"). */
const labels = new Set([
  'update',
  'updated',
  'watch',
  'exclusive',
  'breaking',
  'opinion',
  'analysis',
  'video',
  'photos',
  'live',
  'editorial',
  'note',
  'editor',
  'correction',
  'clarification',
  'byline',
  'email',
  'contact',
  'related',
  'read',
  'source',
  'sources',
]);

/**
 * Claims of speaker labels, which the taggers rarely see: a paragraph opening with a speaker's name in
 * capitals and a colon, as in transcripts ("MAYOR: We are ready."), and a headline "Name: statement"
 * (one or two capitalised words ending in a proper noun, not opening with a determiner: "The Latest: …"
 * and "Revealed: …" are labels).
 * The name is the source, the colon the cue, the rest of the paragraph the content. Skips colons that are
 * already the cue of `found`.
 */
export function speakerLabelClaims(facts: DocumentFacts, found: readonly TokenClaim[]): TokenClaim[] {
  const t = facts.table;
  const claims: TokenClaim[] = [];
  const sentences = t.sentenceBlock.length;
  for (let s = 0; s < sentences; s++) {
    if (s > 0 && t.sentenceBlock[s - 1] === t.sentenceBlock[s]) continue;
    let blockEnd = s + 1;
    while (blockEnd < sentences && t.sentenceBlock[blockEnd] === t.sentenceBlock[s]) blockEnd++;
    const first = t.sentenceStart[s] as number;
    const last = t.sentenceStart[blockEnd] as number;
    // The name lies in the paragraph's first sentence and opens with a word, not a full stop.
    const nameLimit = t.sentenceStart[s + 1] as number;
    let i = first;
    if (i < last && t.quoteMark[i] === 1) i++;
    const nameStart = i;
    let allCaps = true;
    while (
      i < nameLimit &&
      i - nameStart < 4 &&
      (t.shape[i] === 2 || t.shape[i] === 3 || (i > nameStart && t.lower[i] === '.'))
    ) {
      if (t.shape[i] === 2 && (t.tokens[i]?.text.length ?? 0) > 1) allCaps = false;
      i++;
    }
    if (i === nameStart || i >= last || t.shape[i] !== 7 || last - i < 4) continue;
    if (!(allCaps || (s === 0 && i - nameStart <= 2)) || labels.has(t.lower[nameStart] as string)) continue;
    const lastPos = t.tokens[i - 1]?.pos;
    if (t.tokens[nameStart]?.pos === 'DT' || (!allCaps && lastPos !== undefined && !lastPos.startsWith('NNP')))
      continue;
    if (found.some((c) => c.cueStart <= i && i < c.cueEnd)) continue;
    let contentEnd = last;
    while (contentEnd > i + 1 && t.quoteMark[contentEnd - 1] === 1 && t.quote[contentEnd - 1] !== t.quote[i + 1])
      contentEnd--;
    claims.push({ cueStart: i, cueEnd: i + 1, sourceStart: nameStart, sourceEnd: i, contentStart: i + 1, contentEnd });
  }
  return claims;
}

/**
 * Carry content over paragraph breaks: a quotation left open at the end of a paragraph continues in the
 * next one when that opens with a quotation mark; and a cue whose paragraph ends in a colon right after it
 * ("she said:") introduces the next paragraph.
 */
export function extendOverParagraphs(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  const sentences = t.sentenceBlock.length;
  const lastOfBlock = lastSentences(t);
  const blockEndOf = (token: number) => {
    const s = lastOfBlock[t.sentence[token] as number] as number;
    return { sentence: s, end: t.sentenceStart[s + 1] as number };
  };
  let { sentence, end } = blockEndOf(claim.cueStart);
  const colon = end - 1;
  if (
    t.shape[colon] === 7 &&
    colon >= claim.cueEnd &&
    colon - claim.cueEnd <= 6 &&
    claim.contentEnd <= claim.cueStart &&
    sentence + 1 < sentences
  ) {
    const next = blockEndOf(end);
    claim.contentStart = end;
    claim.contentEnd = next.end;
    ({ sentence, end } = next);
  }
  for (let step = 0; step < 6; step++) {
    if (claim.contentEnd !== end || sentence + 1 >= sentences) return;
    let lastWord = end - 1;
    while (lastWord > claim.contentStart && (t.shape[lastWord] as number) >= 6 && t.quoteMark[lastWord] === 0)
      lastWord--;
    const open = t.quote[lastWord] !== 0 && t.quoteMark[lastWord] === 0;
    if (!open || t.quoteMark[end] !== 1) return;
    const next = blockEndOf(end);
    claim.contentEnd = next.end;
    ({ sentence, end } = next);
  }
}

const lastSentenceCache = new WeakMap<TokenTable, Int32Array>();

/** For each sentence, the last sentence of its paragraph (block), worked out once per document. */
function lastSentences(t: TokenTable): Int32Array {
  let last = lastSentenceCache.get(t);
  if (last) return last;
  const n = t.sentenceBlock.length;
  last = new Int32Array(n);
  for (let s = n - 1; s >= 0; s--)
    last[s] = s + 1 < n && t.sentenceBlock[s + 1] === t.sentenceBlock[s] ? (last[s + 1] as number) : s;
  lastSentenceCache.set(t, last);
  return last;
}

/**
 * One source with several cues: a claim without a source whose cue follows, in the same sentence, the cue
 * of a claim with one ("X said …, adding that …"; "X said … and warned …") takes that claim's source.
 * `claims` must be sorted by cue.
 */
export function shareSources(facts: DocumentFacts, claims: TokenClaim[]): void {
  const t = facts.table;
  for (let k = 1; k < claims.length; k++) {
    const claim = claims[k] as TokenClaim;
    if (claim.sourceStart >= 0) continue;
    const before = claims[k - 1] as TokenClaim;
    if (before.sourceStart < 0 || t.sentence[before.cueStart] !== t.sentence[claim.cueStart]) continue;
    // A cue inside the other claim's content is said by someone that content names ("X says the
    // protesters entered, demanding …").
    if (before.contentStart <= claim.cueStart && claim.cueStart < before.contentEnd) continue;
    let joined = false;
    for (let i = claim.cueStart - 1; i >= before.cueEnd && i >= claim.cueStart - 3; i--) {
      const word = t.lower[i];
      if (word === ',' || word === 'and' || word === ';') joined = true;
    }
    if (!joined) continue;
    claim.sourceStart = before.sourceStart;
    claim.sourceEnd = before.sourceEnd;
  }
}

/** Auxiliaries of a finite passive ("it was reported", "it has been claimed"). */
export const passiveAuxiliaries = wordSet('passiveAuxiliaries');

/**
 * Impersonal passives the tagger may miss: "it was reported that …", "it has been claimed that …". The
 * auxiliaries and participle are the cue, the "that" clause to the end of the sentence the content; no
 * source. Skips cues already in `found`.
 */
export function passiveClaims(facts: DocumentFacts, found: readonly TokenClaim[]): TokenClaim[] {
  const t = facts.table;
  const claims: TokenClaim[] = [];
  for (const i of facts.cueTokens) {
    if (i === 0 || i + 1 >= t.length || t.lower[i + 1] !== 'that' || !passiveAuxiliaries.has(t.lower[i - 1] as string))
      continue;
    let start = i - 1;
    while (start > 0 && (t.lower[start - 1] === 'has' || t.lower[start - 1] === 'had' || t.lower[start - 1] === 'been'))
      start--;
    if (start === 0 || t.lower[start - 1] !== 'it' || t.sentence[start - 1] !== t.sentence[i]) continue;
    if (found.some((c) => c.cueStart <= i && i < c.cueEnd)) continue;
    const end = t.sentenceStart[(t.sentence[i] as number) + 1] as number;
    if (end - (i + 1) < 3) continue;
    claims.push({
      cueStart: start,
      cueEnd: i + 1,
      sourceStart: -1,
      sourceEnd: -1,
      contentStart: i + 1,
      contentEnd: end,
    });
  }
  return claims;
}

/**
 * Inverted order with the source after the cue ("…, said the farmers' union."): when the cue follows a
 * comma and at most eight words without a verb run from it to the end of the sentence (twenty when they
 * open with a determiner or noun after a cue that ends in no preposition: "said the head of the press
 * office of …, Jan Berg"), those words are
 * the source and the sentence up to the comma the content, whatever the role tagger made of them.
 */
export function sourceAfterCue(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  const s = t.sentence[claim.cueStart] as number;
  const first = t.sentenceStart[s] as number;
  // a source before the cue stands, unless the tagger read the words after the cue as the content
  // A source before the cue stands, unless the cue is a verb that inverts with its subject ("…, said the
  // head of …") and the tagger read the words after it as the content.
  if (claim.sourceStart >= 0 && claim.sourceStart < claim.cueStart) {
    const inverting = claim.cueEnd - claim.cueStart === 1 && invertingCues.has(t.lower[claim.cueStart] as string);
    if (!inverting || claim.contentStart < claim.cueEnd) return;
  }
  // After a comma, or after a quotation closed by a comma or question mark (“…,” said X).
  const quoted = t.quoteMark[claim.cueStart - 1] === 1 && (t.shape[claim.cueStart - 2] as number) >= 6;
  if (claim.cueStart - first < 3 || (t.shape[claim.cueStart - 1] !== 6 && !quoted)) return;
  let end = t.sentenceStart[s + 1] as number;
  while (end > claim.cueEnd && (t.shape[end - 1] as number) >= 5) end--;
  const opening = t.tokens[claim.cueEnd]?.pos;
  const closing = t.tokens[claim.cueEnd - 1]?.pos;
  const nounPhrase =
    closing !== 'IN' &&
    closing !== 'TO' &&
    (opening === 'DT' || opening === 'PRP$' || opening?.startsWith('NN') === true);
  if (end <= claim.cueEnd || end - claim.cueEnd > (nounPhrase ? 20 : 8)) return;
  for (let i = claim.cueEnd; i < end; i++) {
    // a cue word used as a noun ("the press office") is part of a noun phrase
    if (cueWordAt(facts, i) || t.shape[i] === 5 || isVerb(t.tokens[i]?.pos, t.lower[i] as string)) return;
  }
  claim.sourceStart = claim.cueEnd;
  claim.sourceEnd = end;
  // A quotation keeps its content, which may go on after the source (“A,” said X. “B.”).
  if (quoted) return;
  claim.contentStart = Math.min(claim.contentStart, first);
  if (claim.contentEnd > claim.cueStart) claim.contentEnd = claim.cueStart - 1;
}

/** Verbs of saying that news writing puts before their subject ("…, said the minister"). */
const invertingCues: ReadonlySet<string> = new Set(['said', 'says', 'added', 'wrote', 'explained', 'continued']);

/** Auxiliary and modal verbs. */
export const verbs: ReadonlySet<string> = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'can',
  'should',
  'may',
  'might',
  'must',
  'did',
  'does',
  'do',
]);

function isVerb(pos: string | undefined, lower: string): boolean {
  if (pos) return pos.startsWith('VB') || pos === 'MD';
  return verbs.has(lower);
}
