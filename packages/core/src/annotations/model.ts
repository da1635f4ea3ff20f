import type { Stance } from '../claim.js';
import type { MentionKind } from '../entity.js';

/** Who made a span: the annotator (`machine`) or a person (`human`: added, corrected or accepted by hand). */
export type Origin = 'human' | 'machine';

/**
 * What a human annotation says its span is: an `actor` or `place` mention, a `claim` (the span is its content),
 * an `event` word, or `none`, which rejects whatever the machine found at exactly this span.
 */
export type HumanTag = 'actor' | 'place' | 'claim' | 'event' | 'none';

/** A span of an article as a W3C target selects it: the quoted words with their context, and where they were. */
export interface QuoteTarget {
  /** The quoted words (`TextQuoteSelector.exact`). */
  exact: string;
  /** Up to 32 characters before and after the quote. */
  prefix: string;
  suffix: string;
  /** UTF-16 offsets into the article's text when the annotation was written; `end` exclusive. */
  start: number;
  end: number;
}

/** One human annotation of an article, as kept in its `.claimlens/annotations/<path>.jsonld` file. */
export interface HumanAnnotation {
  /** `urn:uuid:…`, unique and stable: removing an annotation names it. */
  id: string;
  /** The person's name (W3C `creator.name`). */
  creator: string;
  /** ISO 8601 date-time. */
  created: string;
  tag: HumanTag;
  /** The span tagged (for a claim: its content). */
  target: QuoteTarget;
  /** An actor's or place's kind. */
  kind?: MentionKind;
  /** A claim's stance. */
  stance?: Stance;
  /** An event word's type (`movement`, `attack`, …), when it was accepted from the machine. */
  eventType?: string;
  /** A claim's source and cue spans. */
  source?: QuoteTarget;
  cue?: QuoteTarget;
  /**
   * For a mention: the name of the entity it refers to. Mentions linked to one name are one entity across the
   * corpus; a name of its own unlinks a mention from a wrong merge.
   */
  entity?: string;
  /** True when a person confirmed what the machine found (it stays when the model changes). */
  accepted?: boolean;
}

export const actorKinds = ['person', 'organization', 'government', 'group'] as const;
export const placeKinds = ['country', 'region', 'city', 'settlement', 'location'] as const;
export const stances = ['assert', 'deny', 'accuse', 'hedge', 'conditional', 'question'] as const;
export const humanTags = ['actor', 'place', 'claim', 'event', 'none'] as const;

/** Where the annotations of an article are kept, relative to the folder that holds `.claimlens`. */
export const annotationsFolder = '.claimlens/annotations';
