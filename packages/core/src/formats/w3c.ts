import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { anchorTarget, quoteTarget } from '../annotations/anchor.js';
import type { ArticleMeta } from '../article.js';
import type { Span } from '../span.js';
import type { BratInput } from './brat.js';
import type { ImportedClaim, ImportedCorpus, ImportedDocument } from './imported.js';
import { offsetConverter } from './offsets.js';

/** One article for the W3C export: its metadata, its text, and what was found in it. */
export interface W3CItem {
  article: ArticleMeta;
  text: string;
  annotation: BratInput;
}

export const w3cContext = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    claimlens: 'urn:claimlens:vocab#',
    article: 'claimlens:article',
    role: 'claimlens:role',
    negated: 'claimlens:negated',
    origin: 'claimlens:origin',
  },
] as const;

/**
 * W3C Web Annotation (JSON-LD) for articles: an `AnnotationCollection` whose page holds one annotation per entity
 * mention (motivation `identifying`; bodies: the entity id, `classifying` the type, `tagging` the kind) and one per
 * claim (motivation `classifying`, body `claim`, `tagging` the stance; one target per part with `role` source, cue or
 * content). Each target has a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` whose
 * offsets count Unicode code points, as the W3C model requires. The target `source` is the article's URL when
 * known, else a file URL of its path; `article` (claimlens vocabulary) is its id. An annotation a person made or
 * confirmed (docs/annotations.md) has `origin: "human"`.
 */
export function toW3C(items: readonly W3CItem[], id = 'urn:claimlens:annotations') {
  const annotations: Record<string, unknown>[] = [];
  for (const { article, text, annotation } of items) {
    const convert = offsetConverter(text);
    const source = article.url ?? pathToFileURL(path.resolve(article.path)).href;
    const target = (span: Span, role?: string) => {
      const { exact, prefix, suffix } = quoteTarget(text, span.start, span.end);
      return {
        source,
        article: article.id,
        ...(role ? { role } : {}),
        selector: [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start: convert.toCodePoint(span.start), end: convert.toCodePoint(span.end) },
        ],
      };
    };
    annotation.mentions.forEach((m, i) => {
      annotations.push({
        id: `urn:claimlens:${encodeURIComponent(article.id)}:mention:${i + 1}`,
        type: 'Annotation',
        motivation: 'identifying',
        body: [
          ...(m.entity ? [{ type: 'TextualBody', purpose: 'identifying', value: m.entity }] : []),
          { type: 'TextualBody', purpose: 'classifying', value: m.type },
          ...(m.kind ? [{ type: 'TextualBody', purpose: 'tagging', value: m.kind }] : []),
        ],
        ...(m.origin === 'human' ? { origin: 'human' } : {}),
        target: target(m),
      });
    });
    annotation.claims.forEach((c, i) => {
      annotations.push({
        id: `urn:claimlens:${encodeURIComponent(article.id)}:claim:${encodeURIComponent(c.id ?? String(i + 1))}`,
        type: 'Annotation',
        motivation: 'classifying',
        body: [
          { type: 'TextualBody', purpose: 'classifying', value: 'claim' },
          ...(c.stance ? [{ type: 'TextualBody', purpose: 'tagging', value: c.stance }] : []),
        ],
        ...(c.negated ? { negated: true } : {}),
        ...(c.origin === 'human' ? { origin: 'human' } : {}),
        target: [
          ...(c.source ? [target(c.source, 'source')] : []),
          ...(c.cue ? [target(c.cue, 'cue')] : []),
          target(c.content, 'content'),
        ],
      });
    });
  }
  return {
    '@context': w3cContext,
    id,
    type: 'AnnotationCollection',
    label: 'claimlens: entity mentions and claims',
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}

/**
 * Read W3C Web Annotations (a collection, a page, a list, or one annotation) written by `toW3C` or by another tool
 * that follows the same conventions. Positions come from the `TextPositionSelector` (code points, converted to UTF-16
 * with `texts` when the article's text is given), else from the `TextQuoteSelector` found in the text.
 */
export function parseW3C(value: unknown, texts: ReadonlyMap<string, string> = new Map()): ImportedCorpus {
  const corpus: ImportedCorpus = new Map();
  const list = annotationList(value);
  for (const item of list) {
    if (!isObject(item)) continue;
    const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(isObject);
    const purpose = (p: string) =>
      bodies.find((b) => b.purpose === p && typeof b.value === 'string')?.value as string | undefined;
    const targets = (Array.isArray(item.target) ? item.target : [item.target]).filter(isObject);
    const first = targets[0];
    if (!first) continue;
    const articleId = articleOf(first);
    const document: ImportedDocument = corpus.get(articleId) ?? { id: articleId, mentions: [], claims: [] };
    corpus.set(articleId, document);
    const text = texts.get(articleId);
    if (purpose('classifying') === 'claim') {
      const byRole = new Map<string, Span>();
      for (const t of targets) {
        const span = readTarget(t, text);
        if (span && typeof t.role === 'string') byRole.set(t.role, span);
      }
      const content = byRole.get('content');
      if (!content) continue;
      const claim: ImportedClaim = {
        source: byRole.get('source') ?? null,
        cue: byRole.get('cue') ?? null,
        content,
        stance: purpose('tagging') ?? null,
      };
      document.claims.push(claim);
    } else {
      const span = readTarget(first, text);
      if (span)
        document.mentions.push({ ...span, type: purpose('classifying') ?? 'entity', kind: purpose('tagging') ?? null });
    }
  }
  return corpus;
}

function readTarget(target: Record<string, unknown>, text: string | undefined): Span | null {
  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(isObject);
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const exact = typeof quote?.exact === 'string' ? quote.exact : undefined;
  let near = 0;
  if (position && typeof position.start === 'number' && typeof position.end === 'number') {
    if (text === undefined) return { start: position.start, end: position.end, text: exact ?? '' };
    const convert = offsetConverter(text);
    const start = convert.toUtf16(position.start);
    const end = convert.toUtf16(position.end);
    // The position holds while it still selects the quoted words; after an edit the quote finds them again.
    if (start <= end && end <= text.length && (!exact || text.slice(start, end) === exact))
      return { start, end, text: text.slice(start, end) };
    near = start;
  }
  if (text !== undefined && exact) {
    const prefix = typeof quote?.prefix === 'string' ? quote.prefix : '';
    const suffix = typeof quote?.suffix === 'string' ? quote.suffix : '';
    const at = anchorTarget(text, { exact, prefix, suffix, start: near, end: near + exact.length });
    if (at) return { start: at.start, end: at.end, text: text.slice(at.start, at.end) };
  }
  return null;
}

function annotationList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value))
    throw new TypeError(`Expected W3C Web Annotation JSON, not ${value === null ? 'null' : typeof value}`);
  if (value.type === 'AnnotationCollection' && isObject(value.first)) return annotationList(value.first);
  if (Array.isArray(value.items)) return value.items;
  if (value.type === 'Annotation') return [value];
  throw new TypeError(
    'Expected a W3C AnnotationCollection, AnnotationPage or Annotation, not an object of another type',
  );
}

function articleOf(target: Record<string, unknown>): string {
  if (typeof target.article === 'string') return target.article;
  const source =
    typeof target.source === 'string' ? target.source : typeof target.id === 'string' ? target.id : 'document';
  return path.basename(source.replace(/[?#].*$/, '')).replace(/\.[^.]+$/, '') || 'document';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
