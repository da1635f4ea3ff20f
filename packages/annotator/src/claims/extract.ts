import { endAtCoordinatedCue, fillContent, isStatement, openContentStart, splitAroundCue } from './content.js';
import { cueFeatures, cueSite, cueTags, type DocumentFacts, maxFeatures, roleFeatures, roleTags } from './features.js';
import { type LinearModel, predict, scoreInto } from './perceptron.js';
import { attributiveCues, participleSource, sourceApartFromContent, subjectSource, trimSource } from './phrases.js';
import { recipientSource, toldClaims } from './recipients.js';
import {
  extendOverParagraphs,
  passiveClaims,
  shareSources,
  sourceAfterCue,
  speakerLabelClaims,
  verbs,
} from './rules.js';
import type { TokenClaim } from './token-claim.js';
import type { TokenTable } from './tokens.js';

/** The two trained taggers. */
export interface ClaimModels {
  /** Tags tokens O / B / I of a cue. */
  cue: LinearModel;
  /** Given a cue, tags tokens O / source / content. */
  role: LinearModel;
  /**
   * Lower-cased words that may begin a cue (those the cue tagger tags as cues in its training data, and the
   * lexicon's); other words are tagged outside without scoring, unless they continue a cue. Null: score all.
   */
  candidates: ReadonlySet<string> | null;
}

/** Settings of the extraction. */
export type { TokenClaim };

export interface ExtractOptions {
  /** Added to the score of beginning a cue: above 0 finds more cues, below 0 fewer. */
  cueBias: number;
  /** Carry quotations over paragraph breaks (see `extendOverParagraphs`). */
  paragraphs: boolean;
  /**
   * Add what the taggers tend to miss: speaker labels ("MAYOR: …", `speakerLabelClaims`), impersonal
   * passives ("it was reported that", `passiveClaims`), sources after the cue (`sourceAfterCue`).
   */
  rules: boolean;
  /** Give a sourceless cue that continues another's sentence ("…, adding that") that one's source. */
  shareSources: boolean;
}

/**
 * The repairs of a tagged claim's spans, applied in this order, each when its option is on: `paragraphs` carries a
 * quotation over paragraph breaks, the `rules` mend sources and contents the taggers cut or run on.
 */
const claimRepairs: readonly {
  option: 'rules' | 'paragraphs';
  repair: (facts: DocumentFacts, claim: TokenClaim) => void;
}[] = [
  { option: 'rules', repair: splitAroundCue },
  { option: 'paragraphs', repair: extendOverParagraphs },
  { option: 'rules', repair: sourceAfterCue },
  { option: 'rules', repair: subjectSource },
  { option: 'rules', repair: trimSource },
  { option: 'rules', repair: recipientSource },
  { option: 'rules', repair: participleSource },
  { option: 'rules', repair: fillContent },
  { option: 'rules', repair: endAtCoordinatedCue },
  { option: 'rules', repair: sourceApartFromContent },
  { option: 'rules', repair: openContentStart },
];

/** The tag the role tagger sees for tokens of the cue itself. */
export const cueMarker = 3;

/**
 * Find attributions: tag cues sentence by sentence, then for each cue tag its source and content in a
 * window of nearby sentences of the same paragraph, and read spans off the tags.
 */
export function extractTokenClaims(facts: DocumentFacts, models: ClaimModels, options: ExtractOptions): TokenClaim[] {
  const claims: TokenClaim[] = [];
  const features = new Int32Array(maxFeatures);
  const scores = new Float32Array(8);
  const tags = new Uint8Array(facts.table.length);
  let previousEnd = 0;
  for (const [head, tagged] of joinLeading(facts.table, tagCues(facts, models, options.cueBias, features, scores))) {
    const end = onlyAuxiliaries(facts, head, tagged) ? verbAfter(facts, tagged) : tagged;
    if (end < 0) continue;
    const start = leadIn(facts.table, head, previousEnd);
    previousEnd = end;
    const [from, to] = roleWindow(facts, start, end);
    const site = cueSite(facts, start, end, from, to);
    let prev: number = roleTags.outside;
    let stop = to;
    const t = facts.table;
    const cueSentenceEnd = t.sentenceStart[(t.sentence[end - 1] as number) + 1] as number;
    const cueEndsSentence = cueSentenceEnd - end <= 4;
    for (let j = from; j < stop; j++) {
      if (j >= cueSentenceEnd && t.sentenceStart[t.sentence[j] as number] === j) {
        const next = j === cueSentenceEnd && (cueEndsSentence || t.quoteMark[j] === 1);
        if (!next && !endsInContent(facts, tags, j)) {
          stop = j;
          break;
        }
      }
      if (j >= start && j < end) {
        tags[j] = roleTags.outside;
        prev = cueMarker;
        continue;
      }
      const count = roleFeatures(facts, site, j, prev, features);
      const tag = predict(models.role, features, count, scores);
      tags[j] = tag;
      prev = tag;
    }
    const claim = readClaim(tags, from, stop, start, end) ?? fallbackClaim(facts, start, end);
    if (!claim) continue;
    for (const { option, repair } of claimRepairs) if (options[option]) repair(facts, claim);
    if (options.rules && !isStatement(facts, claim)) continue;
    claims.push(claim);
  }
  if (options.rules) {
    const added = [...speakerLabelClaims(facts, claims), ...passiveClaims(facts, claims), ...toldClaims(facts, claims)];
    claims.push(...added.filter((claim) => isStatement(facts, claim)));
    claims.sort((a, b) => a.cueStart - b.cueStart);
  }
  const result = options.rules ? attributiveCues(facts, claims) : claims;
  if (options.shareSources) shareSources(facts, result);
  return result;
}

