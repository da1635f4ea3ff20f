import type { Article } from '../article.js';
import type { CorpusClaim } from '../claim.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity, Mention } from '../entity.js';
import type { EventMention } from '../event.js';
import { partitionPoint, type Span } from '../span.js';
import { type FoundClock, type FoundTime, findClocks, findTimes } from '../time/find.js';
import { isExplicitDay, type When, whenOf } from '../time/when.js';
import { wordSet } from '../words/words.js';
import { type Bearing, findBearings } from './bearing.js';
import { type CompareLexicon, type CueList, emptyCompareLexicon } from './lexicon.js';
import { parseQuantities, type Quantity, singular } from './quantity.js';

/** What a claim says, in the terms claims are compared on. Built once per claim. */
export interface ClaimView {
  claim: CorpusClaim;
  article: Article;
  /** Index of the first claim of this claim's voice (itself when it is the first). */
  voice: number;
  speaker: string | null;
  /** Speaker name, or the outlet for claims in the article's own voice. */
  speakerName: string;
  /** Outlet name, or the article id when the outlet is not known. */
  outlet: string;
  /** 1 asserted, -1 denied or negated, 0 neither (a question or a condition). */
  polarity: 1 | -1 | 0;
  /** 0 hedged ("unconfirmed"), 0.5 distanced ("claimed"), 1 stated, 2 confirmed. */
  certainty: number;
  motive: Cue | null;
  outcome: Cue | null;
  quantities: Quantity[];
  /** Content words, lower-case and roughly stemmed. */
  words: Set<string>;
  /** Entities the claim is about or comes from, with the countries they stand for. */
  anchors: ReadonlySet<string>;
  /** The anchors that are more specific than a country or region: people, organisations, towns. */
  specific: ReadonlySet<string>;
  /** Publication time in ms, when the article has a date. */
  time: number | null;
  /** The dates, weekdays and relative days written in the content ("April 16", "on Friday"), offsets in it. */
  written: FoundTime[];
  /** The first clock time written in the content ("about 11am IST"). */
  clock: FoundClock | null;
  /** The first place the content gives relative to another ("150 nautical miles west of Aden"). */
  bearing: Bearing | null;
  /** The text that decides whether two claims are copies of each other: the claim's sentence(s). */
  sentence: string;
}

/** A claim seen through one event: the arguments of its mention of that event. */
export interface EventView {
  base: ClaimView;
  mention: EventMention | null;
  /**
   * 1 the claim tells the happening as done, -1 denied or negated, 0 neither. A negation inside the content
   * counts only when it stands just before this event's trigger ("had not crossed"), not anywhere in the claim.
   */
  polarity: 1 | -1 | 0;
  lemma: string;
  agent: Side | null;
  patient: Side | null;
  origin: Place | null;
  destination: Place | null;
  place: Place | null;
  quantity: Quantity | null;
  /** The act is named too generally to tell one happening from another by the word ("make", "statement"). */
  light: boolean;
  /**
   * How this act ended, from outcome words next to its trigger ("foiled a hijack attempt", "the attack was
   * repulsed"), else from the trigger itself when it names an outcome ("captured", "turned down"); not from
   * outcome words elsewhere in the claim.
   */
  outcome: Cue | null;
  /**
   * When the claim puts the happening: the time of its mention of the event, else the date written in its
   * content, read against the article's date; only a day, a day of a month or a weekday.
   */
  when: When | undefined;
  /** The day of `when`, as days since 1970, when it can be placed. */
  day: number | null;
  /** The clock time the claim gives for the act, when one stands near its trigger. */
  clock: FoundClock | null;
  /** The short paraphrase used in explanations, made when first needed. */
  paraphrase?: string;
}

export interface Cue {
  kind: string;
  cue: string;
  /** The kind that cannot hold with this one ("failure" for "success"), when the lexicon pairs it. */
  opposite: string | null;
  /**
   * For an act's outcome: the cue bears on the act's own word, just before it ("an unsuccessful attempt", "foiled
   * the raid") or just after it, past an auxiliary ("the raid was repelled", "the bid failed").
   */
  adjacent?: boolean;
}

/** Who or which country an actor stands for. */
export interface Side {
  key: string;
  name: string;
  /**
   * What kind of doer the named entity is: a `person`, a `body` (a country, government, organisation or group),
   * or a `place` that is no country (a mountain, a town: where something happened, seldom who did it).
   */
  doer: 'person' | 'body' | 'place';
}

