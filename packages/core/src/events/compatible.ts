import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';
import type { Geo } from '../entity.js';
import type { EventMention } from '../event.js';
import { partitionPoint } from '../span.js';
import { type When, whenOf } from '../time/when.js';
import { wordSet } from '../words/words.js';

/** An event mention in its article. */
export interface Placed {
  article: Article;
  mention: EventMention;
}

/** What an entity id stands for, enough to tell two participants or places apart. */
export interface EntityInfo {
  type: 'actor' | 'place';
  kind: string;
  /** The name an explanation shows. */
  name: string;
  geo?: Geo;
  /** For governments and demonym groups: the place entity they stand for. */
  place?: string;
}

/** What one mention's arguments say, read once so that comparing two mentions is cheap. */
export interface Profile {
  article: string;
  when: When | undefined;
  /** Corpus-wide entity ids of the participants and the place. */
  agent: string | undefined;
  patient: string | undefined;
  place: string | undefined;
  /** Where a movement goes to and comes from. */
  destination: Where | undefined;
  origin: Where | undefined;
  /** The agent as written, lower-cased and without a leading article ("police", "indian navy"); none for pronouns. */
  speaker: string | undefined;
}

/** A place a movement goes to or comes from: its country as a key ("Ukrainian territory" → `ukrain`), and its name or entity id when it is more than a country. */
export interface Where {
  country?: string;
  name?: string;
}

/** The entity id of the name mention that starts at an offset, if any. */
export type NameAt = (start: number) => string | undefined;

/**
 * Look up an article's name mentions by start offset: a binary search over its mentions in order of start
 * (the annotation's own array when it is in that order, as the annotator writes it), so no map per article.
 */
export function nameLookup(annotation: DocumentAnnotation | undefined): NameAt {
  const all = annotation?.mentions ?? [];
  let sorted = true;
  for (let i = 1; i < all.length && sorted; i++) sorted = (all[i - 1]?.start ?? 0) <= (all[i]?.start ?? 0);
  const mentions = sorted ? all : [...all].sort((a, b) => a.start - b.start);
  return (start) => {
    // the last mention that starts there
    const found = mentions[partitionPoint(mentions.length, (i) => (mentions[i]?.start ?? 0) <= start) - 1];
    return found && found.start === start ? found.entity : undefined;
  };
}

/**
 * Read a mention's arguments into a profile. Entity ids come from the article's (corpus-wide) name mentions
 * at the argument's offset (`names`, see `nameLookup`): the ids an annotator
 * wrote into the arguments are local to its document. `latest` is the latest day an undated article gives
 * (see `latestDay`), which places its untimed mentions in time.
 */
export function profileOf(
  article: Article,
  names: NameAt,
  mention: EventMention,
  entities: ReadonlyMap<string, EntityInfo>,
  latest?: string,
): Profile {
  const id = (span: { start: number } | undefined) => (span ? names(span.start) : undefined);
  const args = mention.arguments;
  const where = (span: { start: number; text: string } | undefined): Where | undefined => {
    if (!span) return undefined;
    const entity = id(span);
    const info = entity ? entities.get(entity) : undefined;
    const owner = info?.place ? entities.get(info.place) : undefined;
    const country = info?.geo?.countryName ?? owner?.geo?.countryName ?? undefined;
    if (entity && info) {
      const whole = info.kind === 'country' || owner?.kind === 'country' || !!owner;
      const result: Where = whole ? {} : { name: entity };
      if (country) result.country = nationKey(country);
      return result.country || result.name ? result : undefined;
    }
    const nation = nationOf(span.text);
    if (nation) return { country: nation };
    // a common noun ("the border", "the city") says too little to keep two mentions apart
    return /^\p{Lu}/u.test(span.text) ? { name: plain(span.text) } : undefined;
  };
  return {
    article: article.id,
    when: whenOf(args.timeValue, article.date, latest),
    agent: id(args.agent),
    patient: id(args.patient),
    place: id(args.place),
    destination: where(args.destination),
    origin: where(args.origin),
    speaker: speakerOf(args.agent?.text),
  };
}

