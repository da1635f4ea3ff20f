import type { EventMention } from '../event.js';
import { whenConflicts } from '../time/when.js';
import { differs, type EntityInfo, opposite, type Placed, type Profile, sameStatement } from './compatible.js';
import type { Relation, WordNet } from './wordnet.js';

/**
 * A pairwise model of "these two mentions name the same happening": a linear score over `features` plus boosted
 * trees over the same features (which weigh conjunctions the linear score cannot), turned into a probability by
 * the logistic function; trained on ECB+ train topics by `scripts/train-events.mjs` of the annotator.
 * `threshold` is the least average probability at which average-link clustering joins two groups of mentions.
 */
export interface EventModel {
  /** Names of the weights, in `features` order (a model whose names differ from `features` is refused). */
  features: readonly string[];
  weights: readonly number[];
  /**
   * Trees of depth two added to the linear score, each as 10 numbers: the feature index and split of the root,
   * of its left child and of its right child (a value at most the split goes left), then the four leaf values
   * from left to right. Default: none.
   */
  trees?: readonly (readonly number[])[];
  threshold: number;
  /**
   * Per lemma, the share of its mention pairs in one story's articles that name one happening, in the
   * training data ("say" rarely, "earthquake" nearly always). Lemmas not listed get no such evidence.
   */
  lemmas?: Readonly<Record<string, number>>;
}

/** The features of a mention pair, in order. The first is always 1 (the bias). */
export const features = [
  'bias',
  'sameLemma',
  'synonym',
  'hypernym',
  'linked',
  'sibling',
  'sameArticle',
  'nearSentence',
  'bothVerbal',
  'sameType',
  'bothStatements',
  'oneStatement',
  'sameSpeaker',
  'sameAgent',
  'otherAgent',
  'samePatient',
  'otherPatient',
  'samePlace',
  'otherPlace',
  'sameTime',
  'otherTime',
  'otherDirection',
  'generic',
  'genericAlone',
  'oneBackground',
  'otherYear',
  'sentenceSimilarity',
  'documentSimilarity',
  'sameLemmaDocumentSimilarity',
  'sameLemmaSameArticle',
  'relatedSharedParticipant',
  'knownLemma',
  'lemmaCoreference',
] as const;

/** The index of each feature in `features`. */
const at = Object.fromEntries(features.map((name, i) => [name, i])) as Record<(typeof features)[number], number>;

/** A mention as the model sees it, read once per mention. */
export interface Member {
  placed: Placed;
  profile: Profile;
  /** Index of the mention's article among the articles clustered. */
  article: number;
  /** Index of the mention's sentence in its article. */
  sentence: number;
  /** Lower-case content words of the sentence. */
  words: ReadonlySet<string>;
  /** The article's names, years and entity ids (what tells two stories apart). */
  names: ReadonlySet<string>;
  /** The year the mention is placed in ("the 2004 tsunami", a time of 2004), when the text gives one. */
  year: number | undefined;
  /** Framed as background: a framing word before it ("the previous …"), or a year other than its article's. */
  background: boolean;
  /** Whether the mention is someone's words ("said"). */
  statement: boolean;
}

/** What computing features needs beyond the two members. */
export interface PairContext {
  entities: ReadonlyMap<string, EntityInfo>;
  wordnet: WordNet | undefined;
  /** Per lemma, how often its mentions corefer (`EventModel.lemmas`). */
  lemmas: Readonly<Record<string, number>>;
  /** Per pair of articles (`articlePair`), the jaccard of their names, filled as pairs are scored. */
  documentSimilarity: Map<number, number>;
}

/** The WordNet relation of two mentions' lemmas (`synonym` for one lemma or synset). */
export function relationOf(a: EventMention, b: EventMention, wordnet: WordNet | undefined): Relation {
  if (a.lemma === b.lemma || (a.synset !== undefined && a.synset === b.synset)) return 'synonym';
  return wordnet ? wordnet.relation(a.lemma, b.lemma) : 'none';
}

