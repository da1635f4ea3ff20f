import { cueWordAt, type DocumentFacts } from './features.js';
import { passiveWithInfinitive as passive } from './recipients.js';
import type { TokenClaim } from './token-claim.js';

/**
 * A content does not run over its cue from the subject: one tagged on both sides of the cue ("The company
 * reportedly told investors the mine would close" tagged whole) starts after the cue when what lies before
 * it in the content is a short phrase without a verb or quotation mark (a quotation split by its cue,
 * "“A,” she said, “B.”", keeps both parts).
 */
export function splitAroundCue(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  let next = claim.cueEnd;
  while (next < claim.contentEnd && t.shape[next] === 6) next++;
  const anotherCue = next < claim.contentEnd && (facts.lexicon[next] as number) > 0;
  if (
    claim.contentStart < claim.cueStart &&
    claim.contentEnd > claim.cueStart &&
    (claim.contentEnd - claim.cueEnd < 2 || anotherCue)
  ) {
    endBeforeCue(facts, claim);
    return;
  }
  if (claim.contentStart >= claim.cueStart || claim.contentEnd - claim.cueEnd < 2) return;
  if (claim.cueStart - claim.contentStart > 8) return;
  // Only active verbs of saying take their subject as the source: the subject of "is expected",
  // "seems" or "appears" is part of what is claimed.
  let saying = false;
  for (let i = claim.cueStart; i < claim.cueEnd; i++) {
    const cls = facts.lexicon[i] as number;
    if (cls >= 1 && cls <= 3) saying = true;
    if (passive.has(t.lower[i] as string)) return;
  }
  if (!saying) return;
  for (let i = claim.contentStart; i < claim.cueStart; i++) {
    const pos = t.tokens[i]?.pos;
    if (t.quote[i] !== 0 || t.shape[i] === 6 || pos?.startsWith('VB') || pos === 'MD') return;
  }
  claim.contentStart = claim.cueEnd;
}

/**
 * A content that runs into its cue at the end ("…, it continued" tagged with the quotation, or followed
 * only by another cue's clause: "…, it continued, adding that …") ends before
 * the cue and the source in front of it, and before the comma or quotation mark that sets them off.
 */
function endBeforeCue(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  let end = claim.cueStart;
  if (claim.sourceStart >= claim.contentStart && claim.sourceStart < end) end = claim.sourceStart;
  while (end > claim.contentStart && t.shape[end - 1] === 6) end--;
  if (end > claim.contentStart) claim.contentEnd = end;
}

/**
 * Close gaps the role tagger leaves in a content that follows its cue: a content that starts a few words
 * after the cue ("said at least 20 men took control of the building" tagging only "the building") starts
 * right after it, and one that stops inside a phrase ("… between the northern" before "lakes and the
 * coast") runs on to the end of that phrase: the next comma, colon, quotation mark or sentence end.
 * Words before a "that" (in the gap or opening the content), or an object pronoun right after the cue,
 * stay out of the content: they tell whom the source told or when.
 */
export function fillContent(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  if (claim.contentStart < claim.cueEnd) return;
  const s = t.sentence[claim.cueEnd - 1] as number;
  const sentenceEnd = t.sentenceStart[s + 1] as number;
  if (claim.contentStart > claim.cueEnd && claim.contentStart < sentenceEnd && claim.contentStart - claim.cueEnd <= 8) {
    let open = t.lower[claim.contentStart] !== 'that';
    let from = claim.cueEnd;
    for (let i = claim.cueEnd; i < claim.contentStart; i++) {
      const inSource = i >= claim.sourceStart && i < claim.sourceEnd;
      if (inSource || (t.shape[i] as number) >= 5) open = false;
      if (t.lower[i] === 'that' && from === claim.cueEnd) from = i;
    }
    // The person told is no part of what was said ("told him the …", "told reporters that …").
    if (from === claim.cueEnd && t.tokens[from]?.pos === 'PRP') from++;
    if (open) claim.contentStart = from;
  }
  const last = claim.contentEnd - 1;
  const cut = openEnded(t.tokens[last]?.pos, t.shape[last] as number) || postModified(t, last, sentenceEnd);
  if (t.sentence[last] !== s || !cut) return;
  let end = claim.contentEnd;
  while (end < sentenceEnd && (t.shape[end] as number) < 5 && !(end >= claim.sourceStart && end < claim.sourceEnd))
    end++;
  claim.contentEnd = end;
}

