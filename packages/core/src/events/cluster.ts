import type { Article } from '../article.js';
import type { DocumentAnnotation } from '../document.js';
import type { Event } from '../event.js';

/**
 * Group event mentions across articles into events.
 * First version: mentions with the same lemma are one event.
 */
export function clusterEvents(articles: Article[], annotations: Map<string, DocumentAnnotation>): Event[] {
  const byLemma = new Map<string, Event>();
  for (const article of articles) {
    for (const mention of annotations.get(article.id)?.events ?? []) {
      let event = byLemma.get(mention.lemma);
      if (!event) {
        event = { id: `V${byLemma.size + 1}`, label: mention.lemma, type: mention.type, mentions: [], claims: [] };
        byLemma.set(mention.lemma, event);
      }
      event.mentions.push({ article: article.id, ...mention.trigger, mention: mention.id });
      for (const c of mention.claims) if (!event.claims.includes(c)) event.claims.push(c);
    }
  }
  return [...byLemma.values()];
}
