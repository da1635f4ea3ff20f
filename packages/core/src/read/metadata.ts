import { parse as parseYaml } from 'yaml';
import type { Message } from '../message.js';
import { findTimes, monthNumber } from '../time/find.js';
import { wordList } from '../words/words.js';

/** The metadata fields claimlens reads; each is null when nothing says it. */
export interface Metadata {
  outlet: string | null;
  title: string | null;
  date: string | null;
  url: string | null;
  author: string | null;
}

export type MetadataField = keyof Metadata;

/** Where a metadata value came from. */
export type MetadataSource = 'front-matter' | 'manifest' | 'text';

/** Metadata with, per field that has a value, where it came from and (for `text`) the span that says it. */
export interface FoundMetadata {
  values: Partial<Metadata>;
  evidence: Partial<Record<MetadataField, { source: MetadataSource; start?: number; end?: number }>>;
}

/** Front matter at the start of a Markdown text. */
export interface FrontMatter {
  /** Offsets of the block, fences included (for an unclosed block: up to the first blank line); null when there is none. */
  range: { start: number; end: number } | null;
  values: Partial<Metadata>;
  messages: Omit<Message, 'path'>[];
}

/** Names of outlets as data: used only to accept a weak signal (a trailing "— AFP"), never to invent one. */
export const knownOutlets: readonly string[] = wordList('outlets');
const outletKeys = new Set(knownOutlets.map((o) => o.toLowerCase()));

const emptyMetadata: Metadata = { outlet: null, title: null, date: null, url: null, author: null };

/** Keys accepted in front matter and manifests for each field, first found wins. */
const keys: Record<MetadataField, string[]> = {
  outlet: ['outlet', 'publisher', 'publication', 'source', 'site', 'site_name', 'siteName'],
  title: ['title', 'headline'],
  date: ['date', 'published', 'pubDate', 'published_at', 'datePublished'],
  url: ['url', 'link', 'canonical', 'canonical_url', 'canonicalUrl'],
  author: ['author', 'byline', 'authors'],
};

/**
 * Read the YAML front matter of a Markdown text (`---` fenced, at the very start). Broken front matter
 * (invalid YAML, no closing fence, not a mapping) gives a `markdown/front-matter` warning, never an error.
 */
export function readFrontMatter(text: string): FrontMatter {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return { range: null, values: {}, messages: [] };
  const close = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const end = close.exec(text);
  if (!end) {
    const blank = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/.exec(text);
    return {
      range: { start: 0, end: blank ? blank.index : text.length },
      values: {},
      messages: [
        frontMatterMessage(
          'The front matter opened by `---` on line 1 is never closed; expected a closing `---` line.',
          0,
          3,
        ),
      ],
    };
  }
  const range = { start: 0, end: end.index + end[0].length };
  const yaml = text.slice(open[0].length, end.index);
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const reason = ((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').replace(
      / at line \d+, column \d+:?\s*$|:\s*$/,
      '',
    );
    // The YAML parser counts from the start of the YAML; the message's place counts from the start of the text.
    const at = (error as { pos?: [number, number] }).pos;
    const start = at ? Math.min(open[0].length + at[0], range.end) : 0;
    return {
      range,
      values: {},
      messages: [
        frontMatterMessage(
          `The front matter is not valid YAML: ${reason}.`,
          start,
          Math.max(start, at ? Math.min(open[0].length + at[1], range.end) : range.end),
        ),
      ],
    };
  }
  if (data === null || data === undefined) return { range, values: {}, messages: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      range,
      values: {},
      messages: [
        frontMatterMessage(
          `Expected the front matter to be a mapping of keys to values, not ${Array.isArray(data) ? 'a list' : typeof data}.`,
          0,
          range.end,
        ),
      ],
    };
  }
  return { range, values: pickMetadata(data as Record<string, unknown>), messages: [] };
}

/** The metadata fields of a record (front matter or a manifest entry), by the accepted keys. */
export function pickMetadata(record: Record<string, unknown>): Partial<Metadata> {
  const values: Partial<Metadata> = {};
  for (const field of Object.keys(keys) as MetadataField[]) {
    for (const key of keys[field]) {
      const value = normaliseValue(record[key]);
      if (value === null) continue;
      values[field] = field === 'date' ? normaliseDate(value) : value;
      break;
    }
  }
  return values;
}

/**
 * Metadata that the text itself states: a wire dateline "(Reuters) -", a credit "— AFP" or "X and wire services",
 * "© 2014 Outlet" / "Copyright Outlet", "follow X's live updates", "Skip to more X sites", "Title:/Date:/URL:" header
 * lines, a line that is only a URL, a line that is only a date near the top, else a short dateline or time stamp
 * with a year among the first five lines, else the date in the page address's path, a byline "By X", and in
 * Markdown the first `# heading` as the title. Never guesses:
 * a field no pattern finds stays absent.
 */
