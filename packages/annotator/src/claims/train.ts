import type { Token } from '../text/tokenize.js';
import { type ClaimModels, cueMarker, roleWindow, tagCues } from './extract.js';
import { cueFeatures, cueSite, cueTags, documentFacts, maxFeatures, roleFeatures, roleTags } from './features.js';
import type { CueLexicon } from './lexicon.js';
import { PerceptronTrainer, predict } from './perceptron.js';
import { type GoldAttribution, overlapsAny } from './polnear.js';
import { type CueCount, type CueRateCodes, cueRateCodes, rateCode } from './rates.js';
import { hashString, tokenTable } from './tokens.js';

/** A training document: its sentences and blocks as the pipeline splits them, and its gold attributions. */
export interface TrainingDocument {
  sentences: readonly { start: number; end: number; tokens: readonly Token[] }[];
  blocks: readonly { start: number; end: number }[];
  attributions: readonly GoldAttribution[];
  /**
   * The article the document annotates (several annotators' files of one article share it). Cue rates a
   * document's features see are counted on the other articles' folds. Default: the document alone.
   */
  article?: string;
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
  const folds = documents.map((document, index) => Math.abs(hashString(document.article ?? `#${index}`, 0)) % rateFolds);
  const rates = countCues(prepared, folds);
  const codes = prepared.map((doc, index) => heldOutCodes(doc, rates, folds[index] as number));
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
      const docRates = codes[index] as CueRateCodes;
      const t = facts.table;
      for (let s = 0; s + 1 < t.sentenceStart.length; s++) {
        let prev = 0;
        let prev2 = 0;
        for (let i = t.sentenceStart[s] as number; i < (t.sentenceStart[s + 1] as number); i++) {
          const count = cueFeatures(facts, docRates, i, prev, prev2, features);
          const gold = cueGold[i] as number;
          const guess = predict(cue.model, features, count, scores);
          cue.update(features, count, gold, guess);
          if (gold !== guess) cueErrors++;
          cueCount++;
          prev2 = prev;
          prev = guess === cueTags.inside && prev === cueTags.outside ? cueTags.begin : guess;
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
  const total = new Map<string, CueCount>();
  for (const [word, perFold] of rates) {
    const sum = perFold.reduce(addCounts, { count: 0, begin: 0, inside: 0 });
    if (sum.begin + sum.inside > 0) total.set(word, sum);
  }
  const models: ClaimModels = { cue: cue.average(), role: role.average(), candidates: null, rates: total };
  models.candidates = cueCandidates(prepared, codes, models, lexicon, options.candidateBias ?? 8);
  return models;
}

/** Folds of articles for counting cue rates held out. */
const rateFolds = 5;

/** Per word, its occurrences and cue beginnings and continuations in each fold of articles. */
function countCues(prepared: readonly ReturnType<typeof prepare>[], folds: readonly number[]): Map<string, CueCount[]> {
  const rates = new Map<string, CueCount[]>();
  prepared.forEach(({ facts, cueGold }, index) => {
    const fold = folds[index] as number;
    facts.table.lower.forEach((word, i) => {
      let perFold = rates.get(word);
      if (!perFold) {
        perFold = Array.from({ length: rateFolds }, () => ({ count: 0, begin: 0, inside: 0 }));
        rates.set(word, perFold);
      }
      const counts = perFold[fold] as CueCount;
      counts.count++;
      if (cueGold[i] === cueTags.begin) counts.begin++;
      else if (cueGold[i] === cueTags.inside) counts.inside++;
    });
  });
  return rates;
}

/**
 * The rate codes of a document's words counted on the folds other than its own (`fold`), so that the
 * tagger learns how far rates carry to words it has not seen in cues, as at run time. Words never in a
 * cue there get 0, as words missing from the shipped rates do.
 */
function heldOutCodes(doc: ReturnType<typeof prepare>, rates: Map<string, CueCount[]>, fold: number): CueRateCodes {
  const t = doc.facts.table;
  const codes = cueRateCodes(t, null);
  for (let i = 0; i < t.length; i++) {
    let count = 0;
    let begin = 0;
    let inside = 0;
    (rates.get(t.lower[i] as string) as CueCount[]).forEach((c, k) => {
      if (k === fold) return;
      count += c.count;
      begin += c.begin;
      inside += c.inside;
    });
    if (begin + inside === 0) continue;
    codes.begin[i] = rateCode(begin, count);
    codes.inside[i] = rateCode(inside, count);
  }
  return codes;
}

function addCounts(a: CueCount, b: CueCount): CueCount {
  return { count: a.count + b.count, begin: a.begin + b.begin, inside: a.inside + b.inside };
}

/**
 * Words worth scoring as the start of a cue: the lexicon's, and those the cue tagger (with `bias`) starts a
 * cue with in the training data at least once in a hundred occurrences.
 */
function cueCandidates(
  prepared: readonly ReturnType<typeof prepare>[],
  codes: readonly CueRateCodes[],
  models: ClaimModels,
  lexicon: CueLexicon,
  bias: number,
): Set<string> {
  const frequency = new Map<string, number>();
  const begins = new Map<string, number>();
  const features = new Int32Array(maxFeatures);
  const scores = new Float32Array(8);
  prepared.forEach(({ facts }, index) => {
    for (const word of facts.table.lower) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const [start] of tagCues(facts, codes[index] as CueRateCodes, models, bias, features, scores)) {
      const word = facts.table.lower[start] as string;
      begins.set(word, (begins.get(word) ?? 0) + 1);
    }
  });
  const words = new Set<string>(lexicon.forms.keys());
  for (const [word, count] of begins) if (count * 100 >= (frequency.get(word) ?? 0)) words.add(word);
  return words;
}
const auxiliaries = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'having']);
const leadingTags = new Set(['TO', 'DT', 'PDT', 'MD', 'PRP$', 'RB', 'POS']);

/** Whether a word opening a gold cue only leads up to it: an auxiliary, modal, "to", determiner or adverb. */
function leadingWord(token: Token): boolean {
  const lower = token.text.toLowerCase().replace('’', "'");
  if (auxiliaries.has(lower) || lower === 'did' || lower === 'does' || lower === 'do' || lower.startsWith("'")) return true;
  return token.pos !== undefined && leadingTags.has(token.pos);
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
    // The tagger learns to begin a cue at its first word of meaning: "to endorse", "has said", "would
    // prohibit", "the idea" begin at "endorse", "said", "prohibit", "idea" (a cue is found by overlap).
    while (start >= 0 && start + 1 < end && leadingWord(table.tokens[start] as Token)) start++;
    for (let i = start; i >= 0 && i < end; i++) {
      const token = table.tokens[i] as Token;
      if (!overlapsAny(gold.cue, token.start, token.end) || (owner[i] as number) >= 0) continue;
      cueGold[i] = i > start && owner[i - 1] === a ? cueTags.inside : cueTags.begin;
      owner[i] = a;
    }
    if (start < 0) return;
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
