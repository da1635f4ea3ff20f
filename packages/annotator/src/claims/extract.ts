import { cueFeatures, cueSite, cueTags, type DocumentFacts, maxFeatures, roleFeatures, roleTags } from './features.js';
import { type LinearModel, predict } from './perceptron.js';

/** The two trained taggers. */
export interface ClaimModels {
  /** Tags tokens O / B / I of a cue. */
  cue: LinearModel;
  /** Given a cue, tags tokens O / source / content. */
  role: LinearModel;
}

/** An attribution found by the taggers, as token indices (end exclusive); source -1 when there is none. */
export interface TokenClaim {
  cueStart: number;
  cueEnd: number;
  sourceStart: number;
  sourceEnd: number;
  contentStart: number;
  contentEnd: number;
}

/** The tag the role tagger sees for tokens of the cue itself. */
export const cueMarker = 3;

/**
 * Find attributions: tag cues sentence by sentence, then for each cue tag its source and content in a
 * window of nearby sentences of the same paragraph, and read spans off the tags.
 */
export function extractTokenClaims(facts: DocumentFacts, models: ClaimModels): TokenClaim[] {
  const claims: TokenClaim[] = [];
  const features = new Int32Array(maxFeatures);
  const scores = new Float32Array(8);
  const tags = new Uint8Array(facts.table.length);
  for (const [start, end] of tagCues(facts, models.cue, features, scores)) {
    const [from, to] = roleWindow(facts, start, end);
    const site = cueSite(facts, start, end, from, to);
    let prev: number = roleTags.outside;
    for (let j = from; j < to; j++) {
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
    const claim = readClaim(tags, from, to, start, end);
    if (claim) claims.push(claim);
  }
  return claims;
}

/** Tag the cues of every sentence; returns `[start, end)` token ranges. */
export function tagCues(
  facts: DocumentFacts,
  model: LinearModel,
  features: Int32Array,
  scores: Float32Array,
): [number, number][] {
  const t = facts.table;
  const cues: [number, number][] = [];
  const allowed = new Uint8Array([1, 1, 0]);
  const sentences = t.sentenceStart.length - 1;
  for (let s = 0; s < sentences; s++) {
    const first = t.sentenceStart[s] as number;
    const last = t.sentenceStart[s + 1] as number;
    let prev: number = cueTags.outside;
    let prev2: number = cueTags.outside;
    let open = -1;
    for (let i = first; i < last; i++) {
      allowed[cueTags.inside] = prev === cueTags.outside ? 0 : 1;
      const count = cueFeatures(facts, i, prev, prev2, features);
      const tag = predict(model, features, count, scores, allowed);
      if (tag !== cueTags.inside && open >= 0) {
        cues.push([open, i]);
        open = -1;
      }
      if (tag === cueTags.begin) open = i;
      prev2 = prev;
      prev = tag;
    }
    if (open >= 0) cues.push([open, last]);
  }
  return cues;
}

/** The tokens the role tagger looks at for a cue: up to three sentences either side, within its paragraph. */
export function roleWindow(facts: DocumentFacts, start: number, end: number): [number, number] {
  const t = facts.table;
  const s = t.sentence[start] as number;
  const block = t.sentenceBlock[s] as number;
  const sentences = t.sentenceBlock.length;
  let first = s;
  while (first > 0 && first > s - 3 && t.sentenceBlock[first - 1] === block) first--;
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
