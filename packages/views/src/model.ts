import {
  type Corpus,
  type CorpusClaim,
  type DocumentAnnotation,
  type Entity,
  type Event,
  partitionPoint,
  type Stance,
} from '@claimlens/core';
import { storyModelVersion } from './version.js';

/**
 * What the story board, timeline and map draw: plain data made from a corpus, the same for the VS Code webviews
 * and the HTML report. Ids are the corpus's; offsets index the article's text as read. Claims are referred to by
 * their index in `claims`, and their passages by index in `passages`: the views need the passages only when a
 * claim is opened, so the hosts hand them over apart from the rest (see `page.ts`).
 */
export interface StoryModel {
  version: typeof storyModelVersion;
  /** Outlet names, most articles first. */
  outlets: string[];
  articles: StoryArticle[];
  /** The story board's rows: disputed events first, then those more outlets report. */
  events: StoryEvent[];
  claims: StoryClaim[];
  /** The sentences around claims, each once, for showing a claim's passage. */
  passages: StoryPassage[];
  disputes: StoryDispute[];
  /** Actors the events involve, for the filter: most events first. */
  actors: StoryActor[];
  /** Places with coordinates, most mentioned first. */
  places: StoryPlace[];
  /** Places that the positions of one place dispute put in different spots, drawn as linked marks. */
  placeLinks: { from: string; to: string; dispute: string }[];
}

export interface StoryArticle {
  id: string;
  outlet: string;
  title: string | null;
  /** `YYYY-MM-DD` when known. */
  date: string | null;
  /** Where the host opens the article (the editor's document URI); absent in the HTML report. */
  uri?: string;
}

export interface StoryClaim {
  article: string;
  /** Who is reported as saying it, or null for the outlet's own voice. */
  speaker: string | null;
  stance: Stance;
  /** What is said. */
  text: string;
  /** The content's offsets in the article. */
  start: number;
  end: number;
  /** The sentences that hold the claim: an index into `StoryModel.passages`. */
  passage: number;
  /** Numbers the claim gives for the happening ("at least 300"). */
  counts: string[];
  /** Times the claim gives for the happening, as written ("on Tuesday"). */
  times: string[];
  /** The happening's day or month the text gives (`YYYY-MM-DD`, `YYYY-MM`), when it can be placed in a year. */
  when: string | null;
  /** Whether a dispute lists this claim in one of its positions. */
  disputed: boolean;
}

/** Sentences of an article; `at` is their offset in it. */
export interface StoryPassage {
  text: string;
  at: number;
}

export interface StoryEvent {
  id: string;
  label: string;
  type: string;
  /** Claims about the event (indexes into `StoryModel.claims`), per outlet (outlets in `StoryModel.outlets` order). */
  cells: { outlet: string; claims: number[]; mentions: number }[];
  mentions: number;
  actors: string[];
  places: string[];
  disputes: string[];
}

export interface StoryDispute {
  id: string;
  event: string | null;
  what: string;
  facet: string;
  compatible: boolean;
  confidence: number;
  explanation: string;
  /** Each position's claims are indexes into `StoryModel.claims`. */
  positions: { value: string; claims: number[]; sources: { name: string; outlet: string }[] }[];
}

export interface StoryActor {
  id: string;
  name: string;
  kind: string;
}

export interface StoryPlace {
  id: string;
  name: string;
  /** `country`, `region`, `city`, `settlement` or `location`. */
  kind: string;
  lat: number;
  lon: number;
  /** Region and country, as the gazetteer names them. */
  where: string;
  mentions: number;
  /** Outlets that name the place, with how often, most first. */
  outlets: { outlet: string; mentions: number }[];
  /** The first mentions, each with its sentence. */
  samples: { article: string; outlet: string; start: number; end: number; passage: StoryPassage }[];
}

export interface StoryOptions {
  /** The outlet shown for an article. Default: its outlet, else its title, else its id. */
  outletOf?: (articleId: string) => string;
  /** Where the host opens an article; the HTML report has none. */
  uriOf?: (articleId: string) => string | undefined;
  /** Mentions kept per place for the map's hover. Default: 12. */
  samplesPerPlace?: number;
  /** Longest passage, in characters; longer ones are cut around the claim. Default: 600. */
  maxPassage?: number;
}

