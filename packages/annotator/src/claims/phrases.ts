import type { DocumentFacts } from './features.js';
import type { TokenClaim } from './token-claim.js';

/** Words that may stand between a subject and its verb of saying ("X has also said"). */
const betweenSubjectAndCue = new Set([
  'has',
  'have',
  'had',
  'also',
  'again',
  'previously',
  'repeatedly',
  'already',
  'later',
  'earlier',
  'since',
  'now',
  'then',
  'still',
  'further',
  'first',
  'once',
  'publicly',
  'privately',
  'reportedly',
  'allegedly',
  'apparently',
  'initially',
  'separately',
  'immediately',
  'quickly',
  'flatly',
  'strongly',
  'firmly',
  'openly',
  'long',
  'often',
  'never',
  'always',
  'would',
  'will',
  'could',
  'may',
  'might',
  'did',
  'does',
  'do',
]);

/**
 * The source is the whole subject noun phrase before the cue: a claim whose source the tagger left out
 * or cut short ("Russian volunteer troops fighting with Ukraine claimed …" gave "Ukraine"; "The legion
 * claims …" gave none) gets the noun phrase that ends right before the cue (past auxiliaries and adverbs
 * such as "has also"), extended to the left over its modifiers and post-modifiers ("of …", "fighting
 * with …") up to the sentence start, a comma, a quotation mark or a finite verb.
 *
 * A source the tagger put after the cue with content between them ("X said the talks were held in
 * Geneva and Vienna" tagging "Vienna") is a phrase of the content: the content runs on over it and the
 * source is looked for before the cue. A source that is the object of a verb joined to the cue by "and"
 * ("the mayor met the governor and told him …") gives way to that verb's subject.
 */
export function subjectSource(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  if (claim.sourceStart >= claim.cueEnd) {
    if (claim.contentStart < claim.cueEnd || claim.contentStart >= claim.sourceStart) return;
    if (t.sentence[claim.sourceStart] === t.sentence[claim.cueStart])
      claim.contentEnd = Math.max(claim.contentEnd, claim.sourceEnd);
    claim.sourceStart = -1;
    claim.sourceEnd = -1;
  }
  if (claim.contentStart < claim.cueStart && claim.contentEnd > claim.sourceStart) return;
  const s = t.sentence[claim.cueStart] as number;
  const first = t.sentenceStart[s] as number;
  let end = claim.cueStart;
  while (end > first && betweenSubjectAndCue.has(t.lower[end - 1] as string)) end--;
  if (claim.sourceStart >= 0 && claim.sourceEnd < end) {
    // A source cut before its head ("The nation’s" of "The nation’s largest group said") runs on to it.
    let k = claim.sourceEnd;
    while (k < end && phraseKind(t.tokens[k]?.pos, t.lower[k] as string, t.shape[k] as number) === 1) k++;
    if (
      k === end &&
      t.sentence[claim.sourceStart] === s &&
      nounLike(t.tokens[end - 1]?.pos, t.shape[end - 1] as number)
    ) {
      claim.sourceEnd = end;
      return;
    }
    objectToSubject(facts, claim, first, end);
    return;
  }
  if (claim.sourceStart < 0 && t.shape[end - 1] === 6) {
    appositiveSubject(facts, claim, first, end - 1);
    return;
  }
  const head = claim.sourceStart >= 0 ? claim.sourceStart : end - 1;
  if (head < first || (claim.sourceStart < 0 && !nounLike(t.tokens[head]?.pos, t.shape[head] as number))) return;
  claim.sourceStart = phraseStart(facts, head, first);
  if (claim.sourceEnd < 0 || claim.sourceEnd < head + 1) claim.sourceEnd = head + 1;
  if (claim.sourceEnd > end) claim.sourceEnd = end;
}

/**
 * Trim a source to the words of its noun phrase: no conjunction, preposition or punctuation at either
 * edge ("and the ministers" → "the ministers", "by the battalion" → "the battalion"), no determiner at
 * its end, no comma at its end unless after an apposition, and none of the adverbial phrase opening the
 * sentence. A source left with no word is dropped.
 */
