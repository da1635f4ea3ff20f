import type { Span } from '../span.js';

/** An entity mention read back from an export: its span, `actor` or `place`, and the finer kind when given. */
export interface ImportedMention extends Span {
  type: string;
  kind: string | null;
}

/** A claim read back from an export. */
export interface ImportedClaim {
  source: Span | null;
  cue: Span | null;
  content: Span;
  stance: string | null;
}

/** One document's annotations read back from brat, W3C Web Annotation or claimlens JSON. */
export interface ImportedDocument {
  id: string;
  mentions: ImportedMention[];
  claims: ImportedClaim[];
}

/** Documents by id. */
export type ImportedCorpus = Map<string, ImportedDocument>;
