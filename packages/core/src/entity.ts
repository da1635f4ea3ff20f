import type { Origin } from './annotations/model.js';
import type { ArticleSpan, Span } from './span.js';

export type MentionType = 'actor' | 'place';
export type ActorKind = 'person' | 'organization' | 'government' | 'group';
export type PlaceKind = 'country' | 'region' | 'city' | 'settlement' | 'location';
export type MentionKind = ActorKind | PlaceKind;

/** Where a gazetteer puts a place. */
export interface Geo {
  geonameId: number | null;
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 country code. */
  country: string | null;
  countryName: string | null;
  /** First-level region (admin1) name, when known. */
  region: string | null;
}

/** A name in one text, tagged and linked to an entity (local to the document until resolved across the corpus). */
export interface Mention extends Span {
  type: MentionType;
  kind: MentionKind;
  entity: string;
  /** `human` when a person tagged or confirmed it (an annotations file); absent: the machine found it. */
  origin?: Origin;
}

/** An entity as one document sees it. */
export interface DocumentEntity {
  id: string;
  name: string;
  type: MentionType;
  kind: MentionKind;
  aliases: string[];
  /** For places, and governments named by their place: where it is. */
  geo?: Geo;
  /** For governments and demonym groups: the id of the place entity they stand for. */
  place?: string;
}

/** An entity across the corpus: one person, organisation or place however each article spells it. */
export interface Entity extends DocumentEntity {
  mentions: (ArticleSpan & { origin?: Origin })[];
}
