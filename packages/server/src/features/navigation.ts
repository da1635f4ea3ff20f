import type { ArticleSpan, Entity } from '@claimlens/core';
import type { Location } from '../protocol.js';
import { eventMentionAt, mentionAt, placeOf, type View } from './lookup.js';

/**
 * Go to Definition: on an entity mention, its first full-name mention (in this article if it has one, else the
 * first in the workspace); on an event mention, the event's first mention.
 */
export function definition(view: View, offset: number): Location | null {
  const state = view.state;
  if (!state) return null;
  const mention = mentionAt(view.annotation, offset);
  if (mention) {
    const entity = state.corpus.entity(mention.entity);
    const target = entity ? fullNameMention(entity, view.entry.id) : undefined;
    return target ? placeOf(state, target) : null;
  }
  const eventMention = eventMentionAt(view.annotation, offset);
  if (eventMention) {
    const event = state.corpus.eventOfMention(eventMention);
    const first = event?.mentions.find((m) => m.article === view.entry.id) ?? event?.mentions[0];
    return first ? placeOf(state, first) : null;
  }
  return null;
}

/** Find All References: every mention of the entity or event under the cursor, in every article. */
export function references(view: View, offset: number, includeDeclaration: boolean): Location[] {
  const state = view.state;
  if (!state) return [];
  let spans: ArticleSpan[] = [];
  let declaration: ArticleSpan | undefined;
  const mention = mentionAt(view.annotation, offset);
  const eventMention = mention ? undefined : eventMentionAt(view.annotation, offset);
  if (mention) {
    const entity = state.corpus.entity(mention.entity);
    spans = entity?.mentions ?? [];
    declaration = entity ? fullNameMention(entity, view.entry.id) : undefined;
  } else if (eventMention) {
    spans = state.corpus.eventOfMention(eventMention)?.mentions ?? [];
  }
  const places: Location[] = [];
  for (const span of spans) {
    if (!includeDeclaration && span === declaration) continue;
    const place = placeOf(state, span);
    if (place) places.push(place);
  }
  return places;
}

/** The first mention that spells the entity's full name; the longest mention when none does. */
export function fullNameMention(entity: Entity, preferArticle: string): ArticleSpan | undefined {
  const full = (m: ArticleSpan) => m.text.replace(/\s+/g, ' ') === entity.name;
  const longest = Math.max(0, ...entity.mentions.map((m) => m.text.length));
  return (
    entity.mentions.find((m) => m.article === preferArticle && full(m)) ??
    entity.mentions.find(full) ??
    entity.mentions.find((m) => m.article === preferArticle && m.text.length === longest) ??
    entity.mentions.find((m) => m.text.length === longest)
  );
}