/** The latest month and day (`MM-DD`) an undated article's mentions give as their time; none for a dated article. */
export function latestDay(article: Article, annotation: DocumentAnnotation | undefined): string | undefined {
  if (article.date || !annotation) return undefined;
  let latest: string | undefined;
  for (const event of annotation.events) {
    const day = /^(?:\d{4}|\*)-(\d{2}-\d{2})$/.exec(event.arguments.timeValue ?? '')?.[1];
    if (day && (!latest || day > latest)) latest = day;
  }
  return latest;
}

/**
 * Whether two movements cannot be one: they go to or come from places apart, or go opposite ways (one's
 * destination is the other's origin).
 */
export function opposite(a: Profile, b: Profile): boolean {
  if (apart(a.destination, b.destination) || apart(a.origin, b.origin)) return true;
  return same(a.destination, b.origin) || same(a.origin, b.destination);
}

/**
 * Whether two statements can be one statement reported twice: in different articles (one article quotes a
 * speaker many times, each time saying something else) and by one speaker, the same agent entity or the
 * agent written in the same words ("police said" in two reports of one story). Statements with no speaker,
 * or whose speaker is a pronoun, are no one's in particular and group with none.
 */
export function sameStatement(a: Profile, b: Profile): boolean {
  if (a.article === b.article) return false;
  return (a.agent !== undefined && a.agent === b.agent) || (a.speaker !== undefined && a.speaker === b.speaker);
}

/** Two places in different countries, or two different places more precise than a country. */
function apart(a: Where | undefined, b: Where | undefined): boolean {
  if (!a || !b) return false;
  if (a.country && b.country && a.country !== b.country) return true;
  return !!a.name && !!b.name && a.name !== b.name;
}

/** Whether two places are surely the same: one name, or one country and no more precise names. */
function same(a: Where | undefined, b: Where | undefined): boolean {
  if (!a || !b) return false;
  if (a.name || b.name) return a.name === b.name;
  return !!a.country && a.country === b.country;
}

/** Two entity ids that are different entities and, for places with known geography, places apart. */
export function differs(
  a: string | undefined,
  b: string | undefined,
  entities: ReadonlyMap<string, EntityInfo>,
): boolean {
  if (!a || !b || a === b) return false;
  const ea = entities.get(a);
  const eb = entities.get(b);
  if (!ea || !eb) return false;
  if (ea.type === 'place' || eb.type === 'place') {
    if (!ea.geo || !eb.geo) return false;
    if (ea.geo.country && eb.geo.country && ea.geo.country !== eb.geo.country) return true;
    const local = (kind: string) => kind === 'city' || kind === 'settlement';
    return local(ea.kind) && local(eb.kind) && ea.geo.region !== eb.geo.region;
  }
  return true;
}

/**
 * The country a phrase names by its first capitalised word when that word is a country or a demonym
 * ("Russian territory", "Ukraine troops"), as a key shared by the country and its demonym.
 */
export function nationOf(phrase: string): string | undefined {
  const word = /(?:^|\s)(\p{Lu}\p{Ll}{2,})/u.exec(phrase)?.[1];
  if (!word || !/(?:an|ese|ish|i|ch|ia|a|e|y|land|stan)$/.test(word)) return undefined;
  return nationKey(word);
}

/** "Ukraine", "Ukrainian" → `ukrain`; "Russia", "Russian" → `russ`; "Poland", "Polish" → `pol`. */
export function nationKey(word: string): string {
  return word.toLowerCase().replace(/(?:ians?|eans?|ans?|ese|ish|is?|ch|ia|a|e|y|land|s)$/, '');
}

const pronouns = wordSet('speakerPronouns');

/** A speaker as written, for comparing unnamed speakers ("police", "the Indian navy"); none for pronouns. */
function speakerOf(text: string | undefined): string | undefined {
  const value = text ? plain(text.replace(/["“”‘’']/g, '')) : undefined;
  return value && /\p{L}/u.test(value) && !pronouns.has(value) ? value : undefined;
}

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|a|an)\s+/, '');
}
