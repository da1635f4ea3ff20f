import type { Token } from '../text/tokenize.js';
import type { CueLexicon } from './cue-lexicon.js';
import { type ClaimModels, cueMarker, leadIn, leadsUp, roleWindow, tagCues } from './extract.js';
import { cueFeatures, cueSite, cueTags, documentFacts, maxFeatures, roleFeatures, roleTags } from './features.js';
import { PerceptronTrainer, predict } from './perceptron.js';
import { type GoldAttribution, overlapsAny } from './polnear.js';
import { type TokenTable, tokenTable } from './tokens.js';

/** A training document: its sentences and blocks as the pipeline splits them, and its gold attributions. */
export interface TrainingDocument {
  sentences: readonly { start: number; end: number; tokens: readonly Token[] }[];
  blocks: readonly { start: number; end: number }[];
  attributions: readonly GoldAttribution[];
}

export interface TrainOptions {
  /** Passes over the data. Default: 10. */
  epochs?: number;
  /** Bits of the hashed feature space. Default: 20. */
  bits?: number;
  /** Cue bias with which to collect the words that may begin a cue. Default: 8. */
  candidateBias?: number;
  /** Called after each epoch. Default: nothing. */
  log?: (message: string) => void;
}

/** Train the cue and role taggers with the averaged perceptron; deterministic for the same input. */
export function trainClaimModels(
  documents: readonly TrainingDocument[],
  lexicon: CueLexicon,
  options: Readonly<TrainOptions> = {},
): ClaimModels {
  const epochs = options.epochs ?? 10;
  const bits = options.bits ?? 20;
  const cue = new PerceptronTrainer(bits, 3);
  const role = new PerceptronTrainer(bits, 3);
  const prepared = documents.map((document) => prepare(document, lexicon));
  const features = new Int32Array(maxFeatures);
  const scores = new Float32Array(8);
  const order = prepared.map((_, i) => i);
  let seed = 42;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const k = seed % (i + 1);
      [order[i], order[k]] = [order[k] as number, order[i] as number];
    }
    let cueErrors = 0;
    let roleErrors = 0;
    let cueCount = 0;
    let roleCount = 0;
    for (const index of order) {
      const doc = prepared[index] as ReturnType<typeof prepare>;
      const { facts, cueGold, roles } = doc;
      const t = facts.table;
      for (let s = 0; s + 1 < t.sentenceStart.length; s++) {
        let prev = 0;
        let prev2 = 0;
        let lastBegin = -1;
        for (let i = t.sentenceStart[s] as number; i < (t.sentenceStart[s + 1] as number); i++) {
          const count = cueFeatures(facts, i, prev, prev2, lastBegin, features);
          const gold = cueGold[i] as number;
          const guess = predict(cue.model, features, count, scores);
          cue.update(features, count, gold, guess);
          if (gold !== guess) cueErrors++;
          cueCount++;
          prev2 = prev;
          prev = guess === cueTags.inside && prev === cueTags.outside ? cueTags.begin : guess;
          if (prev === cueTags.begin) lastBegin = i;
        }
      }
      for (const example of roles) {
        const [from, to] = roleWindow(facts, example.start, example.end);
        const site = cueSite(facts, example.start, example.end, from, to);
        let prev: number = roleTags.outside;
        for (let j = from; j < to; j++) {
          if (j >= example.start && j < example.end) {
            prev = cueMarker;
            continue;
          }
          const count = roleFeatures(facts, site, j, prev, features);
          const gold = example.labels[j - from] as number;
          const guess = predict(role.model, features, count, scores);
          role.update(features, count, gold, guess);
          if (gold !== guess) roleErrors++;
          roleCount++;
          prev = guess;
        }
      }
    }
    options.log?.(
      `epoch ${epoch}: cue token error ${(cueErrors / cueCount).toFixed(4)}, role token error ${(roleErrors / roleCount).toFixed(4)}`,
    );
  }
  const models: ClaimModels = { cue: cue.average(), role: role.average(), candidates: null };
  models.candidates = cueCandidates(prepared, models, lexicon, options.candidateBias ?? 8);
  return models;
}

/**
 * Words worth scoring as the start of a cue: the lexicon's, and those the cue tagger (with `bias`) starts a
 * cue with in the training data at least once in a hundred occurrences.
 */
function cueCandidates(
  prepared: readonly ReturnType<typeof prepare>[],
  models: ClaimModels,
  lexicon: CueLexicon,
  bias: number,
): Set<string> {
  const frequency = new Map<string, number>();
  const begins = new Map<string, number>();
  const features = new Int32Array(maxFeatures);
  const scores = new Float32Array(8);
  for (const { facts } of prepared) {
    for (const word of facts.table.lower) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const [start] of tagCues(facts, models, bias, features, scores)) {
      const word = facts.table.lower[start] as string;
      begins.set(word, (begins.get(word) ?? 0) + 1);
    }
  }
  const words = new Set<string>(lexicon.forms.keys());
  for (const [word, count] of begins) if (count * 100 >= (frequency.get(word) ?? 0)) words.add(word);
  return words;
}
/**
 * Whether a word opening a gold cue only leads up to its word of meaning (see `leadIn`), or names its
 * owner ("his", "’s"): the tagger learns to begin cues after such words.
 */
function leadingWord(table: TokenTable, i: number): boolean {
  const pos = table.tokens[i]?.pos;
  return leadsUp(table, i) || pos === 'PRP$' || pos === 'POS';
}

function prepare(document: TrainingDocument, lexicon: CueLexicon) {
  const table = tokenTable(document.sentences, document.blocks);
  const facts = documentFacts(table, lexicon);
  const n = table.length;
  const owner = new Int32Array(n).fill(-1);
  const cueGold = new Uint8Array(n);
  const roles: { start: number; end: number; labels: Uint8Array }[] = [];
  document.attributions.forEach((gold, a) => {
    let start = -1;
    let end = -1;
    for (let i = 0; i < n; i++) {
      const token = table.tokens[i] as Token;
      if (!overlapsAny(gold.cue, token.start, token.end)) continue;
      if (start < 0) start = i;
      end = i + 1;
    }
    if (start < 0) return;
    // The tagger learns to begin a cue at its word of meaning: "to endorse", "has said", "would
    // prohibit", "the idea" begin at "endorse", "said", "prohibit", "idea"; the words before it are
    // added back as at run time (`leadIn`), which the role tagger sees.
    while (start + 1 < end && leadingWord(table, start)) start++;
    for (let i = start; i < end; i++) {
      const token = table.tokens[i] as Token;
      if (!overlapsAny(gold.cue, token.start, token.end) || (owner[i] as number) >= 0) continue;
      cueGold[i] = i > start && owner[i - 1] === a ? cueTags.inside : cueTags.begin;
      owner[i] = a;
    }
    start = leadIn(table, start, 0);
    const [from, to] = roleWindow(facts, start, end);
    const labels = new Uint8Array(to - from);
    for (let j = from; j < to; j++) {
      const token = table.tokens[j] as Token;
      if (overlapsAny(gold.source, token.start, token.end)) labels[j - from] = roleTags.source;
      else if (overlapsAny(gold.content, token.start, token.end)) labels[j - from] = roleTags.content;
    }
    roles.push({ start, end, labels });
  });
  return { facts, cueGold, roles };
}
