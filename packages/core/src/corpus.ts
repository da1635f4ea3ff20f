import type { Article } from './article.js';
import type { Claim, CorpusClaim } from './claim.js';
import { type CompareLexicon, compareClaims } from './compare/index.js';
import type { Agreement, Contradiction } from './contradiction.js';
import type { Dispute } from './dispute.js';
import type { AnnotatedArticle, DocumentAnnotation } from './document.js';
import type { Entity } from './entity.js';
import type { Event, EventMention } from './event.js';
import { type ClusterOptions, clusterEvents } from './events/cluster.js';
import type { GroupingCache } from './events/grouping-input.js';
import type { Message } from './message.js';
import type { CorpusConfig } from './read/config.js';
import { resolveEntities } from './resolve/entities.js';

/** How another source's claim relates to a given claim. */
export interface OtherSource {
  claim: CorpusClaim;
  relation: 'agree' | 'contradict' | 'unrelated';
  contradiction?: Contradiction;
}

/**
 * A corpus: articles, and the entities, claims, events, agreements and contradictions across them.
 * Ids of entities, claims and events are unique in the corpus.
 */
export class Corpus {
  readonly articles: Article[];
  readonly entities: Entity[];
  readonly claims: CorpusClaim[];
  readonly events: Event[];
  /** Each disputed point of an event once, with all its positions and sources. */
  readonly disputes: Dispute[];
  /** The disputes as pairs of claims (the version-1 form). */
  readonly contradictions: Contradiction[];
  readonly agreements: Agreement[];
  readonly messages: Message[];
  /** Per article: the annotation, with entity, claim and event ids made corpus-wide. */
  readonly annotations: Map<string, DocumentAnnotation>;

  readonly #articles = new Map<string, Article>();
  readonly #entities = new Map<string, Entity>();
  readonly #claims = new Map<string, CorpusClaim>();
  readonly #events = new Map<string, Event>();
  /** Built on first use (the editor's hovers), so a script that never asks pays nothing for them. */
  #eventsByClaim: Map<string, Event[]> | null = null;
  #findingsByClaim: Map<string, (Contradiction | Agreement)[]> | null = null;
  #disputesByClaim: Map<string, Dispute[]> | null = null;
  #eventByMention: Map<string, Event> | null = null;

  constructor(parts: {
    articles: Article[];
    annotations: Map<string, DocumentAnnotation>;
    entities: Entity[];
    claims: CorpusClaim[];
    events: Event[];
    disputes?: Dispute[];
    contradictions: Contradiction[];
    agreements: Agreement[];
    messages: Message[];
  }) {
    this.articles = parts.articles;
    this.annotations = parts.annotations;
    this.entities = parts.entities;
    this.claims = parts.claims;
    this.events = parts.events;
    this.disputes = parts.disputes ?? [];
    this.contradictions = parts.contradictions;
    this.agreements = parts.agreements;
    this.messages = parts.messages;
    for (const a of this.articles) this.#articles.set(a.id, a);
    for (const e of this.entities) this.#entities.set(e.id, e);
    for (const c of this.claims) this.#claims.set(c.id, c);
    for (const v of this.events) this.#events.set(v.id, v);
  }

  article(id: string): Article | undefined {
    return this.#articles.get(id);
  }

  entity(id: string): Entity | undefined {
    return this.#entities.get(id);
  }

  claim(id: string): CorpusClaim | undefined {
    return this.#claims.get(id);
  }

  event(id: string): Event | undefined {
    return this.#events.get(id);
  }

  /** Claims whose speaker is the entity, whose content mentions it, or that belong to the event. */
  claimsAbout(target: Entity | Event | string): CorpusClaim[] {
    const id = typeof target === 'string' ? target : target.id;
    const event = this.event(id);
    if (event) {
      const ids = new Set(event.claims);
      return this.claims.filter((c) => ids.has(c.id));
    }
    const entity = this.entity(id);
    if (!entity) return [];
    return this.claims.filter(
      (c) =>
        c.speaker === id ||
        entity.mentions.some((m) => m.article === c.article && m.start >= c.content.start && m.end <= c.content.end),
    );
  }

