import type { Article } from '../article.js';
import type { CorpusClaim } from '../claim.js';
import type { Agreement, Contradiction } from '../contradiction.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event } from '../event.js';

export interface CompareInput {
  articles: Article[];
  annotations: Map<string, DocumentAnnotation>;
  entities: Entity[];
  claims: CorpusClaim[];
  events: Event[];
}

/** Compare claims within each event: which agree, which contradict and why. First version: none. */
export function compareClaims(_input: CompareInput): { contradictions: Contradiction[]; agreements: Agreement[] } {
  return { contradictions: [], agreements: [] };
}
