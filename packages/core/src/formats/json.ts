import type { Origin } from '../annotations/model.js';
import type { ArticleMeta } from '../article.js';
import type { Claim, CorpusClaim } from '../claim.js';
import type { Corpus } from '../corpus.js';
import type { DocumentAnnotation } from '../document.js';
import type { Mention } from '../entity.js';
import type { EventMention } from '../event.js';
import type { Message } from '../message.js';
import type { Span } from '../span.js';
import type { ImportedClaim, ImportedCorpus, ImportedDocument, ImportedMention } from './imported.js';

/** The version of the JSON contract (docs/json-contract.md); bumped only for changes that are not additive. */
export const jsonVersion = 1;

/** `claimlens annotate --format json`: one document. Schema: packages/core/schema/annotate.schema.json. */
export function annotationToJson(annotation: DocumentAnnotation) {
  return {
    version: jsonVersion,
    mentions: annotation.mentions.map(mentionJson),
    claims: annotation.claims.map((c) => claimJson(c)),
    events: annotation.events.map(eventMentionJson),
    entities: annotation.entities.map((e) => ({ ...e, aliases: [...e.aliases] })),
    sentences: annotation.sentences.map(({ start, end }) => ({ start, end })),
    messages: annotation.messages.map(messageJson),
  };
}

/** `claimlens analyze --format json`: a corpus. Schema: packages/core/schema/corpus.schema.json. */
export function corpusToJson(corpus: Corpus) {
  const humanEvents = new Set<string>();
  for (const annotation of corpus.annotations.values())
    for (const v of annotation.events) if (v.origin === 'human') humanEvents.add(v.id);
  return {
    version: jsonVersion,
    articles: corpus.articles.map(articleJson),
    entities: corpus.entities.map((e) => ({
      ...e,
      aliases: [...e.aliases],
      mentions: e.mentions.map(({ article, start, end, text, origin }) => ({
        article,
        start,
        end,
        text,
        origin: origin ?? 'machine',
      })),
    })),
    claims: corpus.claims.map((c) => claimJson(c, c.article)),
    events: corpus.events.map((v) => ({
      id: v.id,
      label: v.label,
      type: v.type,
      mentions: v.mentions.map(({ article, start, end, text, mention }) => ({
        article,
        start,
        end,
        text,
        mention,
        origin: humanEvents.has(mention) ? 'human' : 'machine',
      })),
      claims: [...v.claims],
      ...(v.reason ? { reason: v.reason } : {}),
    })),
    contradictions: corpus.contradictions.map((c) => ({ ...c, claims: [...c.claims] })),
    agreements: corpus.agreements.map((a) => ({ ...a, claims: [...a.claims] })),
    messages: corpus.messages.map(messageJson),
  };
}

/** The metadata of an article as the JSON contract gives it (no text). */
export function articleJson(article: ArticleMeta & { format?: string }) {
  return {
    id: article.id,
    path: article.path,
    outlet: article.outlet,
    title: article.title,
    date: article.date,
    url: article.url,
    author: article.author ?? null,
    ...(article.format === undefined ? {} : { format: article.format }),
    ...(article.provenance === undefined ? {} : { provenance: { ...article.provenance } }),
  };
}

/** A mention of the contract: its span, type, kind, entity id, and who made it. */
export function mentionJson(m: Mention) {
  return {
    start: m.start,
    end: m.end,
    text: m.text,
    type: m.type,
    kind: m.kind,
    entity: m.entity,
    origin: m.origin ?? 'machine',
  };
}

export function claimJson(claim: Claim | CorpusClaim, article?: string) {
  return {
    id: claim.id,
    ...(article === undefined ? {} : { article }),
    source: spanJson(claim.source, claim.origin),
    cue: spanJson(claim.cue, claim.origin),
    content: spanJson(claim.content, claim.origin) as Span,
    speaker: claim.speaker,
    stance: claim.stance,
    negated: claim.negated,
  };
}