/**
 * The first token of a cue whose word of meaning is at `head`, with the words that lead up to it:
 * auxiliaries, modals, "to", adverbs and determiners ("has said", "would prohibit", "to endorse", "also
 * told", "the idea"), within the sentence and not before `floor` (the end of the cue before).
 */
export function leadIn(t: TokenTable, head: number, floor: number): number {
  const first = Math.max(floor, t.sentenceStart[t.sentence[head] as number] as number);
  let start = head;
  while (start > first && head - start < 4 && leadsUp(t, start - 1)) start--;
  return start;
}

/** Join a cue of words that only lead up to a cue ("reportedly") to the cue right after it ("told"). */
function joinLeading(t: TokenTable, cues: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const cue of cues) {
    const last = out[out.length - 1];
    if (last && last[1] === cue[0] && allLeadUp(t, last[0], last[1])) last[1] = cue[1];
    else out.push(cue);
  }
  return out;
}

function allLeadUp(t: TokenTable, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!leadsUp(t, i)) return false;
  return true;
}

/** Whether token `i` is a word that leads up to a cue (see `leadIn`). */
export function leadsUp(t: TokenTable, i: number): boolean {
  const pos = t.tokens[i]?.pos;
  const lower = t.lower[i] as string;
  if (pos === 'POS') return false;
  return leadingVerbs.has(lower) || lower.startsWith("'") || lower.startsWith('’') || leadingTags.has(pos ?? '');
}

const leadingVerbs = new Set([...verbs, 'being', 'having']);
const leadingTags = new Set(['TO', 'MD', 'RB', 'DT', 'PDT']);

/** Auxiliaries and adverbs that never make a cue on their own ("has" in "X has pursued …"). */
const auxiliaries = new Set([...verbs, 'am', 'also', 'just', 'still']);

/** Whether cue tokens `start`..`end` are all auxiliaries or adverbs of `auxiliaries`. */
function onlyAuxiliaries(facts: DocumentFacts, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!auxiliaries.has(facts.table.lower[i] as string)) return false;
  return true;
}

/**
 * The end of the verb an auxiliary-only cue leaves out ("has" of "has detailed"), past adverbs and "not"
 * (`end` is the cue's end); -1 when no verb follows in the sentence, so that it is no cue.
 */
function verbAfter(facts: DocumentFacts, end: number): number {
  const t = facts.table;
  const last = t.sentenceStart[(t.sentence[end - 1] as number) + 1] as number;
  let i = end;
  while (i < last && (auxiliaries.has(t.lower[i] as string) || t.tokens[i]?.pos === 'RB')) i++;
  return i < last && t.tokens[i]?.pos?.startsWith('VB') ? i + 1 : -1;
}

/** Whether the sentence before token `j` ends in content, ignoring closing punctuation and quotation marks. */
function endsInContent(facts: DocumentFacts, tags: Uint8Array, j: number): boolean {
  const floor = Math.max(0, j - 4);
  for (let k = j - 1; k >= floor; k--) {
    if ((facts.table.shape[k] as number) < 5) return tags[k] === roleTags.content;
    if (tags[k] === roleTags.content) return true;
  }
  return false;
}

