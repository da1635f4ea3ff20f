import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event } from '../event.js';
import {
  agreement,
  conflicts,
  type EntityInfo,
  latestDay,
  type NameAt,
  nameLookup,
  type Placed,
  type Profile,
  profileOf,
  sameStatement,
} from './compatible.js';
import { clusterDocuments, type DocumentClusterOptions } from './documents.js';
import { labelOf, majority } from './label.js';

export interface ClusterOptions {
  /** Corpus entities, to compare places by where they are (geo). Default: the entities of the annotations. */
  entities?: readonly Entity[];
  /** How articles are grouped into sub-topics first. Defaults: see `clusterDocuments`. */
  documents?: DocumentClusterOptions;
  /**
   * Lemma pairs that name the same kind of happening ("kill"/"murder"), as `[a, b]` or `[a, b, rate]`.
   * Default: none (mentions group by lemma, or by the synset the annotator gave them).
   */
  synonyms?: readonly (readonly [string, string, ...unknown[]])[];
  /**
   * Lemmas too generic to tell a happening by ("use", "take"): their mentions join only another article's
   * mention that shares a participant. Default: none.
   */
  weakLemmas?: ReadonlySet<string>;
  /**
   * Whether mentions the annotator marked `generic` ("take", "use", "see") are held back like `weakLemmas`.
   * Default: true (without it, light verbs of unrelated sentences make events such as "taking" across a
   * story's articles; on ECB+ holding them gains 0.006 CoNLL F1 on the train topics and costs 0.006 on the
   * dev topics, where "try" or "see" repeated across reports of one happening are annotated as coreferent).
   */
  holdGeneric?: boolean;
}

/** Members of a cluster a new mention is checked against, so a story told by thousands of articles stays linear. */
const maxCompared = 64;
/** Clusters of one block a mention is tried against (the newest), before it starts a cluster of its own. */
const maxClusters = 256;

/** The mention type of reporting verbs and nouns ("said", "denial"): someone's words, not a happening. */
const statement = 'statement';

/**
 * Group event mentions across articles into events. Articles are first grouped into sub-topics (articles
 * that share rare words and names); within a sub-topic, mentions group by lemma or synset when their
 * arguments agree: different dates, places, directions or participants keep two similar happenings apart.
 * A mention still joins a cluster of three or more when at most a third of its members conflict with it
 * (one misread date or participant does not split an event that the other members agree on).
 * Statements group only with statements of the same speaker (one statement reported by several outlets),
 * so unrelated "said" never make one event. Candidates are blocked by sub-topic and lemma, so the work
 * grows about linearly with the corpus.
 */
export function clusterEvents(
  articles: Article[],
  annotations: Map<string, DocumentAnnotation>,
  options: ClusterOptions = {},
): Event[] {
  const groups = clusterDocuments(articles, annotations, options.documents);
  const canonical = synonymClasses(options.synonyms ?? []);
  const entities = entityInfo(annotations, options.entities ?? []);
  const weakLemmas = options.weakLemmas ?? new Set<string>();
  const holdGeneric = options.holdGeneric ?? true;
  // Profiles are read a block at a time and events made as clusters close, so neither outlives its block.
  const lookups = new Map<string, { names: NameAt; latest: string | undefined }>();
  const memberOf = (placed: Placed): Member => {
    const { names, latest } = lookups.get(placed.article.id) as { names: NameAt; latest: string | undefined };
    const mention = placed.mention;
    return {
      placed,
      profile: profileOf(placed.article, names, mention, entities, latest),
      weak: (holdGeneric && mention.generic === true) || weakLemmas.has(mention.lemma),
      statement: mention.type === statement,
    };
  };
  const events: Event[] = [];
  const blocks = new Map<string, Placed[]>();
  for (const article of articles) {
    const annotation = annotations.get(article.id);
    const group = groups.get(article.id) ?? -1;
    lookups.set(article.id, { names: nameLookup(annotation), latest: latestDay(article, annotation) });
    for (const mention of annotation?.events ?? []) {
      const key = `${group}\u0000${mention.synset ?? canonical.get(mention.lemma) ?? mention.lemma}`;
      const block = blocks.get(key);
      const placed: Placed = { article, mention };
      if (block) block.push(placed);
      else blocks.set(key, [placed]);
    }
  }
  for (const [key, block] of blocks) {
    blocks.delete(key);
    const local: Member[][] = [];
    for (const placed of block) {
      const member = memberOf(placed);
      // the cluster that shares the most arguments with the mention, among those where no more than a third of
      // the members compared conflict with it (none, in a cluster of one or two)
      let home: Member[] | undefined;
      let best = -1;
      // at most the `maxClusters` newest clusters, so a block of thousands of mentions stays linear
      for (let c = Math.max(0, local.length - maxClusters); c < local.length; c++) {
        const cluster = local[c] as Member[];
        let score = 0;
        let ok = true;
        let bad = 0;
        const compared = Math.min(cluster.length, maxCompared);
        for (let k = 0; k < compared; k++) {
          const other = cluster[k] as Member;
          if (
            member.statement !== other.statement ||
            (member.statement && !sameStatement(member.profile, other.profile))
          ) {
            ok = false;
            break;
          }
          if (conflicts(member.profile, other.profile, entities, member.weak || other.weak)) {
            // a few members that conflict are likely misread arguments; more than a third outvote the rest
            bad++;
            if (compared < 3 || 3 * bad > compared) {
              ok = false;
              break;
            }
            continue;
          }
          score += agreement(member.profile, other.profile);
        }
        if (ok && score > best) {
          home = cluster;
          best = score;
        }
      }
      if (home) home.push(member);
      else local.push([member]);
    }
    for (const cluster of local) events.push(toEvent(cluster, events.length + 1, entities));
  }
  return events;
}

interface Member {
  placed: Placed;
  profile: Profile;
  weak: boolean;
  /** Whether the mention is someone's words: it groups only with the same speaker's. */
  statement: boolean;
}

function toEvent(cluster: Member[], n: number, entities: ReadonlyMap<string, EntityInfo>): Event {
  const placed = cluster.map((m) => m.placed);
  const first = placed[0] as Placed;
  const claims = [...new Set(placed.flatMap(({ mention }) => mention.claims))];
  const agents = new Map(cluster.map((m) => [m.placed.mention, m.profile.agent]));
  return {
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
}

/** What each entity id stands for, from the given corpus entities and the annotations' entities. */
function entityInfo(
  annotations: ReadonlyMap<string, DocumentAnnotation>,
  given: readonly Entity[],
): Map<string, EntityInfo> {
  const info = new Map<string, EntityInfo>();
  const add = (e: { id: string; type: EntityInfo['type']; kind: string; geo?: Entity['geo']; place?: string }) => {
    const known = info.get(e.id);
    const entry: EntityInfo = { type: e.type, kind: e.kind };
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

/** Union synonym pairs into classes; each lemma maps to its class's first member. */
function synonymClasses(pairs: readonly (readonly [string, string, ...unknown[]])[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const result = new Map<string, string>();
  for (const x of parent.keys()) result.set(x, find(x));
  return result;
}