export function eventMentionJson(event: EventMention) {
  return {
    id: event.id,
    trigger: spanJson(event.trigger, event.origin) as Span,
    type: event.type,
    lemma: event.lemma,
    arguments: argumentsJson(event),
    claims: [...event.claims],
  };
}

/** An event mention's arguments, their spans with who made them (the event word's maker). */
function argumentsJson(event: EventMention) {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.arguments))
    copy[key] = typeof value === 'object' && value !== null ? spanJson(value as Span, event.origin) : value;
  return copy as EventMention['arguments'];
}

/** A span of the contract: offsets, text, and who made it (`origin`, absent in the model for the machine). */
function spanJson(span: Span | null, origin: Origin = 'machine'): (Span & { origin: Origin }) | null {
  return span === null ? null : { start: span.start, end: span.end, text: span.text, origin };
}

function messageJson(message: Message) {
  return { ...message };
}

/**
 * Read claimlens JSON back (an `annotate` document, a corpus, or JSON Lines of articles) for `claimlens compare`.
 * `name` is the document id used for an `annotate` document. Throws `Expected …` for JSON of another shape.
 */
export function importJson(value: unknown, name = 'document'): ImportedCorpus {
  const corpus: ImportedCorpus = new Map();
  if (!isObject(value)) throw new TypeError(`Expected claimlens JSON (an object), not ${describeValue(value)}`);
  if (Array.isArray(value.articles)) {
    for (const a of value.articles) {
      if (isObject(a) && typeof a.id === 'string') corpus.set(a.id, { id: a.id, mentions: [], claims: [] });
    }
    const doc = (id: unknown): ImportedDocument | undefined => {
      if (typeof id !== 'string') return undefined;
      const found = corpus.get(id) ?? { id, mentions: [], claims: [] };
      corpus.set(id, found);
      return found;
    };
    for (const e of arrayOf(value.entities)) {
      for (const m of arrayOf(e.mentions)) {
        const span = readSpan(m);
        if (span)
          doc(m.article)?.mentions.push({
            ...span,
            type: String(e.type),
            kind: typeof e.kind === 'string' ? e.kind : null,
          });
      }
    }
    for (const c of arrayOf(value.claims)) {
      const claim = readClaim(c);
      if (claim) doc(c.article)?.claims.push(claim);
    }
    return corpus;
  }
  if (Array.isArray(value.mentions) || Array.isArray(value.claims)) {
    const document: ImportedDocument = { id: name, mentions: [], claims: [] };
    for (const m of arrayOf(value.mentions)) {
      const span = readSpan(m);
      if (span)
        document.mentions.push({
          ...span,
          type: String(m.type),
          kind: typeof m.kind === 'string' ? m.kind : null,
        } satisfies ImportedMention);
    }
    for (const c of arrayOf(value.claims)) {
      const claim = readClaim(c);
      if (claim) document.claims.push(claim);
    }
    corpus.set(name, document);
    return corpus;
  }
  throw new TypeError(
    'Expected claimlens JSON with "articles" (analyze) or "mentions"/"claims" (annotate), not an object without them',
  );
}

/** Read JSON Lines written by `claimlens analyze --format jsonl`. */
export function importJsonl(text: string): ImportedCorpus {
  const corpus: ImportedCorpus = new Map();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as unknown;
    if (!isObject(value) || !isObject(value.article) || typeof value.article.id !== 'string') {
      throw new TypeError('Expected each JSON line to have an "article" with an "id"');
    }
    for (const [id, document] of importJson(value, value.article.id)) corpus.set(id, document);
  }
  return corpus;
}

function readClaim(c: Record<string, unknown>): ImportedClaim | null {
  const content = readSpan(c.content);
  if (!content) return null;
  return {
    source: readSpan(c.source),
    cue: readSpan(c.cue),
    content,
    stance: typeof c.stance === 'string' ? c.stance : null,
  };
}

function readSpan(value: unknown): Span | null {
  if (!isObject(value) || typeof value.start !== 'number' || typeof value.end !== 'number') return null;
  return { start: value.start, end: value.end, text: typeof value.text === 'string' ? value.text : '' };
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}
