import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { DocumentAnnotation } from './document.js';

export interface AnnotationCacheOptions {
  /** The folder the entries live in; default: `annotations` in `defaultCacheFolder()`. */
  folder?: string;
  /** Most bytes of entries kept; the least recently used go first. Default: 1 GiB. */
  maxBytes?: number;
}

/** What the first line of every entry says, before its JSON. */
interface EntryHeader {
  cache: EntryKind;
  version: typeof entryVersion;
  key: string;
  sha256: string;
}

/** What an entry holds: an article's annotation, or the event grouping of one sub-topic's mentions. */
type EntryKind = 'claimlens-annotation' | 'claimlens-grouping';
const entryVersion = 1;
const defaultMaxBytes = 1024 ** 3;

/**
 * Annotations on disk by key (the caller's hash of the text and of everything that shapes its annotation), so a
 * text annotated once is not annotated again by the CLI or the editor; beside them, in the same folder and bound,
 * event groupings by key (a hash of everything one sub-topic's grouping read), so that a corpus build regroups only
 * the sub-topics that changed. An entry that does not parse, was cut short, is of another kind, names another key
 * or whose content does not match its checksum is a miss, never trusted; the next `set` rewrites it. Reading an
 * entry marks it used; past `maxBytes` the least recently used entries are removed. Failing to read or write the
 * folder only makes the cache miss: it is a speed-up, nothing depends on it.
 */
export class AnnotationCache {
  readonly folder: string;
  readonly maxBytes: number;
  /** Bytes of entries in the folder as last counted plus what this process wrote since; unknown until the first write. */
  #bytes: number | undefined;
  /** Last time stamp given to an entry, so that entries used one after another are ordered even within a millisecond. */
  #lastUse = 0;

  constructor(options: AnnotationCacheOptions = {}) {
    this.folder = options.folder ?? path.join(defaultCacheFolder(), 'annotations');
    this.maxBytes = options.maxBytes ?? defaultMaxBytes;
    if (!(this.maxBytes > 0)) throw new RangeError(`Expected maxBytes to be a positive number, not ${this.maxBytes}`);
  }

  /** The annotation stored under `key`, or undefined when there is none or the entry is not to be trusted. */
  get(key: string): DocumentAnnotation | undefined {
    return this.#read(key, 'claimlens-annotation', isAnnotation);
  }

  /** Store the annotation's JSON text under `key` (replacing what was there), then evict if over the bound. */
  set(key: string, annotationJson: string): void {
    this.#write(key, 'claimlens-annotation', annotationJson);
  }

  /**
   * The event grouping stored under `key` (per mention, the index of the mention its event is named after), or
   * undefined when there is none or the entry is not to be trusted.
   */
  getGrouping(key: string): number[] | undefined {
    return this.#read(key, 'claimlens-grouping', isGrouping);
  }

  /** Store an event grouping under `key`, then evict if over the bound. */
  setGrouping(key: string, grouping: readonly number[]): void {
    this.#write(key, 'claimlens-grouping', JSON.stringify(grouping));
  }

  #read<T>(key: string, kind: EntryKind, valid: (value: unknown) => value is T): T | undefined {
    const file = this.#file(key);
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const value = parseEntry(content, kind, key);
    if (!valid(value)) return undefined;
    this.#touch(file);
    return value;
  }

  #write(key: string, kind: EntryKind, json: string): void {
    const file = this.#file(key);
    const header: EntryHeader = { cache: kind, version: entryVersion, key, sha256: sha256(json) };
    const content = `${JSON.stringify(header)}\n${json}`;
    // Written beside and renamed into place, so that another process never reads half an entry.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
    try {
      mkdirSync(this.folder, { recursive: true });
      if (this.#bytes === undefined) this.#bytes = this.#entries().reduce((sum, e) => sum + e.size, 0);
      writeFileSync(partial, content);
      renameSync(partial, file);
      this.#touch(file);
    } catch {
      removeQuietly(partial);
      return;
    }
    this.#bytes += Buffer.byteLength(content);
    if (this.#bytes > this.maxBytes) this.prune();
  }

  /** Remove the least recently used entries until the rest fit in `maxBytes`. */
  prune(): void {
    const entries = this.#entries().sort((a, b) => a.used - b.used);
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    for (const entry of entries) {
      if (total <= this.maxBytes) break;
      removeQuietly(entry.file);
      total -= entry.size;
    }
    this.#bytes = total;
  }

  /** Remove every entry; returns how many there were. */
  clear(): number {
    const entries = this.#entries();
    for (const entry of entries) removeQuietly(entry.file);
    this.#bytes = 0;
    return entries.length;
  }

  #file(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new TypeError(`Expected a SHA-256 hex key, not "${key}"`);
    return path.join(this.folder, `${key}.json`);
  }

  /** Mark an entry used now. */
  #touch(file: string): void {
    this.#lastUse = Math.max(Date.now(), this.#lastUse + 1);
    const when = new Date(this.#lastUse);
    try {
      utimesSync(file, when, when);
    } catch {
      // Another process removed it; it is simply no longer cached.
    }
  }

  /** The entries in the folder with their size and when each was last used (its modification time). */
  #entries(): { file: string; size: number; used: number }[] {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return [];
    }
    const entries: { file: string; size: number; used: number }[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(this.folder, name);
      try {
        const stats = statSync(file);
        entries.push({ file, size: stats.size, used: stats.mtimeMs });
      } catch {
        // Removed meanwhile.
      }
    }
    return entries;
  }
}

/**
 * The user's cache folder for claimlens: `$XDG_CACHE_HOME/claimlens` when that is set, else the platform's
 * (`~/Library/Caches/claimlens` on macOS, `%LOCALAPPDATA%\claimlens\Cache` on Windows, `~/.cache/claimlens`).
 */
export function defaultCacheFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'claimlens');
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Caches', 'claimlens');
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'), 'claimlens', 'Cache');
  return path.join(homedir(), '.cache', 'claimlens');
}

/** The JSON value in an entry's text, if the entry is whole and is of `kind` for `key`; undefined otherwise. */
function parseEntry(content: string, kind: EntryKind, key: string): unknown {
  const newline = content.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(content.slice(0, newline)) as Partial<EntryHeader> | null;
    if (header?.cache !== kind || header.version !== entryVersion || header.key !== key) return undefined;
    const json = content.slice(newline + 1);
    if (header.sha256 !== sha256(json)) return undefined;
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function isAnnotation(value: unknown): value is DocumentAnnotation {
  if (typeof value !== 'object' || value === null) return false;
  const parts = ['mentions', 'entities', 'claims', 'events', 'sentences', 'messages'] as const;
  return parts.every((part) => Array.isArray((value as Partial<DocumentAnnotation>)[part]));
}

/** A grouping: per mention, the index of a mention of the same list. */
function isGrouping(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((g) => Number.isInteger(g) && g >= 0 && g < value.length);
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Not there, or not ours to remove: either way there is nothing more to do.
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