/** Make the story model of a corpus. */
export function storyModel(corpus: Corpus, options: StoryOptions = {}): StoryModel {
  const outletOf =
    options.outletOf ??
    ((id: string) => {
      const article = corpus.article(id);
      return article?.outlet ?? article?.title ?? id.replace(/\.[^.]+$/, '');
    });
  const maxPassage = options.maxPassage ?? 600;
  const articles: StoryArticle[] = corpus.articles.map((a) => {
    const uri = options.uriOf?.(a.id);
    return { id: a.id, outlet: outletOf(a.id), title: a.title, date: a.date, ...(uri ? { uri } : {}) };
  });
  const outletByArticle = new Map(articles.map((a) => [a.id, a.outlet]));
  const articleCount = new Map<string, number>();
  for (const a of articles) articleCount.set(a.outlet, (articleCount.get(a.outlet) ?? 0) + 1);
  const outlets = [...articleCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([o]) => o);

  const disputed = new Set(corpus.disputes.flatMap((d) => d.positions.flatMap((p) => p.claims)));
  const claims: StoryClaim[] = [];
  const claimIndex = new Map<string, number>();
  const passages = new Passages();
  const involved = new Map<string, { actors: Set<string>; places: Set<string> }>();
  for (const article of corpus.articles) {
    const annotation = corpus.annotations.get(article.id);
    if (!annotation) continue;
    const details = claimDetails(annotation, article.date);
    for (const claim of annotation.claims) {
      const placed = corpus.claim(claim.id);
      if (!placed) continue;
      const story = storyClaim(placed, article.text, annotation, corpus, maxPassage, passages);
      const found = details.get(claim.id);
      if (found) {
        story.counts = [...found.counts];
        story.times = [...found.times];
        story.when = found.when;
      }
      story.disputed = disputed.has(claim.id);
      claimIndex.set(claim.id, claims.length);
      claims.push(story);
      involved.set(claim.id, entitiesIn(placed, annotation, corpus));
    }
  }

  const disputesByEvent = new Map<string, string[]>();
  for (const d of corpus.disputes) {
    if (d.event === null) continue;
    const list = disputesByEvent.get(d.event);
    if (list) list.push(d.id);
    else disputesByEvent.set(d.event, [d.id]);
  }
  const actorEvents = new Map<string, number>();
  const events: StoryEvent[] = [];
  for (const event of corpus.events) {
    const row = storyEvent(event, outlets, outletByArticle, claims, claimIndex, involved, corpus, disputesByEvent);
    if (!row) continue;
    for (const id of row.actors) actorEvents.set(id, (actorEvents.get(id) ?? 0) + 1);
    events.push(row);
  }
  const reach = (e: StoryEvent) => e.cells.filter((c) => c.claims.length > 0 || c.mentions > 0).length;
  events.sort(
    (a, b) =>
      b.disputes.length - a.disputes.length ||
      reach(b) - reach(a) ||
      b.mentions - a.mentions ||
      a.label.localeCompare(b.label),
  );

  const actors: StoryActor[] = [...actorEvents]
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => corpus.entity(id))
    .filter((e): e is Entity => e !== undefined)
    .map((e) => ({ id: e.id, name: e.name, kind: e.kind }));

  const places = corpus.entities
    .filter((e) => e.type === 'place' && e.geo !== undefined && e.mentions.length > 0)
    .map((e) => storyPlace(e, corpus, outletByArticle, options.samplesPerPlace ?? 12, maxPassage))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));

  return {
    version: storyModelVersion,
    outlets,
    articles,
    events,
    claims,
    passages: passages.list,
    disputes: corpus.disputes.map((d) => ({
      id: d.id,
      event: d.event,
      what: d.what,
      facet: d.facet,
      compatible: d.compatible,
      confidence: d.confidence,
      explanation: d.explanation,
      positions: d.positions.map((p) => ({
        value: p.value,
        claims: p.claims.map((id) => claimIndex.get(id)).filter((i) => i !== undefined),
        sources: p.sources.map((s) => ({ name: s.name, outlet: s.outlet ?? outletOf(s.article) })),
      })),
    })),
    actors,
    places,
    placeLinks: placeLinks(corpus, involved, new Set(places.map((p) => p.id))),
  };
}

/** A claim as the views show it; counts, times and `disputed` are filled in by the caller. */
function storyClaim(
  claim: CorpusClaim,
  text: string,
  annotation: DocumentAnnotation,
  corpus: Corpus,
  maxPassage: number,
  passages: Passages,
): StoryClaim {
  const parts = [claim.source, claim.cue, claim.content].filter((s) => s !== null);
  const start = Math.min(...parts.map((s) => s.start));
  const end = Math.max(...parts.map((s) => s.end));
  const speaker = claim.speaker ? (corpus.entity(claim.speaker)?.name ?? null) : null;
  return {
    article: claim.article,
    speaker: speaker ?? claim.source?.text ?? null,
    stance: claim.stance,
    text: claim.content.text,
    start: claim.content.start,
    end: claim.content.end,
    passage: passages.add(passageOf(text, annotation, start, end, maxPassage)),
    counts: [],
    times: [],
    when: null,
    disputed: false,
  };
}

