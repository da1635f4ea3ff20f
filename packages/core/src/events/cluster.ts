import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event } from '../event.js';
import { agreement, conflicts, type EntityInfo, type Placed, type Profile, profileOf } from './compatible.js';
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
   * Whether mentions the annotator marked `generic` are held back like `weakLemmas`. A corpus for readers
   * passes true. Default: false (on ECB+, where "try" or "see" repeated across reports of one happening are
   * annotated as coreferent, it costs 0.006 CoNLL F1 on the dev topics and gains 0.006 on the train topics).
   */
  holdGeneric?: boolean;
  /**
   * Mention types that never group: each such mention is an event of its own. A corpus for readers passes
   * `statement` (what someone said is a claim, not a happening). Default: none (on ECB+, where reporting
   * verbs of one happening are annotated as coreferent, holding statements alone costs 0.01 CoNLL F1).
   */
  alone?: ReadonlySet<string>;
}

/** Members of a cluster a new mention is checked against, so a story told by thousands of articles stays linear. */
const maxCompared = 64;
/** Clusters of one block a mention is tried against (the newest), before it starts a cluster of its own. */
const maxClusters = 256;

/**
 * Group event mentions across articles into events. Articles are first grouped into sub-topics (articles
 * that share rare words and names); within a sub-topic, mentions group by lemma or synset when their
 * arguments agree: different dates, places, directions or participants keep two similar happenings apart.
 * Candidates are blocked by sub-topic and lemma, so the work grows about linearly with the corpus.
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
  const alone = options.alone ?? new Set<string>();
  const holdGeneric = options.holdGeneric ?? false;
  // Profiles are read a block at a time and events made as clusters close, so neither outlives its block.
  const memberOf = (placed: Placed): Member => ({
    placed,
    profile: profileOf(placed.article, annotations.get(placed.article.id), placed.mention, entities),
    weak: (holdGeneric && placed.mention.generic === true) || weakLemmas.has(placed.mention.lemma),
  });
  const events: Event[] = [];
  const blocks = new Map<string, Placed[]>();
  for (const article of articles) {
    const annotation = annotations.get(article.id);
    const group = groups.get(article.id) ?? -1;
    for (const mention of annotation?.events ?? []) {
      const placed: Placed = { article, mention };
      if (alone.has(mention.type)) {
        events.push(toEvent([memberOf(placed)], events.length + 1, entities));
        continue;
      }
      const key = `${group}\u0000${mention.synset ?? canonical.get(mention.lemma) ?? mention.lemma}`;
      const block = blocks.get(key);
      if (block) block.push(placed);
      else blocks.set(key, [placed]);
    }
  }
  for (const [key, block] of blocks) {
    blocks.delete(key);
    const local: Member[][] = [];
    for (const placed of block) {
      const member = memberOf(placed);
      // the cluster that shares the most arguments with the mention, among those none of whose members conflict
      let home: Member[] | undefined;
      let best = -1;
      // at most the `maxClusters` newest clusters, so a block of thousands of mentions stays linear
      for (let c = Math.max(0, local.length - maxClusters); c < local.length; c++) {
        const cluster = local[c] as Member[];
        let score = 0;
        let ok = true;
        for (let k = 0; k < cluster.length && k < maxCompared; k++) {
          const other = cluster[k] as Member;
          if (conflicts(member.profile, other.profile, entities, member.weak || other.weak)) {
            ok = false;
            break;
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
}

function toEvent(cluster: Member[], n: number, entities: ReadonlyMap<string, EntityInfo>): Event {
  const placed = cluster.map((m) => m.placed);
  const first = placed[0] as Placed;
  const claims: string[] = [];
  for (const { mention } of placed) for (const c of mention.claims) if (!claims.includes(c)) claims.push(c);
  return {
    id: `V${n}`,
    label: labelOf(placed, (mention) => {
      const member = cluster.find((m) => m.placed.mention === mention);
      const agent = member?.profile.agent;
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
    // a copy the size of its contents: the array pushed to keeps room for sixteen ids
    claims: claims.slice(),
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
