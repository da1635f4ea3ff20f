import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event, EventMention } from '../event.js';
import { partitionPoint } from '../span.js';
import { type EntityInfo, latestDay, type NameAt, nameLookup, type Placed, profileOf } from './compatible.js';
import { clusterDocuments, type DocumentClusterOptions, stopwords, termCounts } from './documents.js';
import { type GroupingCache, groupingInput } from './grouping-input.js';
import { labelOf, majority } from './label.js';
import { averageLinkage, Heap, Sums } from './linkage.js';
import {
  conflictScore,
  type EventModel,
  features,
  type Member,
  type PairContext,
  pairFeatures,
  probability,
  relationOf,
  ruledOut,
  scorerOf,
} from './model.js';
import { reasonOf } from './reason.js';
import type { Relation, WordNet } from './wordnet.js';

export interface ClusterOptions {
  /** Corpus entities, to compare places by where they are (geo). Default: the entities of the annotations. */
  entities?: readonly Entity[];
  /** How articles are grouped into sub-topics first. Defaults: see `clusterDocuments`. */
  documents?: DocumentClusterOptions;
  /**
   * The pairwise model that scores two mentions, and its threshold. Default: `lemmaModel`, which joins
   * mentions of one lemma (or one synset the annotator gave) and nothing else.
   */
  model?: EventModel;
  /** WordNet relations between lemmas, for mentions in different words ("murder" / "kill"). Default: none. */
  wordnet?: WordNet;
  /**
   * Words that frame the mention right after them as background ("previous", "earlier", "similar"): such a
   * mention names another happening than the story's. Default: none.
   */
  backgroundWords?: ReadonlySet<string>;
  /**
   * Groupings made before: a sub-topic whose mentions read the same as before takes its grouping from here
   * instead of scoring its pairs again, and each sub-topic grouped is stored. Default: none.
   */
  groupings?: GroupingCache;
}

/** The model without data: mentions of one lemma join, others do not. */
export const lemmaModel: EventModel = {
  features,
  weights: features.map((f) => (f === 'bias' ? -4 : f === 'sameLemma' || f === 'synonym' ? 8 : 0)),
  threshold: 0.5,
};

/** Mentions of one lemma a mention is scored against (the latest), so a story told by thousands of articles stays linear. */
const maxCompared = 48;

/** The mention type of reporting verbs and nouns ("said", "denial"): someone's words, not a happening. */
const statement = 'statement';

/**
 * Group event mentions across articles into events. Articles are first grouped into sub-topics (articles
 * that share rare words and names); within a sub-topic, a pairwise model scores mention pairs whose lemmas
 * are the same or related in WordNet (from the words, the participants, time, place, how close they are and
 * how alike their sentences and articles are), and average-link clustering joins groups of mentions while
 * their average score is at least the model's threshold. Each mention is scored against at most the latest
 * `maxCompared` mentions of each related lemma, so the work grows about linearly with the corpus.
 */
export function clusterEvents(
  articles: Article[],
  annotations: Map<string, DocumentAnnotation>,
  options: ClusterOptions = {},
): Event[] {
  const model = options.model ?? lemmaModel;
  const scorer = scorerOf(model);
  const x = new Float64Array(features.length);
  const events: Event[] = [];
  const { groupings } = options;
  forEachGroup(articles, annotations, options, model, (members, context) => {
    const input = groupings && members.length > 1 ? groupingInput(members, context, model) : undefined;
    let group = input === undefined ? undefined : groupings?.get(input);
    if (group?.length !== members.length) {
      const sums = new Sums(members.length);
      const heap = new Heap();
      candidatePairs(members, context.wordnet, (i, j, relation) => {
        pairFeatures(members[i] as Member, members[j] as Member, relation, context, x);
        const p = ruledOut(x) ? conflictScore : probability(scorer, x);
        sums.add(i, j, p);
        if (p >= model.threshold) heap.push(p, i, j, 0, 0);
      });
      group = averageLinkage(members.length, { sums, heap }, model.threshold);
      if (input !== undefined) groupings?.set(input, group);
    }
    const clusters = new Map<number, Member[]>();
    members.forEach((member, i) => {
      const root = group[i] as number;
      const cluster = clusters.get(root);
      if (cluster) cluster.push(member);
      else clusters.set(root, [member]);
    });
    for (const cluster of clusters.values()) events.push(toEvent(cluster, events.length + 1, context.entities));
  });
  return events;
}