/**
 * Write the features of a pair into `out` (length `features.length`); of a pair `ruledOut`, only the features that
 * rule it out (the others are 0).
 */
export function pairFeatures(a: Member, b: Member, relation: Relation, context: PairContext, out: Float64Array): void {
  const ma = a.placed.mention;
  const mb = b.placed.mention;
  const pa = a.profile;
  const pb = b.profile;
  const { entities } = context;
  const sameLemma = ma.lemma === mb.lemma ? 1 : 0;
  const sameArticle = a.article === b.article ? 1 : 0;
  const sameAgent = pa.agent !== undefined && pa.agent === pb.agent ? 1 : 0;
  const samePatient = pa.patient !== undefined && pa.patient === pb.patient ? 1 : 0;
  const generic = ma.generic === true || mb.generic === true ? 1 : 0;
  const timed = pa.when && pb.when && pa.when.kind !== 'window' && pb.when.kind !== 'window';
  const otherTime = whenConflicts(pa.when, pb.when) ? 1 : 0;
  // first the features that rule a pair out: such a pair is scored `conflictScore` whatever the others say, so
  // they are left 0
  out.fill(0);
  out[at.bothStatements] = a.statement && b.statement ? 1 : 0;
  out[at.oneStatement] = a.statement !== b.statement ? 1 : 0;
  out[at.sameSpeaker] = a.statement && b.statement && sameStatement(pa, pb) ? 1 : 0;
  out[at.otherPlace] = differs(pa.place, pb.place, entities) ? 1 : 0;
  out[at.otherTime] = otherTime;
  out[at.otherDirection] = opposite(pa, pb) ? 1 : 0;
  out[at.genericAlone] = generic && !sameAgent && !samePatient ? 1 : 0;
  if (ruledOut(out)) return;
  const documentSimilarity = sameArticle ? 1 : namesSimilarity(a, b, context.documentSimilarity);
  const related = !sameLemma && (relation === 'synonym' || relation === 'hypernym' || relation === 'linked') ? 1 : 0;
  out[at.bias] = 1;
  out[at.sameLemma] = sameLemma;
  out[at.synonym] = !sameLemma && relation === 'synonym' ? 1 : 0;
  out[at.hypernym] = relation === 'hypernym' ? 1 : 0;
  out[at.linked] = relation === 'linked' ? 1 : 0;
  out[at.sibling] = relation === 'sibling' ? 1 : 0;
  out[at.sameArticle] = sameArticle;
  out[at.nearSentence] = sameArticle && Math.abs(a.sentence - b.sentence) <= 1 ? 1 : 0;
  out[at.bothVerbal] = ma.verbal === true && mb.verbal === true ? 1 : 0;
  out[at.sameType] = ma.type === mb.type ? 1 : 0;
  out[at.sameAgent] = sameAgent;
  out[at.otherAgent] = differs(pa.agent, pb.agent, entities) ? 1 : 0;
  out[at.samePatient] = samePatient;
  out[at.otherPatient] = differs(pa.patient, pb.patient, entities) ? 1 : 0;
  out[at.samePlace] = pa.place !== undefined && pa.place === pb.place ? 1 : 0;
  out[at.sameTime] = timed && !otherTime ? 1 : 0;
  out[at.generic] = generic;
  out[at.oneBackground] = a.background !== b.background ? 1 : 0;
  out[at.otherYear] = a.year !== undefined && b.year !== undefined && a.year !== b.year ? 1 : 0;
  out[at.sentenceSimilarity] = jaccard(a.words, b.words);
  out[at.documentSimilarity] = documentSimilarity;
  out[at.sameLemmaDocumentSimilarity] = sameLemma * documentSimilarity;
  out[at.sameLemmaSameArticle] = sameLemma * sameArticle;
  out[at.relatedSharedParticipant] = related && (sameAgent || samePatient) ? 1 : 0;
  const rate = sameLemma ? context.lemmas[ma.lemma] : undefined;
  out[at.knownLemma] = rate === undefined ? 0 : 1;
  out[at.lemmaCoreference] = rate ?? 0;
}

