import { randomUUID } from 'node:crypto';
import { getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { offsetConverter } from '../formats/offsets.js';
import type { Message } from '../message.js';
import { quoteTarget } from './anchor.js';
import {
  actorKinds,
  type HumanAnnotation,
  type HumanTag,
  humanTags,
  placeKinds,
  type QuoteTarget,
  stances,
} from './model.js';

export const annotationContext = [
  'http://www.w3.org/ns/anno.jsonld',
  { claimlens: 'urn:claimlens:vocab#', role: 'claimlens:role' },
] as const;

/** What `parseAnnotationFile` read: the valid annotations, and a message for each thing wrong. */
export interface ParsedAnnotations {
  annotations: HumanAnnotation[];
  messages: Message[];
}

export interface ParseAnnotationOptions {
  /** The annotations file, for messages. */
  file: string;
  /** The article's path relative to the folder holding `.claimlens` (POSIX separators): every target's source. */
  source: string;
  /** The article's text, to turn code-point positions into UTF-16 offsets; without it they are taken as they are. */
  text?: string;
}

/**
 * Read an annotations file (a W3C `AnnotationCollection`, see docs/annotations.md). Never throws for bad input:
 * broken JSON, an item of the wrong shape, an unknown tag or kind, and a target whose source is not the article
 * (another file, a path with `..`, an absolute path, a URL) each give an `annotations/invalid` message with the
 * file and line, and every valid annotation is still read.
 */
export function parseAnnotationFile(raw: string, options: ParseAnnotationOptions): ParsedAnnotations {
  const { file, source } = options;
  const messages: Message[] = [];
  const text = raw.replace(/^\uFEFF/, '');
  const lineOf = (offset: number) => (text.slice(0, offset).match(/\n/g)?.length ?? 0) + 1;
  const report = (offset: number, reason: string) =>
    messages.push({ code: 'annotations/invalid', severity: 'error', reason, path: file, line: lineOf(offset) });
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const e of errors.slice(0, 5))
    report(e.offset, `Not valid JSON: ${describeError(printParseErrorCode(e.error))}.`);
  if (!root) return { annotations: [], messages };
  if (root.type !== 'object') {
    report(root.offset, `Expected an AnnotationCollection object, not ${describeNode(root)}.`);
    return { annotations: [], messages };
  }
  const items = property(root, 'items') ?? property(property(root, 'first'), 'items');
  if (items?.type !== 'array') {
    report(root.offset, 'Expected "items": a list of annotations.');
    return { annotations: [], messages };
  }
  const convert = options.text === undefined ? null : offsetConverter(options.text);
  const annotations: HumanAnnotation[] = [];
  const ids = new Set<string>();
  for (const [index, node] of (items.children ?? []).entries()) {
    const read = readAnnotation(node, source, convert, ids);
    if ('reason' in read) report((read.at ?? node).offset, `Annotation ${index + 1}: ${read.reason}`);
    else {
      ids.add(read.id);
      annotations.push(read);
    }
  }
  return { annotations, messages };
}

/** One item of the file as an annotation, or where and why it is not one. */
function readAnnotation(
  node: Node,
  source: string,
  convert: ReturnType<typeof offsetConverter> | null,
  ids: ReadonlySet<string>,
): HumanAnnotation | { at: Node | undefined; reason: string } {
  const problem = (at: Node | undefined, reason: string) => ({ at, reason });
  if (node.type !== 'object') return problem(node, `expected an object, not ${describeNode(node)}; ignored.`);
  const value = getNodeValue(node) as Record<string, unknown>;
  const id = typeof value.id === 'string' && value.id !== '' ? value.id : `urn:uuid:${randomUUID()}`;
  if (ids.has(id)) return problem(property(node, 'id'), `the id ${id} is used twice; ignored.`);
  const bodies = (Array.isArray(value.body) ? value.body : value.body === undefined ? [] : [value.body]).filter(
    isObject,
  );
  const bodyValue = (purpose: string) =>
    bodies.find((b) => b.purpose === purpose && b.type !== 'SpecificResource')?.value;
  const tag = bodyValue('tagging');
  if (!humanTags.includes(tag as HumanTag))
    return problem(
      property(node, 'body'),
      `expected a tagging body with value ${humanTags.map((t) => `"${t}"`).join(', ')}, not ${JSON.stringify(tag ?? null)}; ignored.`,
    );
  const targetNode = property(node, 'target');
  const target = readTarget(value.target, source, convert);
  if (typeof target === 'string') return problem(targetNode, `${target}; ignored.`);
  const annotation: HumanAnnotation = {
    id,
    creator: creatorName(value.creator),
    created: typeof value.created === 'string' ? value.created : '',
    tag: tag as HumanTag,
    target,
  };
  const classifying = bodyValue('classifying');
  if (tag === 'actor' || tag === 'place') {
    const kinds: readonly string[] = tag === 'actor' ? actorKinds : placeKinds;
    if (classifying !== undefined) {
      if (!kinds.includes(classifying as string))
        return problem(
          property(node, 'body'),
          `expected an ${tag}'s kind to be one of ${kinds.join(', ')}, not ${JSON.stringify(classifying)}; ignored.`,
        );
      annotation.kind = classifying as HumanAnnotation['kind'] & string;
    }
    const entity = bodyValue('identifying');
    if (typeof entity === 'string' && entity.trim() !== '') annotation.entity = entity.trim();
  } else if (tag === 'claim') {
    if (classifying !== undefined) {
      if (!stances.includes(classifying as (typeof stances)[number]))
        return problem(
          property(node, 'body'),
          `expected a claim's stance to be one of ${stances.join(', ')}, not ${JSON.stringify(classifying)}; ignored.`,
        );
      annotation.stance = classifying as (typeof stances)[number];
    }
    for (const body of bodies) {
      if (body.type !== 'SpecificResource' || (body.role !== 'source' && body.role !== 'cue')) continue;
      const part = readTarget(body, source, convert);
      if (typeof part === 'string')
        return problem(property(node, 'body'), `the claim's ${body.role}: ${part}; ignored.`);
      annotation[body.role] = part;
    }
  } else if (tag === 'event' && typeof classifying === 'string') annotation.eventType = classifying;
  if (bodyValue('assessing') === 'accepted') annotation.accepted = true;
  return annotation;
}