/**
 * Call `visit` with each mention pair `clusterEvents` scores with the model (not those `ruledOut`) and the pair's features (in `features` order;
 * the array is reused between calls): what the model is trained on.
 */
export function eventPairs(
  articles: Article[],
  annotations: Map<string, DocumentAnnotation>,
  options: ClusterOptions,
  visit: (a: Placed, b: Placed, x: Float64Array) => void,
): void {
  const x = new Float64Array(features.length);
  forEachGroup(articles, annotations, options, options.model ?? lemmaModel, (members, context) => {
    candidatePairs(members, context.wordnet, (i, j, relation) => {
      const a = members[i] as Member;
      const b = members[j] as Member;
      pairFeatures(a, b, relation, context, x);
      if (!ruledOut(x)) visit(a.placed, b.placed, x);
    });
  });
}

/** What one article lends its mentions, read once. */
interface ArticleInfo {
  index: number;
  names: NameAt;
  latest: string | undefined;
  /** The year the article is about: its date's, else the year its text names most often. */
  year: number | undefined;
  /** The article's names, years and entity ids (see `termCounts`). */
  terms: Set<string>;
  /** Content words per sentence, read when first needed. */
  sentenceWords: Map<number, Set<string>>;
}

/**
 * Group the mentions by the sub-topic of their article and call `visit` with each group's members (read a
 * group at a time, so no profile outlives its group).
 */
function forEachGroup(
  articles: Article[],
  annotations: Map<string, DocumentAnnotation>,
  options: ClusterOptions,
  model: EventModel,
  visit: (members: Member[], context: PairContext) => void,
): void {
  const groups = clusterDocuments(articles, annotations, options.documents);
  const entities = entityInfo(annotations, options.entities ?? []);
  const context: PairContext = {
    entities,
    wordnet: options.wordnet,
    lemmas: model.lemmas ?? {},
    documentSimilarity: new Map(),
  };
  const backgroundWords = options.backgroundWords ?? new Set<string>();
  const infos = new Map<string, ArticleInfo>();
  const byGroup = new Map<number, Placed[]>();
  articles.forEach((article, index) => {
    const annotation = annotations.get(article.id);
    if (!annotation || annotation.events.length === 0) return;
    infos.set(article.id, {
      index,
      names: nameLookup(annotation),
      latest: latestDay(article, annotation),
      year: yearOf(article),
      terms: new Set(termCounts(article, annotation).keys()),
      sentenceWords: new Map(),
    });
    const group = groups.get(article.id) ?? -1 - index;
    const placed = byGroup.get(group) ?? [];
    if (placed.length === 0) byGroup.set(group, placed);
    for (const mention of annotation.events) placed.push({ article, mention });
  });
  for (const [group, placed] of byGroup) {
    byGroup.delete(group);
    const members = placed.map((p) => {
      const info = infos.get(p.article.id) as ArticleInfo;
      const annotation = annotations.get(p.article.id) as DocumentAnnotation;
      return memberOf(p, info, annotation, entities, backgroundWords);
    });
    // a happening framed as background ("the 2004 tsunami", "a similar quake") groups only with such mentions
    context.documentSimilarity.clear();
    const background = members.filter((m) => m.background);
    if (background.length === 0) visit(members, context);
    else {
      visit(
        members.filter((m) => !m.background),
        context,
      );
      visit(background, context);
    }
  }
}