export function trimSource(facts: DocumentFacts, claim: TokenClaim): void {
  if (claim.sourceStart < 0) return;
  const t = facts.table;
  let start = claim.sourceStart;
  let end = claim.sourceEnd;
  while (start < end && edgeWord(t.tokens[start]?.pos, t.lower[start] as string, t.shape[start] as number, true))
    start++;
  while (end > start && edgeWord(t.tokens[end - 1]?.pos, t.lower[end - 1] as string, t.shape[end - 1] as number, false))
    end--;
  // A source that opens inside the adverbial phrase opening the sentence ("After a meeting of the council,
  // the minister said") keeps what follows its last comma.
  const opening = t.tokens[t.sentenceStart[t.sentence[start] as number] as number]?.pos;
  const adverbial = opening === 'IN' || opening === 'VBG' || opening === 'RB';
  if (adverbial && t.tokens[start - 1]?.pos === 'IN' && t.sentence[start - 1] === t.sentence[start]) {
    let comma = end - 1;
    while (comma > start && t.shape[comma] !== 6) comma--;
    if (comma > start && comma + 1 < end) start = comma + 1;
  }
  if (start === end) {
    claim.sourceStart = -1;
    claim.sourceEnd = -1;
    return;
  }
  // A comma ends a source only after an apposition ("X, a spokesman, said").
  let apposition = false;
  for (let i = start; i < end - 1; i++) if (t.shape[i] === 6) apposition = true;
  if (!apposition && end - start > 1 && t.shape[end - 1] === 6) end--;
  claim.sourceStart = start;
  claim.sourceEnd = end;
}

/**
 * A source never takes words of the content: where the content, all of it before the cue, runs into the
 * source after its start ("The vehicle stopped in the village of X, a police spokesman said" read with the source from
 * "the village"), the source starts after the content and is trimmed again.
 */
export function sourceApartFromContent(facts: DocumentFacts, claim: TokenClaim): void {
  if (claim.sourceStart < 0 || claim.contentStart < 0 || claim.contentEnd > claim.cueStart) return;
  if (claim.contentStart > claim.sourceStart || claim.contentEnd <= claim.sourceStart) return;
  if (claim.contentEnd >= claim.sourceEnd) return;
  let start = claim.contentEnd;
  while (start < claim.sourceEnd && (facts.table.shape[start] as number) >= 5) start++;
  claim.sourceStart = start;
  trimSource(facts, claim);
}

/**
 * A participle cue after a comma ("The mayor left the meeting early, saying …") without a source takes
 * the subject of the sentence's main clause: the noun phrase (with its post-modifiers) that opens the
 * sentence, after an opening adverbial phrase and its comma, and stands right before a verb.
 */
export function participleSource(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  if (claim.sourceStart >= 0 || t.tokens[claim.cueStart]?.pos !== 'VBG') return;
  let k = claim.cueStart - 1;
  while (k > 0 && t.tokens[k]?.pos === 'RB') k--;
  if (t.shape[k] !== 6) return;
  const first = t.sentenceStart[t.sentence[claim.cueStart] as number] as number;
  let start = first;
  const opening = t.tokens[first]?.pos;
  if (opening === 'IN' || opening === 'RB' || opening === 'VBG' || opening === 'VBN') {
    while (start < k && t.shape[start] !== 6) start++;
    start++;
  }
  let end = start;
  while (end < k && phraseKind(t.tokens[end]?.pos, t.lower[end] as string, t.shape[end] as number) !== 0) end++;
  const next = t.tokens[end]?.pos;
  if (end === start || end >= k || !nounLike(t.tokens[end - 1]?.pos, t.shape[end - 1] as number)) return;
  // After a verb of saying the participle is part of what is said ("X says they left, demanding …").
  if (!(next?.startsWith('VB') || next === 'MD') || (facts.lexicon[end] as number) > 0) return;
  claim.sourceStart = start;
  claim.sourceEnd = end;
}

/**
 * A cue that modifies a noun ("its alleged support", "the so-called plan": one adjective or participle
 * after a determiner or possessive and before a noun) has no source in the sentence: whoever alleges is
 * not named. Inside what another claim says, it is part of that claim, not one of its own: such claims
 * are left out of the result.
 */
export function attributiveCues(facts: DocumentFacts, claims: readonly TokenClaim[]): TokenClaim[] {
  const out: TokenClaim[] = [];
  for (const claim of claims) {
    if (!attributive(facts, claim)) {
      out.push(claim);
      continue;
    }
    const nested = claims.some(
      (other) => other !== claim && other.contentStart <= claim.cueStart && claim.cueEnd <= other.contentEnd,
    );
    if (nested) continue;
    claim.sourceStart = -1;
    claim.sourceEnd = -1;
    out.push(claim);
  }
  return out;
}

function attributive(facts: DocumentFacts, claim: TokenClaim): boolean {
  const t = facts.table;
  if (claim.cueEnd - claim.cueStart !== 1 || claim.cueStart === 0) return false;
  const pos = t.tokens[claim.cueStart]?.pos;
  const before = t.tokens[claim.cueStart - 1]?.pos;
  if (!(pos === 'JJ' || pos === 'VBN')) return false;
  if (!(before === 'DT' || before === 'PRP$' || before === 'POS')) return false;
  return t.tokens[claim.cueEnd]?.pos?.startsWith('NN') === true;
}

/** Whether a word may not stand at the start (`leading`) or end of a source. */
function edgeWord(pos: string | undefined, lower: string, shape: number, leading: boolean): boolean {
  if (shape === 5) return true;
  if (lower === 'and' || lower === 'or' || lower === 'but') return true;
  return !leading && (pos === 'IN' || pos === 'TO');
}