export function inferMetadata(text: string, format: 'markdown' | 'plaintext' = 'plaintext'): FoundMetadata {
  const found: FoundMetadata = { values: {}, evidence: {} };
  const set = (field: MetadataField, value: string | null | undefined, start: number, end: number) => {
    const clean = value
      ?.trim()
      .replace(/\s+/g, ' ')
      .replace(/[.,;:]+$/, '');
    if (!clean || found.values[field] != null) return;
    found.values[field] = field === 'date' ? normaliseDate(clean) : clean;
    found.evidence[field] = { source: 'text', start, end };
  };
  const lines = splitLines(text);
  const head = lines.slice(0, 12);
  const tail = lines.slice(-8);

  for (const line of [...head, ...tail]) {
    const m =
      /^\s*(title|headline|date|published|posted|updated|url|link|source|outlet|publisher|author|byline)\s*:\s*(\S.*?)\s*$/i.exec(
        line.text,
      );
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? '';
    const field: MetadataField | undefined =
      key === 'title' || key === 'headline'
        ? 'title'
        : key === 'date' || key === 'published' || key === 'posted' || key === 'updated'
          ? 'date'
          : key === 'url' || key === 'link'
            ? 'url'
            : key === 'author' || key === 'byline'
              ? 'author'
              : /^https?:\/\//i.test(value)
                ? 'url'
                : 'outlet';
    if (field === 'date' && !looksLikeDate(value)) continue;
    set(field, value, line.start, line.end);
  }

  for (const line of lines) {
    const m = /^\s*(?:[A-Z][\p{L}.' -]{0,40}\s)?\(([\p{Lu}][\p{L}&.' -]{0,38})\)\s*[-–—]\s/u.exec(line.text);
    if (m && line.index < 5) set('outlet', m[1], line.start, line.end);
    const credit =
      /^\s*([\p{Lu}][\p{L}&.' -]{0,40}?)\s+(?:staff\s+)?and\s+(?:wire services|wires|agencies|news agencies)\.?\s*$/iu.exec(
        line.text,
      );
    if (credit && /^\p{Lu}/u.test(credit[1] ?? '')) set('outlet', credit[1], line.start, line.end);
    const copyright =
      /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?((?:the\s+)?[\p{Lu}][\p{L}&.' -]{0,40}?)(?:\.|,|\s+all rights reserved|\s*$)/iu.exec(
        line.text,
      );
    if (copyright && /^(?:the\s+)?\p{Lu}/u.test(copyright[1] ?? '') && line.text.length < 120)
      set('outlet', copyright[1], line.start, line.end);
    const live =
      /\b(?:read|follow|see|check out)\s+((?:the\s+)?[\p{Lu}][\p{L}&.-]*(?:\s+[\p{Lu}][\p{L}&.-]*){0,3})[’']s\s+live\s+(?:updates|blog|coverage)/u.exec(
        line.text,
      );
    if (live) set('outlet', live[1], line.start, line.end);
    const sites =
      /\b(?:more|other|all)\s+([\p{Lu}][\p{L}&.-]*(?:\s+[\p{Lu}][\p{L}&.-]*){0,2})\s+(?:sites|websites|services|apps)\b/u.exec(
        line.text,
      );
    if (sites && line.index < 10 && line.text.length < 80) set('outlet', sites[1], line.start, line.end);
  }
  for (const line of [...head, ...tail]) {
    const agency = /^\s*[-–—]\s*([\p{Lu}][\p{L}&.' -]{0,30}?)\s*$|[-–—]\s*([\p{Lu}][\p{L}&.' -]{0,30}?)\s*$/u.exec(
      line.text,
    );
    const name = agency?.[1] ?? agency?.[2];
    if (name && outletKeys.has(name.toLowerCase())) set('outlet', name, line.start, line.end);
  }
  for (const line of head) {
    const by =
      /^\s*By\s+([\p{Lu}][\p{L}.'-]+(?:\s+(?:[\p{Lu}][\p{L}.'-]+|de|van|von|al|bin))*?(?:\s+and\s+[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+)*)?)\s*(?:(?:,|\||for|[-–—])\s*(.*?))?\s*$/u.exec(
        line.text,
      );
    if (by && line.text.length < 120) {
      set('author', by[1], line.start, line.end);
      const rest = (by[2] ?? '').trim();
      if (rest && outletKeys.has(rest.toLowerCase())) set('outlet', rest, line.start, line.end);
    }
  }
  if (format === 'markdown') {
    const heading = head.find((line) => /^\s{0,3}#\s+\S/.test(line.text));
    if (heading) set('title', heading.text.replace(/^\s{0,3}#\s+|\s+#+\s*$/g, ''), heading.start, heading.end);
  }
  for (const line of [...head, ...tail]) {
    if (/^\s*<?https?:\/\/\S+?>?\s*$/.test(line.text))
      set('url', line.text.trim().replace(/^<|>$/g, ''), line.start, line.end);
  }
  for (const line of head) {
    if (looksLikeDate(line.text) && line.text.trim().length <= 40 && /\d{4}/.test(line.text))
      set('date', line.text, line.start, line.end);
  }
  // A dateline or time stamp among the first lines ("TNN Nov 12, 2011, 05.51AM IST MUMBAI:", "Published on:
  // Fri, 11 Nov 2011 at 09:56 IST"): a short line that gives a date with its year.
  for (const line of head.slice(0, 5)) {
    const date = line.text.length <= 80 ? fullDate(line.text) : undefined;
    if (date) set('date', date.value, line.start, line.end);
  }
  for (const line of head) {
    const date = /^\s*<?https?:\/\/\S+?>?\s*$/.test(line.text) ? dateInUrl(line.text) : null;
    if (date) set('date', date, line.start, line.end);
  }
  return found;
}

/** Combine metadata from the sources in order of precedence: front matter, then the manifest, then the text. */
export function mergeMetadata(sources: { source: MetadataSource; found: FoundMetadata | Partial<Metadata> }[]): {
  metadata: Metadata;
  provenance: Partial<Record<MetadataField, MetadataSource>>;
} {
  const metadata: Metadata = { ...emptyMetadata };
  const provenance: Partial<Record<MetadataField, MetadataSource>> = {};
  for (const { source, found } of sources) {
    const values =
      'values' in found && typeof found.values === 'object'
        ? (found.values as Partial<Metadata>)
        : (found as Partial<Metadata>);
    for (const field of Object.keys(emptyMetadata) as MetadataField[]) {
      const value = values[field];
      if (metadata[field] === null && typeof value === 'string' && value.length > 0) {
        metadata[field] = value;
        provenance[field] = source;
      }
    }
  }
  return { metadata, provenance };
}

/** The first date with its year (`2014-08-05`) a text writes, by the one time reader. */
function fullDate(text: string): { start: number; value: string } | undefined {
  return findTimes(text).find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.value));
}

