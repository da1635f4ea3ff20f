import type { AnnotatedArticle } from '../corpus.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Message } from '../message.js';

/** User corrections read from the corpus folder: see docs/configuration.md. */
export interface CorpusConfig {
  /** Canonical name → aliases that name the same entity. */
  aliases?: Record<string, string[]>;
  /** Names that are never entities. */
  ignore?: string[];
}

export interface ResolvedEntities {
  entities: Entity[];
  /** Per article id: the annotation with entity ids made corpus-wide and claim/event ids prefixed by the article id. */
  annotations: Map<string, DocumentAnnotation>;
  messages: Message[];
}

/**
 * Resolve each document's entities to corpus-wide entities.
 * First version: entities with the same type and normalised name are one.
 */
export function resolveEntities(items: AnnotatedArticle[], _config: CorpusConfig): ResolvedEntities {
  const byKey = new Map<string, Entity>();
  const entities: Entity[] = [];
  const annotations = new Map<string, DocumentAnnotation>();
  for (const { article, annotation } of items) {
    const local = new Map<string, string>();
    for (const e of annotation.entities) {
      const key = `${e.type}:${e.name.toLowerCase()}`;
      let entity = byKey.get(key);
      if (!entity) {
        entity = { id: `E${entities.length + 1}`, name: e.name, type: e.type, kind: e.kind, aliases: [], mentions: [] };
        if (e.geo) entity.geo = e.geo;
        byKey.set(key, entity);
        entities.push(entity);
      }
      local.set(e.id, entity.id);
    }
    const mentions = annotation.mentions.map((m) => ({ ...m, entity: local.get(m.entity) ?? m.entity }));
    for (const m of mentions) {
      const entity = entities.find((e) => e.id === m.entity);
      entity?.mentions.push({ article: article.id, start: m.start, end: m.end, text: m.text });
      if (entity && m.text !== entity.name && !entity.aliases.includes(m.text)) entity.aliases.push(m.text);
    }
    const prefix = (id: string) => `${article.id}:${id}`;
    annotations.set(article.id, {
      ...annotation,
      mentions,
      entities: annotation.entities.map((e) => ({ ...e, id: local.get(e.id) ?? e.id })),
      claims: annotation.claims.map((c) => ({
        ...c,
        id: prefix(c.id),
        speaker: c.speaker === null ? null : (local.get(c.speaker) ?? c.speaker),
      })),
      events: annotation.events.map((v) => ({ ...v, id: prefix(v.id), claims: v.claims.map(prefix) })),
    });
  }
  return { entities, annotations, messages: [] };
}
