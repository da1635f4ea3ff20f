import type { Claim } from '../claim.js';
import type { DocumentAnnotation } from '../document.js';
import type { DocumentEntity, Mention, MentionKind } from '../entity.js';
import type { EventMention } from '../event.js';
import type { Message } from '../message.js';
import { overlaps, type Span } from '../span.js';
import { type Anchored, anchorTarget } from './anchor.js';
import type { HumanAnnotation, QuoteTarget } from './model.js';

/** A human annotation placed in the current text (null when it could not be: orphaned). */
export interface PlacedAnnotation {
  annotation: HumanAnnotation;
  at: Anchored | null;
}

export interface AppliedAnnotations {
  /** The machine's annotation with the human ones over it; human spans carry `origin: 'human'`. */
  annotation: DocumentAnnotation;
  placed: PlacedAnnotation[];
  /** An `annotations/orphaned` warning for each annotation that could not be placed. */
  messages: Message[];
}

const defaultKind = { actor: 'person', place: 'location' } as const;

/**
 * Apply human annotations over the machine's annotation of a text. Each is first re-anchored (`anchorTarget`).
 * `none` removes every machine mention, claim (by cue or content) and event word at exactly its span. An actor or
 * place replaces the machine mentions it overlaps (keeping the entity of one at exactly its span when the type
 * agrees), or joins the entity it names. A claim replaces the machine claims whose content it overlaps. An event
 * word keeps the machine's mention there, or adds one. Annotations that cannot be placed are reported, never
 * dropped from the file. The input is not changed.
 */
export function applyHumanAnnotations(
  text: string,
  machine: DocumentAnnotation,
  annotations: readonly HumanAnnotation[],
  path?: string,
): AppliedAnnotations {
  const placed: PlacedAnnotation[] = annotations.map((annotation) => ({
    annotation,
    at: anchorTarget(text, annotation.target),
  }));
  const messages: Message[] = [];
  for (const { annotation, at } of placed) {
    if (at) continue;
    messages.push({
      code: 'annotations/orphaned',
      severity: 'warning',
      reason: `The ${annotation.tag === 'none' ? 'rejection' : annotation.tag} marked on "${clip(annotation.target.exact)}" by ${annotation.creator} no longer fits the text (the words were deleted or rewritten); it is kept in the annotations file.`,
      ...(path === undefined ? {} : { path }),
      ...(annotation.target.start >= 0 && annotation.target.end <= text.length
        ? { start: annotation.target.start, end: Math.max(annotation.target.start, annotation.target.end) }
        : {}),
    });
  }
  if (placed.every((p) => !p.at)) return { annotation: machine, placed, messages };
  let mentions = [...machine.mentions];
  let claims = [...machine.claims];
  let events = [...machine.events];
  const entities = [...machine.entities];
  const span = (at: Anchored): Span => ({ start: at.start, end: at.end, text: text.slice(at.start, at.end) });
  const same = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start === b.start && a.end === b.end;

  for (const { annotation, at } of placed) {
    if (!at || annotation.tag !== 'none') continue;
    mentions = mentions.filter((m) => !same(m, at));
    claims = claims.filter((c) => !same(c.content, at) && !(c.cue && same(c.cue, at)));
    events = events.filter((v) => !same(v.trigger, at));
  }

  let nextEntity = 1;
  const entityFor = (name: string, type: Mention['type'], kind: MentionKind, alias: string): DocumentEntity => {
    let entity = entities.find((e) => e.name === name && e.type === type && e.id.startsWith('h'));
    if (!entity) {
      entity = { id: `h${nextEntity++}`, name, type, kind, aliases: [] };
      entities.push(entity);
    }
    if (alias !== entity.name && !entity.aliases.includes(alias)) entity.aliases.push(alias);
    return entity;
  };
  for (const { annotation, at } of placed) {
    if (!at || (annotation.tag !== 'actor' && annotation.tag !== 'place')) continue;
    const type = annotation.tag;
    const words = span(at);
    const exactly = mentions.find((m) => same(m, at) && m.type === type);
    const kind = annotation.kind ?? exactly?.kind ?? defaultKind[type];
    const entity =
      annotation.entity !== undefined
        ? entityFor(annotation.entity, type, kind, words.text)
        : exactly
          ? { id: exactly.entity }
          : entityFor(words.text, type, kind, words.text);
    mentions = mentions.filter((m) => !overlaps(m, at));
    mentions.push({ ...words, type, kind, entity: entity.id, origin: 'human' });
  }

  let nextClaim = 1;
  for (const { annotation, at } of placed) {
    if (!at || annotation.tag !== 'claim') continue;
    const content = span(at);
    const replaced = claims.filter((c) => overlaps(c.content, at));
    claims = claims.filter((c) => !overlaps(c.content, at));
    const part = (target: QuoteTarget | undefined): Span | null => {
      const found = target ? anchorTarget(text, target) : null;
      return found ? span(found) : null;
    };
    const source = part(annotation.source);
    const speaker = source ? (mentions.find((m) => overlaps(m, source))?.entity ?? null) : null;
    const claim: Claim = {
      id: `h${nextClaim++}`,
      source,
      cue: part(annotation.cue),
      content,
      speaker,
      stance: annotation.stance ?? replaced[0]?.stance ?? 'assert',
      negated: replaced[0]?.negated ?? false,
      origin: 'human',
    };
    claims.push(claim);
    events = events.map((v) => {
      const old = v.claims.filter((id) => replaced.some((c) => c.id === id));
      if (old.length === 0 && !overlaps(v.trigger, content)) return v;
      const kept = v.claims.filter((id) => !old.includes(id));
      return { ...v, claims: overlaps(v.trigger, content) ? [...kept, claim.id] : kept };
    });
  }

  let nextEvent = 1;
  for (const { annotation, at } of placed) {
    if (!at || annotation.tag !== 'event') continue;
    const found = events.find((v) => same(v.trigger, at));
    if (found) {
      events = events.map((v) => (v === found ? { ...v, origin: 'human' } : v));
      continue;
    }
    const trigger = span(at);
    const event: EventMention = {
      id: `hv${nextEvent++}`,
      trigger,
      type: annotation.eventType ?? 'event',
      lemma: trigger.text.toLowerCase(),
      arguments: {},
      claims: claims.filter((c) => overlaps(c.content, trigger)).map((c) => c.id),
      origin: 'human',
    };
    events.push(event);
  }

  // A machine claim or event that pointed at a claim now gone loses the link; entities left without a mention go.
  const claimIds = new Set(claims.map((c) => c.id));
  events = events.map((v) =>
    v.claims.every((id) => claimIds.has(id)) ? v : { ...v, claims: v.claims.filter((id) => claimIds.has(id)) },
  );
  const used = new Set(mentions.map((m) => m.entity));
  const keptEntities = entities.filter(
    (e) => used.has(e.id) || entities.some((o) => o.place === e.id && used.has(o.id)),
  );
  const keptIds = new Set(keptEntities.map((e) => e.id));
  claims = claims.map((c) => (c.speaker !== null && !keptIds.has(c.speaker) ? { ...c, speaker: null } : c));
  const byStart =
    <T>(key: (x: T) => Span) =>
    (a: T, b: T) =>
      key(a).start - key(b).start || key(a).end - key(b).end;
  return {
    annotation: {
      ...machine,
      mentions: mentions.sort(byStart((m: Mention) => m)),
      entities: keptEntities,
      claims: claims.sort(byStart((c: Claim) => c.content)),
      events: events.sort(byStart((v: EventMention) => v.trigger)),
    },
    placed,
    messages,
  };
}

function clip(words: string): string {
  const flat = words.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