/**
 * The annotations file of an article: readable and diff-friendly. Keys in a fixed order, one annotation per item,
 * sorted by start, then end, then id; positions in code points as W3C counts them.
 */
export function formatAnnotationFile(source: string, annotations: readonly HumanAnnotation[], text?: string): string {
  const convert = text === undefined ? null : offsetConverter(text);
  const selectors = (t: QuoteTarget) => [
    { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
    {
      type: 'TextPositionSelector',
      start: convert ? convert.toCodePoint(t.start) : t.start,
      end: convert ? convert.toCodePoint(t.end) : t.end,
    },
  ];
  const sorted = [...annotations].sort(
    (a, b) =>
      a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const items = sorted.map((a) => {
    const textual = (purpose: string, value: string) => ({ type: 'TextualBody', purpose, value });
    const body: Record<string, unknown>[] = [textual('tagging', a.tag)];
    const classifying = a.kind ?? a.stance ?? a.eventType;
    if (classifying !== undefined) body.push(textual('classifying', classifying));
    if (a.entity !== undefined) body.push(textual('identifying', a.entity));
    if (a.accepted) body.push(textual('assessing', 'accepted'));
    for (const role of ['source', 'cue'] as const) {
      const part = a[role];
      if (part) body.push({ type: 'SpecificResource', purpose: 'describing', role, source, selector: selectors(part) });
    }
    return {
      id: a.id,
      type: 'Annotation',
      motivation: 'tagging',
      creator: { type: 'Person', name: a.creator },
      created: a.created,
      body,
      target: { source, selector: selectors(a.target) },
    };
  });
  const collection = {
    '@context': annotationContext,
    type: 'AnnotationCollection',
    label: `claimlens annotations of ${source}`,
    total: items.length,
    items,
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** A new human annotation of `start..end` in the text. */
export function newAnnotation(
  text: string,
  start: number,
  end: number,
  fields: Omit<HumanAnnotation, 'id' | 'created' | 'target'> & { created?: string },
): HumanAnnotation {
  return {
    id: `urn:uuid:${randomUUID()}`,
    ...fields,
    created: fields.created ?? new Date().toISOString(),
    target: quoteTarget(text, start, end),
  };
}

/** A target read from W3C JSON, or why it cannot be read. */
function readTarget(
  value: unknown,
  source: string,
  convert: ReturnType<typeof offsetConverter> | null,
): QuoteTarget | string {
  if (!isObject(value)) return 'expected a target object with "source" and "selector"';
  const given = value.source;
  if (typeof given !== 'string') return 'expected the target to have a "source" (the article\'s path)';
  const outside = outsideReason(given);
  if (outside) return `the target source "${given}" is refused: ${outside}`;
  if (normalise(given) !== source)
    return `the target source "${given}" is not this file's article "${source}" (the file is named after its article)`;
  const selectors = (Array.isArray(value.selector) ? value.selector : [value.selector]).filter(isObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '')
    return 'expected a TextQuoteSelector with the quoted words in "exact"';
  const hasPosition = position && Number.isInteger(position.start) && Number.isInteger(position.end);
  const start = hasPosition ? (position.start as number) : -1;
  const end = hasPosition ? (position.end as number) : -1;
  return {
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    start: convert && start >= 0 ? convert.toUtf16(start) : start,
    end: convert && end >= 0 ? convert.toUtf16(end) : end,
  };
}

/** Why a target source points outside the folder, or null when it is a plain relative path inside it. */
export function outsideReason(source: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source))
    return 'it is a URL or link, not a path inside the folder';
  if (/^([\\/]|[a-z]:[\\/])/i.test(source)) return 'it is an absolute path, not a path inside the folder';
  if (normalise(source).split('/').includes('..')) return 'it leads out of the folder ("..")';
  return null;
}

/** A relative path with `/` separators and no `.` parts. */
function normalise(source: string): string {
  return source
    .split(/[\\/]+/)
    .filter((part) => part !== '.' && part !== '')
    .join('/');
}

function property(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const child of node.children ?? []) {
    const [name, value] = child.children ?? [];
    if (name?.value === key) return value;
  }
  return undefined;
}

function creatorName(creator: unknown): string {
  if (typeof creator === 'string') return creator;
  if (isObject(creator)) {
    for (const key of ['name', 'nickname', 'id']) if (typeof creator[key] === 'string') return creator[key] as string;
  }
  return 'unknown';
}

function describeNode(node: Node): string {
  return node.type === 'array' ? 'a list' : node.type === 'object' ? 'an object' : `a ${node.type}`;
}

function describeError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