/**
 * Whether a pair cannot name one happening, whatever the words say: another time, a place apart, the opposite
 * way; or someone's words and a happening; or two statements that are not one speaker's in two articles
 * (a "said" event joining every quote would hide what the claims are about); or a generic word ("use",
 * "take") sharing no participant with the other mention. Such pairs score `conflictScore` and are not
 * trained on.
 */
export function ruledOut(x: Float64Array): boolean {
  if (x[at.otherTime] || x[at.otherPlace] || x[at.otherDirection] || x[at.oneStatement] || x[at.genericAlone]) {
    return true;
  }
  return x[at.bothStatements] === 1 && x[at.sameSpeaker] === 0;
}

/**
 * What a ruled-out pair adds to the sum of scores between two groups: as much against the merge as a sure
 * pair adds for it, so a happening of another day or place stays out of an event that undated reports would
 * bridge ("crossed" in September beside two undated "crossed" and one of 16 April). Other values measured:
 * see data/README.md of the annotator.
 */
export const conflictScore = -1;

/** A model ready to score pairs: its weights and its trees, one after another, as typed arrays. */
export interface Scorer {
  weights: Float64Array;
  trees: Float64Array;
}

/** Numbers per tree in `EventModel.trees`. */
const treeSize = 10;

/** The model's probability that a pair with these features names one happening. */
export function probability(scorer: Scorer, x: Float64Array): number {
  const { weights, trees } = scorer;
  let z = 0;
  for (let i = 0; i < weights.length; i++) z += (weights[i] as number) * (x[i] as number);
  for (let t = 0; t < trees.length; t += treeSize) {
    const right = (x[trees[t] as number] as number) > (trees[t + 1] as number) ? 1 : 0;
    const child = t + 2 + 2 * right;
    const leaf = (x[trees[child] as number] as number) > (trees[child + 1] as number) ? 1 : 0;
    z += trees[t + 6 + 2 * right + leaf] as number;
  }
  return 1 / (1 + Math.exp(-z));
}

/** A model's scorer; throws when the model was built for other features or a tree is not 10 numbers over them. */
export function scorerOf(model: EventModel): Scorer {
  if (model.features.length !== features.length || model.features.some((f, i) => f !== features[i])) {
    throw new Error(
      `Expected an event model over the features ${features.join(', ')}, not ${model.features.join(', ')}`,
    );
  }
  const trees = model.trees ?? [];
  const feature = (f: number | undefined) =>
    Number.isInteger(f) && (f as number) >= 0 && (f as number) < features.length;
  for (const tree of trees) {
    if (tree.length !== treeSize || !feature(tree[0]) || !feature(tree[2]) || !feature(tree[4])) {
      throw new Error(
        `Expected an event model tree of ${treeSize} numbers over feature indexes, not ${JSON.stringify(tree)}`,
      );
    }
  }
  return { weights: Float64Array.from(model.weights), trees: Float64Array.from(trees.flat()) };
}

/** The jaccard of two members' article names, computed once per pair of articles. */
function namesSimilarity(a: Member, b: Member, known: Map<number, number>): number {
  const key = a.article < b.article ? a.article * articleLimit + b.article : b.article * articleLimit + a.article;
  let similarity = known.get(key);
  if (similarity === undefined) {
    similarity = jaccard(a.names, b.names);
    known.set(key, similarity);
  }
  return similarity;
}

/** More articles than `clusterEvents` is ever given, so that two article indexes make one safe integer key. */
const articleLimit = 2 ** 26;

/** Share of the smaller set's items in both (0 when either is empty). */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
