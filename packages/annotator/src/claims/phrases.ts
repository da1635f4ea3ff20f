import type { TokenClaim } from './extract.js';
import type { DocumentFacts } from './features.js';

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
 */
export function subjectSource(facts: DocumentFacts, claim: TokenClaim): void {
  const t = facts.table;
  if (claim.sourceStart >= claim.cueEnd) return;
  if (claim.contentStart < claim.cueStart && claim.contentEnd > claim.sourceStart) return;
  const s = t.sentence[claim.cueStart] as number;
  const first = t.sentenceStart[s] as number;
  let end = claim.cueStart;
  while (end > first && betweenSubjectAndCue.has(t.lower[end - 1] as string)) end--;
  if (claim.sourceStart >= 0 && claim.sourceEnd < end) return;
  const head = claim.sourceStart >= 0 ? claim.sourceStart : end - 1;
  if (head < first || (claim.sourceStart < 0 && !nounLike(t.tokens[head]?.pos, t.shape[head] as number))) return;
  let start = head;
  let crossed = false;
  while (start > first) {
    const k = start - 1;
    const kind = phraseKind(t.tokens[k]?.pos, t.lower[k] as string, t.shape[k] as number);
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
  claim.sourceStart = start;
  if (claim.sourceEnd < 0 || claim.sourceEnd < head + 1) claim.sourceEnd = head + 1;
  if (claim.sourceEnd > end) claim.sourceEnd = end;
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