function memberOf(
  placed: Placed,
  info: ArticleInfo,
  annotation: DocumentAnnotation,
  entities: ReadonlyMap<string, EntityInfo>,
  backgroundWords: ReadonlySet<string>,
): Member {
  const { article, mention } = placed;
  const sentences = annotation.sentences;
  const start = mention.trigger.start;
  const sentence = Math.max(0, partitionPoint(sentences.length, (i) => (sentences[i]?.start ?? 0) <= start) - 1);
  const from = sentences[sentence]?.start ?? 0;
  let words = info.sentenceWords.get(sentence);
  if (!words) {
    words = contentWords(article.text.slice(from, sentences[sentence]?.end ?? article.text.length));
    info.sentenceWords.set(sentence, words);
  }
  // the three words before the trigger, in its sentence: "the previous", "a similar", "the 2004"
  const before = article.text
    .slice(Math.max(from, start - 40), start)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  const lead = before ? before.slice(-3) : [];
  const written = lead.find((w) => /^(?:19|20)\d\d$/.test(w));
  const timeYear = /^(\d{4})/.exec(mention.arguments.timeValue ?? '')?.[1];
  const year = timeYear ? Number(timeYear) : written ? Number(written) : undefined;
  const background =
    lead.some((w) => backgroundWords.has(w)) || (year !== undefined && info.year !== undefined && year !== info.year);
  return {
    placed,
    profile: profileOf(article, info.names, mention, entities, info.latest),
    article: info.index,
    sentence,
    words,
    names: info.terms,
    year,
    background,
    statement: mention.type === statement,
  };
}

/**
 * Call `pair(i, j, relation)` once for each pair of members (i < j) whose lemmas are one or related in
 * WordNet, each member paired with at most the latest `maxCompared` members of each related lemma (words of
 * opposite sense, "enter" and "leave", are not paired: they name two happenings); and, with
 * relation `none`, each pair of unrelated lemmas whose mentions share an agent, patient or place (each member
 * with at most the latest `maxCompared` members of each of its participants).
 */
function candidatePairs(
  members: readonly Member[],
  wordnet: WordNet | undefined,
  pair: (i: number, j: number, relation: Relation) => void,
): void {
  const byLemma = new Map<string, number[]>();
  const byParticipant = new Map<string, number[]>();
  const related = new Map<string, { lemma: string; relation: Relation }[]>();
  const lemmas = new LemmaIndex(wordnet);
  const paired = new Set<number>();
  members.forEach((member, j) => {
    const mention = member.placed.mention;
    // mentions in words WordNet does not relate that share a participant or place ("checked into" and "entered" rehab)
    paired.clear();
    paired.add(j);
    for (const id of [member.profile.agent, member.profile.patient, member.profile.place]) {
      if (id === undefined) continue;
      const seen = byParticipant.get(id);
      if (!seen) {
        byParticipant.set(id, [j]);
        continue;
      }
      if (seen.at(-1) === j) continue;
      for (let k = Math.max(0, seen.length - maxCompared); k < seen.length; k++) {
        const i = seen[k] as number;
        if (paired.has(i)) continue;
        paired.add(i);
        if (relationOf((members[i] as Member).placed.mention, mention, wordnet) === 'none') pair(i, j, 'none');
      }
      seen.push(j);
    }
    let links = related.get(mention.lemma);
    if (!links) {
      links = [];
      related.set(mention.lemma, links);
      for (const other of lemmas.candidates(mention)) {
        const relation = relationOf(mention, other, wordnet);
        if (relation === 'none' || relation === 'opposite') continue;
        links.push({ lemma: other.lemma, relation });
        related.get(other.lemma)?.push({ lemma: mention.lemma, relation });
      }
      lemmas.add(mention);
    }
    for (const { lemma, relation } of links) {
      const seen = byLemma.get(lemma) as number[];
      for (let k = Math.max(0, seen.length - maxCompared); k < seen.length; k++) pair(seen[k] as number, j, relation);
    }
    const own = byLemma.get(mention.lemma);
    if (own) {
      for (let k = Math.max(0, own.length - maxCompared); k < own.length; k++) pair(own[k] as number, j, 'synonym');
      own.push(j);
    } else byLemma.set(mention.lemma, [j]);
  });
}

/**
 * The first mention of each lemma met so far, indexed by the lemma's WordNet synsets and hypernyms and by the
 * synset the annotator gave it, so that a new lemma is compared only with the lemmas it may relate to (those
 * sharing a synset, own, broader or linked), not with every one.
 */