/**
 * When the source ends in "and" right before the cue and a finite verb stands right before it, the source
 * is that verb's object: take the subject noun phrase before the verb instead.
 */
function objectToSubject(facts: DocumentFacts, claim: TokenClaim, first: number, end: number): void {
  const t = facts.table;
  let gap = claim.sourceEnd;
  while (gap < end && (t.shape[gap] as number) >= 5) gap++;
  if (gap !== end - 1 || t.lower[gap] !== 'and') return;
  const verb = claim.sourceStart - 1;
  const pos = t.tokens[verb]?.pos;
  if (verb <= first || !(pos === 'VBD' || pos === 'VBZ' || pos === 'VBP')) return;
  let head = verb;
  while (head > first && betweenSubjectAndCue.has(t.lower[head - 1] as string)) head--;
  head--;
  if (head < first || !nounLike(t.tokens[head]?.pos, t.shape[head] as number)) return;
  claim.sourceStart = phraseStart(facts, head, first);
  claim.sourceEnd = head + 1;
}

/**
 * A subject with an apposition between commas that opens the sentence ("The relief group, a charity
 * that volunteers run, also said …"): both up to the `comma` before the cue are the source. The subject
 * is a noun phrase (with its post-modifiers: "The union of dock workers"); the apposition opens as one and
 * holds no comma or quotation mark.
 */
function appositiveSubject(facts: DocumentFacts, claim: TokenClaim, first: number, comma: number): void {
  const t = facts.table;
  let split = first;
  if (phraseKind(t.tokens[first]?.pos, t.lower[first] as string, t.shape[first] as number) !== 1) return;
  while (split < comma && phraseKind(t.tokens[split]?.pos, t.lower[split] as string, t.shape[split] as number) !== 0)
    split++;
  if (split === first || split + 1 >= comma || t.shape[split] !== 6) return;
  if (!nounLike(t.tokens[split - 1]?.pos, t.shape[split - 1] as number)) return;
  if (phraseKind(t.tokens[split + 1]?.pos, t.lower[split + 1] as string, t.shape[split + 1] as number) !== 1) return;
  for (let i = split + 1; i < comma; i++) if (t.shape[i] === 5 || t.shape[i] === 6 || t.shape[i] === 7) return;
  claim.sourceStart = first;
  claim.sourceEnd = comma;
}

/** The first token of the noun phrase whose last word is `head`, not before `first`. */
function phraseStart(facts: DocumentFacts, head: number, first: number): number {
  const t = facts.table;
  let start = head;
  let crossed = false;
  while (start > first) {
    const k = start - 1;
    let kind = phraseKind(t.tokens[k]?.pos, t.lower[k] as string, t.shape[k] as number);
    // A past form before "by" is a participle ("a video posted by the group").
    if (kind === 0 && t.tokens[k]?.pos === 'VBD' && t.lower[k + 1] === 'by') kind = 2;
    if (kind === 0) break;
    if (kind === 2) crossed = true;
    start = k;
  }
  // A phrase that opens the sentence with a preposition is an adverbial ("On Monday the ministry …"): keep
  // only what follows its last preposition or participle.
  if (crossed && start === first && phraseKind(t.tokens[start]?.pos, t.lower[start] as string, 1) === 2) {
    let k = head;
    while (k > start && phraseKind(t.tokens[k - 1]?.pos, t.lower[k - 1] as string, 1) !== 2) k--;
    start = k;
  }
  while (start < head && phraseKind(t.tokens[start]?.pos, t.lower[start] as string, 1) !== 1) start++;
  return start;
}

function nounLike(pos: string | undefined, shape: number): boolean {
  if (pos === undefined) return shape === 2 || shape === 3;
  return pos.startsWith('NN') || pos === 'PRP' || pos === 'CD';
}

/** 1: a word of a noun phrase; 2: a preposition or participle joining a post-modifier; 0: a boundary. */
function phraseKind(pos: string | undefined, lower: string, shape: number): number {
  if (shape >= 5 && lower !== "'s" && lower !== '’s' && lower !== "'" && lower !== '’' && lower !== '-') return 0;
  if (pos === undefined) return shape === 2 || shape === 3 ? 1 : 0;
  if (pos.startsWith('NN') || pos.startsWith('JJ') || pos === 'DT' || pos === 'PRP$' || pos === 'POS' || pos === 'CD')
    return lower === 'that' ? 0 : 1;
  if (pos === 'IN' && lower !== 'that' && lower !== 'because' && lower !== 'if' && lower !== 'while') return 2;
  if (pos === 'VBG' || pos === 'VBN') return 2;
  if (pos === 'CC' && (lower === 'and' || lower === '&')) return 1;
  return 0;
}
