import type { Origin as SpanOrigin } from './annotations/model.js';
import type { ArticleSpan, Span } from './span.js';

/** Arguments of an event mention, where the text gives them. */
export interface EventArguments {
  agent?: Span;
  patient?: Span;
  origin?: Span;
  destination?: Span;
  place?: Span;
  time?: Span;
  quantity?: Span;
  /** The time normalised, when it could be read: `2014-04-16`, `*-04-16` (year unknown), `2014-04`, `2014`, `weekday:5`, `rel:yesterday`. */
  timeValue?: string;
  /** Entity ids the arguments resolve to (local within a document, corpus-wide in a corpus). */
  agentEntity?: string;
  patientEntity?: string;
  placeEntity?: string;
}

/** A word or phrase that names a happening ("crossed", "the incursion"). */
export interface EventMention {
  id: string;
  trigger: Span;
  /** A coarse type such as `movement`, `attack`, `seizure`, `statement`. */
  type: string;
  /** Lemma of the trigger, for grouping (deverbal nouns give their verb: "announcement" → "announce"). */
  lemma: string;
  /** A word shared by lemmas that name the same kind of happening ("kill", "slay"), when a lexicon knows one. */
  synset?: string;
  /** Whether the trigger is a verb ("crossed"); absent for nouns and adjectives ("the incursion", "dead"). */
  verbal?: boolean;
  arguments: EventArguments;
  /**
   * The word names a happening too generally to tell it across articles by the word alone ("use", "take"):
   * such a mention joins an event only with another article's mention that shares a participant. Absent: false.
   */
  generic?: boolean;
  /** Ids of claims whose content holds this mention. */
  claims: string[];
  /** `human` when a person marked or confirmed the word (an annotations file); absent: the machine found it. */
  origin?: SpanOrigin;
}

/** One happening, with its mentions across articles. */
export interface Event {
  id: string;
  label: string;
  type: string;
  mentions: (ArticleSpan & { mention: string })[];
  claims: string[];
  /**
   * Why the mentions were grouped, in a line: "same word “quake”; shared participants: Hamas; same day".
   * Absent for an event of one mention.
   */
  reason?: string;
}