  /** The events a claim belongs to. */
  eventsOf(claim: CorpusClaim | string): Event[] {
    const id = typeof claim === 'string' ? claim : claim.id;
    this.#eventsByClaim ??= byClaim(this.events);
    return [...(this.#eventsByClaim.get(id) ?? [])];
  }

  /** The event that holds an event mention (by the mention's id), or undefined when none does. */
  eventOfMention(mention: EventMention | string): Event | undefined {
    const id = typeof mention === 'string' ? mention : mention.id;
    if (!this.#eventByMention) {
      this.#eventByMention = new Map();
      for (const event of this.events)
        for (const m of event.mentions)
          if (!this.#eventByMention.has(m.mention)) this.#eventByMention.set(m.mention, event);
    }
    return this.#eventByMention.get(id);
  }

  /** The disputes in which a claim takes a position, in the corpus's order. */
  disputesOf(claim: Claim | string): Dispute[] {
    const id = typeof claim === 'string' ? claim : claim.id;
    this.#disputesByClaim ??= byClaim(
      this.disputes.map((dispute) => ({ dispute, claims: [...new Set(dispute.positions.flatMap((p) => p.claims))] })),
      (item) => item.dispute,
    );
    return [...(this.#disputesByClaim.get(id) ?? [])];
  }

  /** Who said a claim: its speaker's name, else the words naming its source; null when no one is named. */
  speakerName(claim: Claim): string | null {
    return (claim.speaker ? this.entity(claim.speaker)?.name : undefined) ?? claim.source?.text ?? null;
  }

  /** Claims in other articles about the same events as `claim`, each marked agree / contradict / unrelated. */
  otherSources(claim: CorpusClaim | string): OtherSource[] {
    const self = typeof claim === 'string' ? this.claim(claim) : claim;
    if (!self) return [];
    this.#findingsByClaim ??= byClaim<Contradiction | Agreement>([...this.contradictions, ...this.agreements]);
    const findings = this.#findingsByClaim.get(self.id) ?? [];
    const related = new Set(this.eventsOf(self).flatMap((e) => e.claims));
    const result: OtherSource[] = [];
    for (const id of related) {
      const other = this.claim(id);
      if (!other || other.article === self.article) continue;
      const about = findings.filter((f) => f.claims.includes(id));
      const contradiction = about.find((f): f is Contradiction => 'kind' in f);
      if (contradiction) result.push({ claim: other, relation: 'contradict', contradiction });
      else result.push({ claim: other, relation: about.length > 0 ? 'agree' : 'unrelated' });
    }
    return result;
  }
}

/** Each claim id with the items (events, findings, disputes) that list it, in their order. */
function byClaim<T extends { claims: readonly string[] }, R = T>(
  items: readonly T[],
  value: (item: T) => R = (item) => item as unknown as R,
): Map<string, R[]> {
  const index = new Map<string, R[]>();
  for (const item of items) {
    for (const id of item.claims) {
      const list = index.get(id);
      if (list) list.push(value(item));
      else index.set(id, [value(item)]);
    }
  }
  return index;
}

export interface BuildOptions {
  /**
   * The caller hands the items over: once entities are resolved (the corpus keeps its own copies of the
   * annotations) `items` is emptied, so the annotator's output can be freed while events and comparisons are
   * built. Default: false.
   */
  consume?: boolean;
  /**
   * What event grouping knows: the pairwise model, WordNet relations, background framing words (the
   * annotator's `defaultEventGrouping()`). Default: mentions group by lemma alone (see `clusterEvents`).
   */
  events?: Pick<ClusterOptions, 'model' | 'wordnet' | 'backgroundWords'>;
  /**
   * Event groupings kept between builds (see `GroupingCache`; the annotator's `groupingCache`), so that a build
   * after a few files changed groups again only their sub-topics. It must go with one `events` knowledge.
   * Default: none, and every sub-topic is grouped.
   */
  groupings?: GroupingCache;
  /**
   * The words claims are compared on: motive, outcome and certainty cues, negators, light acts (the annotator's
   * `defaultCompareLexicon()`). Default: none, and claims are compared without cues.
   */
  compare?: CompareLexicon;
}

/** Build a corpus from annotated articles: resolve entities, group events, compare claims. */
export function buildCorpus(items: AnnotatedArticle[], config: CorpusConfig = {}, options: BuildOptions = {}): Corpus {
  const articles = items.map((i) => i.article);
  const resolved = resolveEntities(items, config);
  if (options.consume) items.length = 0;
  const claims: CorpusClaim[] = [];
  for (const article of articles) {
    const annotation = resolved.annotations.get(article.id);
    if (!annotation) continue;
    for (const claim of annotation.claims) claims.push(placeClaim(claim, article.id));
  }
  const events = clusterEvents(articles, resolved.annotations, {
    ...options.events,
    entities: resolved.entities,
    ...(options.groupings ? { groupings: options.groupings } : {}),
  });
  const { disputes, contradictions, agreements } = compareClaims({
    articles,
    annotations: resolved.annotations,
    entities: resolved.entities,
    claims,
    events,
    ...(options.compare ? { lexicon: options.compare } : {}),
    ...(options.events?.wordnet ? { wordnet: options.events.wordnet } : {}),
  });
  return new Corpus({
    articles,
    annotations: resolved.annotations,
    entities: resolved.entities,
    claims,
    events,
    disputes,
    contradictions,
    agreements,
    messages: [...articles.flatMap((a) => a.messages), ...resolved.messages],
  });
}

/**
 * A claim placed in its article. Written out field by field: a spread copy with the added field gives every
 * claim a hidden class of its own in V8 (a fifth of the heap's bookkeeping at 10,000 articles).
 */
function placeClaim(claim: Claim, article: string): CorpusClaim {
  return {
    id: claim.id,
    source: claim.source,
    cue: claim.cue,
    content: claim.content,
    speaker: claim.speaker,
    stance: claim.stance,
    negated: claim.negated,
    ...(claim.origin ? { origin: claim.origin } : {}),
    article,
  };
}