class LemmaIndex {
  readonly #wordnet: WordNet | undefined;
  readonly #firsts: EventMention[] = [];
  readonly #bySense = new Map<number, number[]>();
  readonly #bySynset = new Map<string, number[]>();

  constructor(wordnet: WordNet | undefined) {
    this.#wordnet = wordnet;
  }

  /** The first mentions of the lemmas that may relate to `mention`'s, in the order the lemmas were met. */
  candidates(mention: EventMention): EventMention[] {
    const found = new Set<number>();
    const senses = this.#wordnet?.senses(mention.lemma);
    if (senses) {
      for (const ids of [senses.own, senses.broader, senses.linked]) {
        for (const id of ids) for (const k of this.#bySense.get(id) ?? []) found.add(k);
      }
    }
    if (mention.synset !== undefined) for (const k of this.#bySynset.get(mention.synset) ?? []) found.add(k);
    return [...found].sort((a, b) => a - b).map((k) => this.#firsts[k] as EventMention);
  }

  /** Index the first mention of a lemma not met before. */
  add(mention: EventMention): void {
    const k = this.#firsts.length;
    this.#firsts.push(mention);
    const senses = this.#wordnet?.senses(mention.lemma);
    if (senses) {
      for (const ids of [senses.own, senses.broader, senses.linked])
        for (const id of ids) listed(this.#bySense, id).push(k);
    }
    if (mention.synset !== undefined) listed(this.#bySynset, mention.synset).push(k);
  }
}

/** The list `map` holds under `key`, made empty when there is none. */
function listed<K>(map: Map<K, number[]>, key: K): number[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function toEvent(cluster: Member[], n: number, entities: ReadonlyMap<string, EntityInfo>): Event {
  const placed = cluster.map((m) => m.placed);
  const first = placed[0] as Placed;
  const claims = [...new Set(placed.flatMap(({ mention }) => mention.claims))];
  const agents = new Map(cluster.map((m) => [m.placed.mention, m.profile.agent]));
  const event: Event = {
    id: `V${n}`,
    label: labelOf(placed, (mention) => {
      const agent = agents.get(mention);
      return agent !== undefined && entities.get(agent)?.type === 'actor';
    }),
    type: majority(placed.map((p) => p.mention.type)) ?? first.mention.type,
    mentions: placed.map(({ article, mention }) => ({
      article: article.id,
      start: mention.trigger.start,
      end: mention.trigger.end,
      text: mention.trigger.text,
      mention: mention.id,
    })),
    claims,
  };
  const reason = reasonOf(cluster, entities);
  if (reason) event.reason = reason;
  return event;
}

/** What each entity id stands for, from the given corpus entities and the annotations' entities. */
function entityInfo(
  annotations: ReadonlyMap<string, DocumentAnnotation>,
  given: readonly Entity[],
): Map<string, EntityInfo> {
  const info = new Map<string, EntityInfo>();
  const add = (e: {
    id: string;
    name: string;
    type: EntityInfo['type'];
    kind: string;
    geo?: Entity['geo'];
    place?: string;
  }) => {
    const known = info.get(e.id);
    const entry: EntityInfo = { type: e.type, kind: e.kind, name: known?.name ?? e.name };
    const geo = e.geo ?? known?.geo;
    const place = e.place ?? known?.place;
    if (geo) entry.geo = geo;
    if (place) entry.place = place;
    info.set(e.id, entry);
  };
  for (const e of given) add(e);
  for (const annotation of annotations.values()) for (const e of annotation.entities) add(e);
  return info;
}

/** The year of an article's date, else the year its text names most often (none when it names none). */
function yearOf(article: Article): number | undefined {
  const dated = /^(\d{4})/.exec(article.date ?? '')?.[1];
  if (dated) return Number(dated);
  const years = article.text.match(/\b(?:19|20)\d\d\b/g);
  const most = years ? majority(years) : undefined;
  return most ? Number(most) : undefined;
}

/** Lower-case words of four letters or more that are not function words. */
function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) if (!stopwords.has(w)) words.add(w);
  return words;
}