/** The sentences from the one holding `start` to the one holding `end`, cut to `max` characters around them. */
export function passageOf(
  text: string,
  annotation: Pick<DocumentAnnotation, 'sentences'>,
  start: number,
  end: number,
  max: number,
): { text: string; at: number } {
  const sentences = annotation.sentences;
  const first =
    sentences[
      Math.max(
        0,
        partitionPoint(sentences.length, (i) => (sentences[i]?.end ?? 0) <= start),
      )
    ];
  const lastIndex = partitionPoint(sentences.length, (i) => (sentences[i]?.start ?? 0) < end) - 1;
  const last = sentences[Math.max(0, lastIndex)];
  let from = Math.min(first?.start ?? start, start);
  let to = Math.max(last?.end ?? end, end);
  if (to - from > max) {
    const room = Math.max(0, max - (end - start));
    from = Math.max(from, start - Math.floor(room / 2));
    to = Math.min(to, Math.max(end, from + max));
  }
  return { text: text.slice(from, to), at: from };
}

/** Passages kept once each, by index: claims of one sentence share it. */
class Passages {
  readonly list: StoryPassage[] = [];
  readonly #index = new Map<string, number>();

  add(passage: StoryPassage): number {
    const key = `${passage.at}\u0000${passage.text}`;
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(passage);
      this.#index.set(key, index);
    }
    return index;
  }
}

/** Per claim id: the counts and times its event mentions give, and the day the happening can be placed on. */
function claimDetails(
  annotation: DocumentAnnotation,
  articleDate: string | null,
): Map<string, { counts: Set<string>; times: Set<string>; when: string | null }> {
  const found = new Map<string, { counts: Set<string>; times: Set<string>; when: string | null }>();
  for (const mention of annotation.events) {
    const args = mention.arguments;
    if (!args.quantity && !args.time) continue;
    const when = datedTime(args.timeValue, articleDate);
    for (const id of mention.claims) {
      let entry = found.get(id);
      if (!entry) {
        entry = { counts: new Set(), times: new Set(), when: null };
        found.set(id, entry);
      }
      if (args.quantity) entry.counts.add(args.quantity.text);
      if (args.time) entry.times.add(args.time.text);
      if (when && (entry.when === null || when < entry.when)) entry.when = when;
    }
  }
  return found;
}

/**
 * A normalised time as a calendar day or month, when the text and the article's date place it in a year:
 * `2014-08-04` and `2014-08` as they are, `*-08-04` in the article's year (the year before when that day would
 * come after the article). Weekdays and relative times are left out: they need a date to count from, and the
 * views show them as written.
 */
export function datedTime(value: string | undefined, articleDate: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(value)) return value;
  const m = /^\*-(\d{2}-\d{2})$/.exec(value);
  const year = articleDate ? /^(\d{4})-\d{2}-\d{2}$/.exec(articleDate)?.[1] : undefined;
  if (!m || !year) return null;
  const sameYear = `${year}-${m[1]}`;
  return articleDate && sameYear > articleDate ? `${Number(year) - 1}-${m[1]}` : sameYear;
}

/** The actors (speaker and named in the content) and places a claim involves. */
function entitiesIn(
  claim: CorpusClaim,
  annotation: DocumentAnnotation,
  corpus: Corpus,
): { actors: Set<string>; places: Set<string> } {
  const actors = new Set<string>();
  const places = new Set<string>();
  if (claim.speaker && corpus.entity(claim.speaker)?.type === 'actor') actors.add(claim.speaker);
  const mentions = annotation.mentions;
  const { start, end } = claim.content;
  for (let i = partitionPoint(mentions.length, (k) => (mentions[k]?.start ?? 0) < start); i < mentions.length; i++) {
    const m = mentions[i];
    if (!m || m.start >= end) break;
    if (m.end > end) continue;
    (m.type === 'place' ? places : actors).add(m.entity);
  }
  return { actors, places };
}