export interface Place {
  key: string;
  name: string;
  country: string | null;
  countryName: string | null;
  region: string | null;
}

/** Lookups shared by all views of one corpus. */
export class ViewContext {
  readonly #entities = new Map<string, Entity>();
  readonly #mentions = new Map<string, Mention[]>();
  readonly #annotations: Map<string, DocumentAnnotation>;
  readonly #demonyms = new Map<string, string>();
  readonly lexicon: CompareLexicon;

  constructor(
    entities: readonly Entity[],
    annotations: Map<string, DocumentAnnotation>,
    lexicon: CompareLexicon = emptyCompareLexicon,
  ) {
    this.#annotations = annotations;
    this.lexicon = lexicon;
    for (const e of entities) this.#entities.set(e.id, e);
    for (const [article, annotation] of annotations) {
      const list = annotation.mentions;
      const sorted = list.every((m, i) => i === 0 || (list[i - 1] as Mention).start <= m.start);
      this.#mentions.set(article, sorted ? list : [...list].sort((a, b) => a.start - b.start));
    }
    // Demonyms as the corpus links them: the first word of a group tied to a place ("Ukrainian soldiers").
    for (const e of entities) {
      const word = /^\p{Lu}\p{L}+(?=\s)/u.exec(e.name)?.[0];
      if (e.type === 'actor' && e.kind === 'group' && e.place && word && !this.#demonyms.has(word))
        this.#demonyms.set(word, e.place);
    }
  }

  entity(id: string | null | undefined): Entity | undefined {
    return id ? this.#entities.get(id) : undefined;
  }

  /**
   * An event mention of an article, by id. No index is kept: the annotator numbers an article's mentions in
   * order ("v12", or "article:v12" once corpus-wide, is the twelfth), so that place is looked at first, and the list searched only otherwise.
   */
  eventMention(article: string, id: string): EventMention | undefined {
    const events = this.#annotations.get(article)?.events;
    if (!events) return undefined;
    const at = events[Number(id.slice(id.lastIndexOf(':') + 2)) - 1];
    return at?.id === id ? at : events.find((m) => m.id === id);
  }

  /** Entity mentions of an article that lie inside `span`. */
  mentionsIn(article: string, span: { start: number; end: number }): Mention[] {
    const list = this.#mentions.get(article) ?? [];
    const found: Mention[] = [];
    for (let i = partitionPoint(list.length, (k) => (list[k]?.start ?? 0) < span.start); i < list.length; i++) {
      const m = list[i];
      if (!m || m.start >= span.end) break;
      if (m.end <= span.end) found.push(m);
    }
    return found;
  }

  /** The country (or, failing that, the entity) an actor stands for. */
  side(id: string | null | undefined): Side | null {
    const entity = this.entity(id);
    if (!entity) return null;
    const place = this.entity(entity.place) ?? entity;
    const country = place.geo?.country ?? entity.geo?.country;
    const doer =
      entity.kind === 'person' ? 'person' : entity.type === 'place' && entity.kind !== 'country' ? 'place' : 'body';
    if (country) return { key: `country:${country}`, name: place.geo?.countryName ?? place.name, doer };
    return { key: `entity:${place.id}`, name: place.name, doer };
  }

  /** Where a place entity is. */
  place(id: string | null | undefined): Place | null {
    const entity = this.entity(id);
    if (entity?.type !== 'place') return null;
    const geo = entity.geo;
    const country = geo?.country ?? null;
    const region = entity.kind === 'country' ? null : (geo?.region ?? (entity.kind === 'region' ? entity.name : null));
    return { key: entity.id, name: entity.name, country, countryName: geo?.countryName ?? null, region };
  }

  /** The entity an argument names: the given id, else the most telling mention inside the span. */
  argumentEntity(article: string, span: Span | undefined, id: string | undefined, type?: 'place'): string | null {
    // Argument ids that are not corpus entities (still local to the document) fall back to the span's mentions.
    const given = this.entity(id);
    if (id && given && (!type || given.type === type)) return id;
    if (!span) return null;
    const inside = this.mentionsIn(article, span).filter((m) => !type || m.type === type);
    const ranked = inside.find((m) => this.entity(m.entity)?.place) ?? inside[inside.length - 1];
    return ranked?.entity ?? null;
  }

  /**
   * The country a demonym names among the words before a head noun, in its noun phrase ("one Ukrainian armored
   * vehicle": Ukraine), when the corpus ties that demonym to a place.
   */
  sideOfModifier(text: string, span: Span | undefined): Side | null {
    if (!span) return null;
    const before = text.slice(Math.max(0, span.start - 40), span.end);
    const phrase = before.split(/[,;:.!?"“”()\n]|\b(?:and|or|but|that|which|who|said|says)\b/).pop() ?? '';
    for (const word of phrase.match(/\p{Lu}\p{L}+/gu) ?? []) {
      const place = this.#demonyms.get(word);
      if (place) return this.side(place);
    }
    return null;
  }

  /**
   * The place an actor inside `span` stands for, or a demonym the corpus ties to a place ("into Ukrainian
   * territory": Ukraine), when there is one.
   */
  placeOfActor(article: string, span: Span | undefined): Place | null {
    if (!span) return null;
    for (const m of this.mentionsIn(article, span)) {
      const place = this.place(this.entity(m.entity)?.place);
      if (place) return place;
    }
    for (const word of span.text.match(/\p{Lu}\p{L}+/gu) ?? []) {
      const place = this.place(this.#demonyms.get(word));
      if (place) return place;
    }
    return null;
  }

  annotation(article: string): DocumentAnnotation | undefined {
    return this.#annotations.get(article);
  }
}

/** Build the event-independent view of a claim. */
export function viewClaim(ctx: ViewContext, claim: CorpusClaim, article: Article, voice: number): ClaimView {
  const content = claim.content.text;
  const tokens = words(content);
  const cueTokens = claim.cue ? words(claim.cue.text) : [];
  const outlet = article.outlet ?? article.id;
  const speakerEntity = ctx.entity(claim.speaker);
  const speakerName = speakerEntity?.name ?? (claim.source ? trimSource(claim.source.text) : outlet);
  let polarity = stancePolarity(claim.stance);
  if (claim.negated) polarity = (polarity * -1) as 1 | -1 | 0;
  const anchors = new Set<string>();
  const specific = new Set<string>();
  const addAnchor = (id: string | null | undefined) => {
    if (!id) return;
    anchors.add(id);
    const entity = ctx.entity(id);
    if (entity && !broad.has(entity.kind) && !(entity.place && ctx.entity(entity.place)?.kind === 'country'))
      specific.add(id);
    const side = ctx.side(id);
    if (side) anchors.add(side.key);
  };
  addAnchor(claim.speaker);
  for (const m of ctx.mentionsIn(article.id, claim.content)) addAnchor(m.entity);
  const time = article.date ? Date.parse(article.date) : Number.NaN;
  return {
    claim,
    article,
    voice,
    speaker: claim.speaker,
    speakerName: claim.source === null && !speakerEntity ? outlet : speakerName,
    outlet,
    polarity,
    certainty: certaintyOf(claim.stance, tokens, cueTokens, ctx.lexicon),
    motive: classify(tokens, ctx.lexicon.motive, ctx.lexicon),
    outcome: classify(tokens, ctx.lexicon.outcome, ctx.lexicon),
    quantities: parseQuantities(content),
    words: new Set(tokens.filter((w) => w.length > 2 && !stopWords.has(w)).map(stem)),
    anchors: anchors.size > 0 ? anchors : none,
    specific: specific.size > 0 ? specific : none,
    time: Number.isFinite(time) ? time : null,
    written: findTimes(content),
    clock: findClocks(content)[0] ?? null,
    bearing: findBearings(content)[0] ?? null,
    sentence: claimSentence(ctx, claim, article),
  };
}

/**
 * The event mentions one article has in a family of events, in the family's order, to find the one a claim
 * holds: the first that lists the claim or whose trigger lies in the claim's content. Indexed by claim and by
 * trigger offset on first use, so a long article with thousands of mentions costs a lookup per claim, not a scan.
 */
export class MentionIndex {
  readonly #order: EventMention[] = [];
  #byClaim: Map<string, number> | null = null;
  /** Positions in `#order`, by trigger start. */
  #byStart: number[] | null = null;

  add(mention: EventMention): void {
    this.#order.push(mention);
    this.#byClaim = null;
    this.#byStart = null;
  }

  /** The mention of the claim, if the article has one in the family. */
  find(claim: CorpusClaim): EventMention | null {
    const order = this.#order;
    if (!this.#byClaim || !this.#byStart) {
      this.#byClaim = new Map();
      order.forEach((m, i) => {
        for (const id of m.claims) if (!this.#byClaim?.has(id)) this.#byClaim?.set(id, i);
      });
      this.#byStart = order
        .map((_, i) => i)
        .sort((a, b) => (order[a] as EventMention).trigger.start - (order[b] as EventMention).trigger.start);
    }
    const byStart = this.#byStart;
    let best = this.#byClaim.get(claim.id) ?? order.length;
    const content = claim.content;
    const triggerAt = (k: number) => (order[byStart[k] as number] as EventMention).trigger;
    for (let k = partitionPoint(byStart.length, (k) => triggerAt(k).start < content.start); k < byStart.length; k++) {
      const trigger = triggerAt(k);
      if (trigger.start > content.end) break;
      const i = byStart[k] as number;
      if (trigger.end <= content.end && i < best) best = i;
    }
    return order[best] ?? null;
  }
}

/** View a claim through one event: the arguments of its mention of the event, if it has one. */
export function viewInEvent(ctx: ViewContext, base: ClaimView, mentions: MentionIndex | undefined): EventView {
  const { claim, article } = base;
  const mention = mentions?.find(claim) ?? null;
  const args = mention?.arguments ?? {};
  const place = (span: Span | undefined, id?: string) =>
    ctx.place(ctx.argumentEntity(article.id, span, id, 'place')) ?? ctx.placeOfActor(article.id, span);
  const told = whenOf(args.timeValue, article.date);
  const when = isExplicitDay(told) ? told : writtenNear(base, mention);
  // A clock time tells this act's time when it stands near its trigger ("opened fire about 10 a.m.").
  const clockAt = base.clock && claim.content.start + base.clock.start;
  const clock =
    mention && clockAt !== null && Math.abs(clockAt - mention.trigger.start) <= nearTrigger ? base.clock : null;
  let quantity: Quantity | null = null;
  const counted = args.quantity;
  if (counted) {
    // Read in the claim's words, where an age ("Rand Oller, 52,") shows as one; an age counts nothing.
    const from = counted.start - claim.content.start;
    const to = counted.end - claim.content.start;
    // An argument inside the content is read there only: out of context "AK-47 rifles" would be 47 rifles.
    const inside = from >= 0 && to <= claim.content.text.length;
    const read =
      base.quantities.find((q) => q.start < to && from < q.end) ??
      (inside ? null : (parseQuantities(counted.text)[0] ?? null));
    quantity = read?.unitClass === 'age' ? null : read;
  }
  // "Islamabad denied its troops crossed": a possessive agent stands for the speaker's side.
  const possessive =
    !!args.agent &&
    (/^(?:its|their|our|his|her)\b/i.test(args.agent.text) ||
      /\b(?:its|their|our|his|her)\s+$/i.test(article.text.slice(Math.max(0, args.agent.start - 6), args.agent.start)));
  const speakerSide = possessive
    ? (ctx.side(claim.speaker) ?? ctx.side(ctx.argumentEntity(article.id, claim.source ?? undefined, undefined)))
    : null;
  const agent =
    speakerSide ??
    ctx.side(ctx.argumentEntity(article.id, args.agent, args.agentEntity)) ??
    ctx.sideOfModifier(article.text, args.agent);
  return {
    base,
    mention,
    polarity: mention ? polarityAt(base, mention, article.text, ctx.lexicon.negators) : base.polarity,
    lemma: mention?.lemma ?? '',
    light: ctx.lexicon.lightActs.has(mention?.lemma ?? ''),
    agent,
    patient: ctx.side(ctx.argumentEntity(article.id, args.patient, args.patientEntity)),
    origin: place(args.origin),
    destination: place(args.destination),
    place: place(args.place, args.placeEntity),
    quantity,
    outcome: mention ? outcomeAt(claim, mention, article.text, ctx.lexicon) : null,
    when,
    day: when?.kind === 'day' ? when.day : null,
    clock,
  };
}

/**
 * The day written nearest a trigger, on its line and within `nearTrigger` characters ("on Thursday
 * intercepted"), read against the article's date; a date in another clause tells of something else.
 */
function writtenNear(base: ClaimView, mention: EventMention | null): When | undefined {
  if (!mention) return undefined;
  const { content } = base.claim;
  const text = base.article.text;
  let best: When | undefined;
  let bestDistance = nearTrigger + 1;
  for (const t of base.written) {
    const start = content.start + t.start;
    const end = content.start + t.end;
    const distance = end <= mention.trigger.start ? mention.trigger.start - end : start - mention.trigger.end;
    if (distance < 0 || distance >= bestDistance) continue;
    const between =
      end <= mention.trigger.start ? text.slice(end, mention.trigger.start) : text.slice(mention.trigger.end, start);
    if (between.includes('\n')) continue;
    const when = whenOf(t.value, base.article.date);
    if (!isExplicitDay(when)) continue;
    best = when;
    bestDistance = distance;
  }
  return best;
}

/** Outcome words within a few words of a trigger, inside the claim's content, the trigger's own word left out. */
function outcomeAt(claim: CorpusClaim, mention: EventMention, text: string, lexicon: CompareLexicon): Cue | null {
  const { content } = claim;
  const before = words(text.slice(Math.max(content.start, mention.trigger.start - 80), mention.trigger.start));
  const after = words(text.slice(mention.trigger.end, Math.min(content.end, mention.trigger.end + 60)));
  const cue = classify([...before.slice(-10), '|', ...after.slice(0, 7)], lexicon.outcome, lexicon);
  if (!cue) {
    const own = classify(words(mention.trigger.text), lexicon.outcome, lexicon);
    return own && { ...own, adjacent: true };
  }
  // Just before the trigger, or before the attempt that governs it ("an unsuccessful attempt by a group to cross").
  const attempt = before.findLastIndex((w) => intentions.has(w));
  const lead =
    attempt >= 0
      ? [...before.slice(Math.max(0, attempt - 3), attempt + 1), '|', ...before.slice(-3)]
      : before.slice(-3);
  const next = after[0] !== undefined && auxiliaries.has(after[0]) ? after.slice(1, 3) : after.slice(0, 1);
  const adjacent = classify([...lead, '|', ...next], lexicon.outcome, lexicon)?.kind === cue.kind;
  return { ...cue, adjacent };
}

/** What a stance says of the act: -1 denied, 0 asked or conditional, 1 told. */
function stancePolarity(stance: CorpusClaim['stance']): 1 | -1 | 0 {
  return stance === 'deny' ? -1 : stance === 'question' || stance === 'conditional' ? 0 : 1;
}

/**
 * The polarity of one event mention in a claim: the stance's, with a content negation only near the trigger; 0
 * for an act the claim does not tell as real: under "if", after a modal ("should release", but "may have
 * crossed" stays a hedged account), or wanted, planned or tried ("try to reach").
 */
function polarityAt(base: ClaimView, mention: EventMention, text: string, negators: ReadonlySet<string>): 1 | -1 | 0 {
  const { claim } = base;
  const stance = stancePolarity(claim.stance);
  if (stance === 0) return 0;
  const from = Math.max(claim.content.start, mention.trigger.start - 60);
  const before = words(text.slice(from, mention.trigger.start)).slice(-6);
  if (before.some((w) => conditions.has(w))) return 0;
  const near = before.slice(-3).filter((w) => !negators.has(w) && !w.endsWith("n't"));
  const last = near[near.length - 1];
  if (last !== undefined && modals.has(last)) return 0;
  // "should have crossed" did not happen; "may have crossed" perhaps did.
  if (last === 'have' && counterfactual.has(near[near.length - 2] ?? '')) return 0;
  // "an unsuccessful attempt to cross" tells of an attempt that failed: an outcome, compared as such.
  if (last === 'to' && intentions.has(near[near.length - 2] ?? '') && base.outcome?.kind !== 'failure') return 0;
  if (!claim.negated) return stance;
  // The negation must bear on the act: a verb form, or a word right after a negator or an auxiliary ("did not
  // cross", "never paid"); "neither the minister nor her campaign" does not negate the campaign.
  const negated = before.slice(-4).some((w) => negators.has(w) || w.endsWith("n't"));
  const previous = before.filter((w) => !w.endsWith('ly')).pop() ?? '';
  const verbal =
    /(?:ed|ing|en)$/i.test(mention.trigger.text) ||
    negators.has(previous) ||
    previous.endsWith("n't") ||
    auxiliaries.has(previous);
  return negated && verbal ? (-stance as 1 | -1) : stance;
}

const conditions = wordSet('conditions');
const counterfactual = wordSet('counterfactualModals');
const auxiliaries = wordSet('auxiliaries');
const modals = wordSet('modals');
const intentions = wordSet('intentions');
const stopWords = wordSet('contentStopWords');

/** Characters between a trigger and a clock time that tells its time. */
const nearTrigger = 80;

/** The anchors of a claim about no entity, shared by all such views. */
const none: ReadonlySet<string> = new Set();

/** Kinds of entity that many claims of a story share, so sharing one says little. */
const broad = new Set(['country', 'region', 'government', 'location']);

/** Lower-case word tokens of a text. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? []
  );
}

/** A rough stem so "crossed", "crossing" and "crosses" meet. */
export function stem(word: string): string {
  const w = singular(word);
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

/** Cues by their first word, longest first. */
type CueIndex = Map<string, [string, string[]][]>;
const compiled = new WeakMap<object, CueIndex>();

function compile(lexicon: CueList): CueIndex {
  let index = compiled.get(lexicon);
  if (!index) {
    const list = Object.entries(lexicon).flatMap(([kind, cues]) =>
      cues.map((c): [string, string[]] => [kind, words(c)]),
    );
    list.sort((a, b) => b[1].length - a[1].length);
    index = new Map();
    for (const entry of list) {
      const first = entry[1][0];
      if (first === undefined) continue;
      let bucket = index.get(first);
      if (!bucket) {
        bucket = [];
        index.set(first, bucket);
      }
      bucket.push(entry);
    }
    compiled.set(lexicon, index);
  }
  return index;
}

/** Where a cue of the list occurs in the tokens: its kind, words and whether a negator comes just before. */
function findCues(tokens: readonly string[], lexicon: CueList, negators: ReadonlySet<string>) {
  const found: { kind: string; cue: string; negated: boolean }[] = [];
  const index = compile(lexicon);
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.get(tokens[i] ?? '');
    if (!candidates) continue;
    for (const [kind, cue] of candidates) {
      if (!cue.every((w, k) => tokens[i + k] === w)) continue;
      const before = tokens.slice(Math.max(0, i - 3), i);
      found.push({ kind, cue: cue.join(' '), negated: before.some((w) => negators.has(w)) });
      i += cue.length - 1;
      break;
    }
  }
  return found;
}

/**
 * The one kind of cue the tokens hold, or null for none or several. A negated outcome counts as its opposite
 * ("did not succeed" is a failure); a negated motive says nothing ("not forced" is not "voluntary").
 */
function classify(tokens: readonly string[], list: CueList, lexicon: CompareLexicon): Cue | null {
  const found = findCues(tokens, list, lexicon.negators);
  const kinds = new Set<string>();
  let first: Cue | null = null;
  for (const f of found) {
    let kind: string | undefined = f.kind;
    if (kind === 'none') continue;
    if (f.negated) kind = list === lexicon.outcome ? lexicon.opposite.get(kind) : undefined;
    if (kind === undefined) continue;
    kinds.add(kind);
    first ??= { kind, cue: f.negated ? `not ${f.cue}` : f.cue, opposite: lexicon.opposite.get(kind) ?? null };
  }
  return kinds.size === 1 ? first : null;
}

/** 0 hedged (by the stance, or a hedge in the content or the cue), 0.5 distanced by the cue, 2 confirmed, else 1. */
function certaintyOf(
  stance: CorpusClaim['stance'],
  tokens: readonly string[],
  cue: readonly string[],
  lexicon: CompareLexicon,
): number {
  if (stance === 'hedge') return 0;
  const inContent = findCues(tokens, lexicon.certainty, lexicon.negators);
  const inCue = findCues(cue, lexicon.certainty, lexicon.negators);
  if ([...inContent, ...inCue].some((c) => c.kind === 'hedged')) return 0;
  if (inCue.some((c) => c.kind === 'distanced')) return 0.5;
  const confirm = [...inCue, ...inContent].filter((c) => c.kind === 'confirmed');
  if (confirm.some((c) => !c.negated)) return 2;
  if (confirm.length) return 0;
  return 1;
}

function claimSentence(ctx: ViewContext, claim: CorpusClaim, article: Article): string {
  const parts = [claim.content, claim.source, claim.cue].filter((s): s is Span => s !== null);
  let start = Math.min(...parts.map((s) => s.start));
  let end = Math.max(...parts.map((s) => s.end));
  const sentences = ctx.annotation(article.id)?.sentences ?? [];
  // Sentences are in text order: binary search for the one holding the start, then walk to the end.
  for (let i = partitionPoint(sentences.length, (k) => (sentences[k]?.end ?? 0) <= start); i < sentences.length; i++) {
    const s = sentences[i];
    if (!s || s.start >= end) break;
    if (s.start <= start && start < s.end) start = s.start;
    if (s.start < end && end <= s.end) end = s.end;
  }
  return article.text.slice(start, end);
}

function trimSource(text: string): string {
  return text.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()).trim();
}
