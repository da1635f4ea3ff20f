import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event, EventMention } from '../event.js';
import { conflicts, type Placed } from './compatible.js';
import { clusterDocuments, type DocumentClusterOptions } from './documents.js';

export interface ClusterOptions {
  /** Corpus entities, to compare places by where they are (geo) and not only by id. Default: none. */
  entities?: readonly Entity[];
  /** How articles are grouped into sub-topics first. Defaults: see `clusterDocuments`. */
  documents?: DocumentClusterOptions;
  /**
   * Lemma pairs that name the same kind of happening ("kill"/"murder"), as `[a, b]` or `[a, b, rate]`.
   * Default: none (mentions group by lemma only).
   */
  synonyms?: readonly (readonly [string, string, ...unknown[]])[];
  /**
   * Lemmas whose same-lemma mentions in one sub-topic rarely name one happening ("say", "tell"): those
   * group only across articles and when they share a participant. Default: none (on ECB+ dev, holding
   * back `statement` mentions this way cost more than it gained).
   */
  weakLemmas?: ReadonlySet<string>;
}

const maxCompared = 64;

/**
 * Group event mentions across articles into events. Articles are first grouped into sub-topics (articles
 * that share rare words, names and events); within a sub-topic, mentions group by lemma or synonym when
 * their arguments agree: different dates, places or participants keep two similar happenings apart.
 * Candidates are blocked by sub-topic and lemma, so the work grows about linearly with the corpus.
 */
export function clusterEvents(
  articles: Article[],
  annotations: Map<string, DocumentAnnotation>,
  options: ClusterOptions = {},
): Event[] {
  const groups = clusterDocuments(articles, annotations, options.documents);
  const canonical = synonymClasses(options.synonyms ?? []);
  const entities = new Map((options.entities ?? []).map((e) => [e.id, e]));
  const weakLemmas = options.weakLemmas ?? new Set<string>();
  const blocks = new Map<string, Placed[]>();
  for (const article of articles) {
    const group = groups.get(article.id) ?? -1;
    for (const mention of annotations.get(article.id)?.events ?? []) {
      const key = `${group}\u0000${mention.synset ?? canonical.get(mention.lemma) ?? mention.lemma}`;
      const block = blocks.get(key);
      if (block) block.push({ article, mention });
      else blocks.set(key, [{ article, mention }]);
    }
  }
  const events: Event[] = [];
  for (const block of blocks.values()) {
    const clusters: Placed[][] = [];
    for (const placed of block) {
      const weak = weakLemmas.has(placed.mention.lemma);
      let home: Placed[] | undefined;
      for (const cluster of clusters) {
        // compare with at most `maxCompared` members, so a story told by thousands of articles stays linear
        let conflict = false;
        for (let k = 0; k < cluster.length && k < maxCompared && !conflict; k++) {
          conflict = conflicts(placed, cluster[k] as Placed, entities, weak);
        }
        if (conflict) continue;
        home = cluster;
        break;
      }
      if (home) home.push(placed);
      else clusters.push([placed]);
    }
    for (const cluster of clusters) events.push(toEvent(cluster, events.length + 1));
  }
  return events;
}

function toEvent(cluster: Placed[], n: number): Event {
  const first = cluster[0] as Placed;
  const claims: string[] = [];
  for (const { mention } of cluster) for (const c of mention.claims) if (!claims.includes(c)) claims.push(c);
  return {
    id: `V${n}`,
    label: label(cluster),
    type: majority(cluster.map((p) => p.mention.type)) ?? first.mention.type,
    mentions: cluster.map(({ article, mention }) => ({ article: article.id, ...mention.trigger, mention: mention.id })),
    claims,
  };
}

/** "crossing into Ukraine (April 16)": the common lemma with the arguments most mentions agree on. */
function label(cluster: Placed[]): string {
  const lemma = majority(cluster.map((p) => p.mention.lemma)) ?? '';
  const pick = (get: (m: EventMention) => string | undefined) =>
    majority(cluster.map((p) => get(p.mention)).filter((x): x is string => !!x));
  const agent = pick((m) => m.arguments.agent?.text);
  const destination = pick((m) => m.arguments.destination?.text);
  const place = pick((m) => m.arguments.place?.text);
  const time = pick((m) => m.arguments.time?.text);
  let text = agent ? `${agent} ${lemma}` : lemma;
  if (destination) text += ` into ${destination}`;
  else if (place) text += ` in ${place}`;
  if (time) text += ` (${time})`;
  return text;
}

function majority(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
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