/** Tag the cues of every sentence; returns `[start, end)` token ranges. */
export function tagCues(
  facts: DocumentFacts,
  models: Pick<ClaimModels, 'cue' | 'candidates'>,
  bias: number,
  features: Int32Array,
  scores: Float32Array,
): [number, number][] {
  const t = facts.table;
  const { cue: model, candidates } = models;
  const cues: [number, number][] = [];
  const sentences = t.sentenceStart.length - 1;
  const scaledBias = bias / model.scale;
  for (let s = 0; s < sentences; s++) {
    const first = t.sentenceStart[s] as number;
    const last = t.sentenceStart[s + 1] as number;
    let prev: number = cueTags.outside;
    let prev2: number = cueTags.outside;
    let open = -1;
    let lastBegin = -1;
    for (let i = first; i < last; i++) {
      let tag: number = cueTags.outside;
      if (prev !== cueTags.outside || !candidates || candidates.has(t.lower[i] as string)) {
        const count = cueFeatures(facts, i, prev, prev2, lastBegin, features);
        scoreInto(model, features, count, scores);
        const begin = (scores[cueTags.begin] as number) + scaledBias;
        const outside = scores[cueTags.outside] as number;
        const inside = prev === cueTags.outside ? Number.NEGATIVE_INFINITY : (scores[cueTags.inside] as number);
        tag = begin > outside && begin >= inside ? cueTags.begin : inside > outside ? cueTags.inside : cueTags.outside;
      }
      if (tag !== cueTags.inside && open >= 0) {
        cues.push([open, i]);
        open = -1;
      }
      if (tag === cueTags.begin) {
        open = i;
        lastBegin = i;
      }
      prev2 = prev;
      prev = tag;
    }
    if (open >= 0) cues.push([open, last]);
  }
  return cues;
}

/**
 * The tokens the role tagger looks at for a cue: its sentence and up to three after, within its paragraph;
 * and the sentence before when the cue's sentence opens inside a quotation begun earlier
 * (`“A. B,” she said.`) or has little after the cue (`She said so.`).
 */
export function roleWindow(facts: DocumentFacts, start: number, end: number): [number, number] {
  const t = facts.table;
  const s = t.sentence[start] as number;
  const block = t.sentenceBlock[s] as number;
  const sentences = t.sentenceBlock.length;
  const sentenceStart = t.sentenceStart[s] as number;
  let first = s;
  if (s > 0 && t.sentenceBlock[s - 1] === block) {
    const quote = t.quote[sentenceStart] as number;
    const continued = quote !== 0 && t.quote[sentenceStart - 1] === quote;
    if (continued || (t.sentenceStart[s + 1] as number) - end <= 4) first = s - 1;
  }
  let last = t.sentence[Math.max(start, end - 1)] as number;
  const lastLimit = last + 3;
  while (last + 1 < sentences && last < lastLimit && t.sentenceBlock[last + 1] === block) last++;
  return [t.sentenceStart[first] as number, t.sentenceStart[last + 1] as number];
}

/**
 * Read a claim off role tags: the source is the longest run of source tags (the nearest on a tie), the
 * content runs from the first to the last content tag. Null when nothing is tagged content.
 */
export function readClaim(tags: Uint8Array, from: number, to: number, start: number, end: number): TokenClaim | null {
  let contentStart = -1;
  let contentEnd = -1;
  let sourceStart = -1;
  let sourceEnd = -1;
  let bestLength = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let j = from; j < to; j++) {
    const tag = tags[j];
    if (tag === roleTags.content) {
      if (contentStart < 0) contentStart = j;
      contentEnd = j + 1;
    } else if (tag === roleTags.source && (j === from || tags[j - 1] !== roleTags.source)) {
      let k = j;
      while (k < to && tags[k] === roleTags.source) k++;
      const length = k - j;
      const distance = k <= start ? start - k : j - end;
      if (length > bestLength || (length === bestLength && distance < bestDistance)) {
        bestLength = length;
        bestDistance = distance;
        sourceStart = j;
        sourceEnd = k;
      }
    }
  }
  if (contentStart < 0) return null;
  return { cueStart: start, cueEnd: end, sourceStart, sourceEnd, contentStart, contentEnd };
}

/**
 * When the role tagger finds no content, the rest of the cue's sentence is the content: after the cue
 * (skipping punctuation), or before it when the cue ends the sentence. Null when neither has a word.
 */
function fallbackClaim(facts: DocumentFacts, start: number, end: number): TokenClaim | null {
  const t = facts.table;
  const s = t.sentence[start] as number;
  const first = t.sentenceStart[s] as number;
  const last = t.sentenceStart[s + 1] as number;
  let from = end;
  while (from < last && (t.shape[from] as number) >= 6) from++;
  if (last - from >= 2)
    return { cueStart: start, cueEnd: end, sourceStart: -1, sourceEnd: -1, contentStart: from, contentEnd: last };
  let to = start;
  while (to > first && (t.shape[to - 1] as number) >= 6) to--;
  if (to - first >= 2)
    return { cueStart: start, cueEnd: end, sourceStart: -1, sourceEnd: -1, contentStart: first, contentEnd: to };
  return null;
}