/** One row of the story board, or null for an event no claim is about and only one article names. */
function storyEvent(
  event: Event,
  outlets: readonly string[],
  outletByArticle: ReadonlyMap<string, string>,
  claims: readonly StoryClaim[],
  claimIndex: ReadonlyMap<string, number>,
  involved: ReadonlyMap<string, { actors: Set<string>; places: Set<string> }>,
  corpus: Corpus,
  disputesByEvent: ReadonlyMap<string, string[]>,
): StoryEvent | null {
  const articles = new Set(event.mentions.map((m) => m.article));
  if (event.claims.length === 0 && articles.size < 2) return null;
  const byOutlet = new Map<string, { claims: number[]; mentions: number }>();
  const cell = (outlet: string) => {
    let found = byOutlet.get(outlet);
    if (!found) {
      found = { claims: [], mentions: 0 };
      byOutlet.set(outlet, found);
    }
    return found;
  };
  for (const m of event.mentions) cell(outletByArticle.get(m.article) ?? m.article).mentions += 1;
  const actors = new Set<string>();
  const places = new Set<string>();
  for (const id of event.claims) {
    const index = claimIndex.get(id);
    const claim = index === undefined ? undefined : claims[index];
    if (index === undefined || !claim) continue;
    cell(outletByArticle.get(claim.article) ?? claim.article).claims.push(index);
    const found = involved.get(id);
    for (const a of found?.actors ?? []) actors.add(a);
    for (const p of found?.places ?? []) places.add(p);
  }
  for (const m of event.mentions) {
    const mention = corpus.annotations.get(m.article)?.events.find((v) => v.id === m.mention);
    const args = mention?.arguments;
    for (const id of [args?.agentEntity, args?.patientEntity]) if (id) actors.add(id);
    if (args?.placeEntity) places.add(args.placeEntity);
  }
  return {
    id: event.id,
    label: event.label,
    type: event.type,
    cells: outlets.filter((o) => byOutlet.has(o)).map((o) => ({ outlet: o, ...(byOutlet.get(o) ?? cell(o)) })),
    mentions: event.mentions.length,
    actors: [...actors].filter((id) => corpus.entity(id)?.type === 'actor'),
    places: [...places].filter((id) => corpus.entity(id)?.type === 'place'),
    disputes: disputesByEvent.get(event.id) ?? [],
  };
}

function storyPlace(
  entity: Entity,
  corpus: Corpus,
  outletByArticle: ReadonlyMap<string, string>,
  samples: number,
  maxPassage: number,
): StoryPlace {
  const geo = entity.geo as NonNullable<Entity['geo']>;
  const counts = new Map<string, number>();
  for (const m of entity.mentions) {
    const outlet = outletByArticle.get(m.article) ?? m.article;
    counts.set(outlet, (counts.get(outlet) ?? 0) + 1);
  }
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    lat: geo.lat,
    lon: geo.lon,
    where: [geo.region, geo.countryName].filter((x) => x && x !== entity.name).join(', '),
    mentions: entity.mentions.length,
    outlets: [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([outlet, mentions]) => ({ outlet, mentions })),
    samples: spreadByOutlet(entity.mentions, (m) => outletByArticle.get(m.article) ?? m.article, samples).map((m) => {
      const article = corpus.article(m.article);
      const annotation = corpus.annotations.get(m.article);
      return {
        article: m.article,
        outlet: outletByArticle.get(m.article) ?? m.article,
        start: m.start,
        end: m.end,
        passage:
          article && annotation
            ? passageOf(article.text, annotation, m.start, m.end, maxPassage)
            : { text: m.text, at: m.start },
      };
    }),
  };
}

/** Up to `count` items, taking the first of each outlet in turn, so that every outlet that names a place shows. */
function spreadByOutlet<T>(items: readonly T[], outletOf: (item: T) => string, count: number): T[] {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const outlet = outletOf(item);
    const queue = queues.get(outlet);
    if (queue) queue.push(item);
    else queues.set(outlet, [item]);
  }
  const picked: T[] = [];
  for (let round = 0; picked.length < count && picked.length < items.length; round++) {
    for (const queue of queues.values()) {
      const item = queue[round];
      if (item !== undefined && picked.length < count) picked.push(item);
    }
  }
  return picked;
}

/**
 * For each dispute about where something happened: the places the claims of one position name, linked to
 * those of each other position.
 */
function placeLinks(
  corpus: Corpus,
  involved: ReadonlyMap<string, { places: Set<string> }>,
  mapped: ReadonlySet<string>,
): StoryModel['placeLinks'] {
  const links: StoryModel['placeLinks'] = [];
  const seen = new Set<string>();
  for (const d of corpus.disputes) {
    if (d.facet !== 'place') continue;
    const sides = d.positions.map((p) => {
      const ids = new Set<string>();
      for (const c of p.claims) for (const id of involved.get(c)?.places ?? []) if (mapped.has(id)) ids.add(id);
      return ids;
    });
    for (let i = 0; i < sides.length; i++) {
      for (let j = i + 1; j < sides.length; j++) {
        for (const from of sides[i] ?? []) {
          for (const to of sides[j] ?? []) {
            const key = [from, to].sort().join('\u0000');
            if (from === to || seen.has(key)) continue;
            seen.add(key);
            links.push({ from, to, dispute: d.id });
          }
        }
      }
    }
  }
  return links;
}