/**
 * A content before its cue that the role tagger starts inside a phrase ("In response to the | incident,
 * the service said …, NTV reported") starts with its sentence when the words it left out are few, hold no
 * verb and no cue word but a noun ("in response to"), and the one before its start is a determiner, preposition or modifier.
 */
export function openContentStart(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  if (claim.contentEnd > claim.cueStart || claim.contentStart <= 0) return;
  const first = t.sentenceStart[t.sentence[claim.contentStart] as number] as number;
  const gap = claim.contentStart - first;
  if (gap <= 0 || gap > 5) return;
  const before = t.tokens[claim.contentStart - 1]?.pos;
  if (
    !(before === 'DT' || before === 'IN' || before === 'JJ' || before === 'PRP$' || before === 'TO' || before === 'CD')
  )
    return;
  for (let i = first; i < claim.contentStart; i++) {
    const pos = t.tokens[i]?.pos ?? '';
    if (cueWordAt(facts, i) || pos.startsWith('VB') || pos === 'MD' || (t.shape[i] as number) >= 5) return;
  }
  claim.contentStart = first;
}

/** Whether a content's last word is a noun that a prepositional phrase follows ("accusations by …"). */
function postModified(t: DocumentFacts['table'], last: number, sentenceEnd: number): boolean {
  const next = last + 1;
  return next + 1 < sentenceEnd && t.tokens[last]?.pos?.startsWith('NN') === true && t.tokens[next]?.pos === 'IN';
}

/** Whether a content's last word leaves its phrase open: a determiner, adjective, preposition or conjunction. */
function openEnded(pos: string | undefined, shape: number): boolean {
  if (shape >= 5 || pos === undefined) return false;
  return (
    pos === 'DT' ||
    pos === 'JJ' ||
    pos === 'IN' ||
    pos === 'CC' ||
    pos === 'PRP$' ||
    pos === 'TO' ||
    pos === 'WP' ||
    pos === 'WDT'
  );
}

/**
 * A content after its cue ends before a second verb of saying of the same subject joined by "and"
 * ("denied the report and accused the agency of …"): that verb opens a claim of its own. Quotations are
 * left whole.
 */
export function endAtCoordinatedCue(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  if (claim.contentStart < claim.cueEnd) return;
  const s = t.sentence[claim.cueStart] as number;
  for (let k = claim.contentStart + 1; k + 1 < claim.contentEnd; k++) {
    if (t.sentence[k] !== s) return;
    if (t.lower[k] !== 'and' || t.quote[k] !== 0) continue;
    let verb = k + 1;
    while (verb < claim.contentEnd && t.tokens[verb]?.pos === 'RB') verb++;
    const pos = t.tokens[verb]?.pos;
    if (facts.lexicon[verb] === 0 || !(pos === 'VBD' || pos === 'VBZ' || pos === 'VBP' || pos === 'VBN')) continue;
    let end = k;
    while (end > claim.contentStart + 1 && t.shape[end - 1] === 6) end--;
    claim.contentEnd = end;
    return;
  }
}

/**
 * Whether a claim's content says something: it has a verb, a quotation or a word beyond a web address,
 * and is not a preposition with a name ("on Telegram"). Names and noun phrases count:
 * news attributes them ("endorsed the governor", "denies the accusations").
 */
export function isStatement(facts: DocumentFacts, claim: TokenClaim): boolean {
  const t = facts.table;
  let words = 0;
  for (let i = claim.contentStart; i < claim.contentEnd; i++) {
    const pos = t.tokens[i]?.pos;
    if (t.quote[i] !== 0 || (pos !== undefined && (pos.startsWith('VB') || pos === 'MD'))) return true;
    if ((t.shape[i] as number) <= 4 && !isAddress(t.tokens[i]?.text ?? '')) words++;
  }
  if (words === 0) return false;
  // A preposition and a name: where or through what it was said ("on Telegram", "in Kursk").
  let last = claim.contentEnd - 1;
  while (last > claim.contentStart && (t.shape[last] as number) > 4) last--;
  const name = t.shape[last] === 2 || t.shape[last] === 3;
  return !(words <= 2 && name && t.tokens[claim.contentStart]?.pos === 'IN');
}

/** Whether a token is a web address or e-mail address. */
export function isAddress(text: string): boolean {
  return /^(https?:|www\.)|@\w|\w\.\w+\//i.test(text);
}