/** A value that is a date: ISO (with a time), or a written date with its year, after at most a weekday. */
function looksLikeDate(value: string): boolean {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return true;
  const date = fullDate(v);
  return !!date && /^(?:\p{L}{3,9}\.?,?\s+)?$/u.test(v.slice(0, date.start));
}

/** `2014-08-05` for dates written in a recognised form; other strings unchanged. */
export function normaliseDate(value: string): string {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return fullDate(v)?.value ?? v;
}

/** The date a page address carries in its path (`/2013/08/02/`, `/2011-11-12/`, `/2013/aug/02/`). */
function dateInUrl(url: string): string | null {
  const m = /\/((?:19|20)\d\d)[/-](\d{1,2}|[a-z]{3})[/-](\d{1,2})(?=[/._-])/i.exec(url);
  if (!m) return null;
  const month = /^\d/.test(m[2] ?? '') ? Number(m[2]) : monthNumber(m[2] ?? '');
  const pad = (n: number | string) => String(n).padStart(2, '0');
  return findTimes(`${m[1]}-${pad(month)}-${pad(m[3] ?? '')}`)[0]?.value ?? null;
}

function normaliseValue(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(normaliseValue).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (value && typeof value === 'object' && 'name' in value) return normaliseValue((value as { name: unknown }).name);
  return null;
}

function splitLines(text: string): { text: string; start: number; end: number; index: number }[] {
  const lines: { text: string; start: number; end: number; index: number }[] = [];
  const pattern = /[^\r\n]*/g;
  let index = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].trim().length > 0) lines.push({ text: m[0], start: m.index, end: m.index + m[0].length, index: index++ });
    pattern.lastIndex = m.index + m[0].length + (text.startsWith('\r\n', m.index + m[0].length) ? 2 : 1);
    if (pattern.lastIndex > text.length) break;
  }
  return lines;
}

function frontMatterMessage(reason: string, start: number, end: number): Omit<Message, 'path'> {
  return { code: 'markdown/front-matter', severity: 'warning', reason, start, end };
}
