import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from './article.js';
import { blankRanges } from './boilerplate.js';
import { decodeText } from './decode.js';
import type { Message } from './message.js';
import {
  inferMetadata,
  type Metadata,
  type MetadataSource,
  mergeMetadata,
  pickMetadata,
  readFrontMatter,
} from './metadata.js';
import type { CorpusConfig } from './resolve/entities.js';

export interface ReadOptions {
  /** Largest file read, in bytes; the rest of a larger file is left out, with a warning. Default: `maxFileSize` from claimlens.json, else 10 MB. */
  maxFileSize?: number;
}

/** The workspace configuration, `claimlens.json` in a folder given to claimlens: see docs/json-contract.md. */
export interface WorkspaceConfig {
  /** Canonical name → other names of the same entity. */
  aliases?: Record<string, string[]>;
  /** Groups of names that are one entity. */
  merge?: string[][];
  /** Names that are never entities. */
  ignore?: string[];
  /** Globs (relative to the folder) of files to read; default: `**\/*.{txt,text,md,markdown,mdown}`. */
  include?: string[];
  /** Globs of files to leave out. */
  exclude?: string[];
  /** Largest file read, in bytes. */
  maxFileSize?: number;
  /** Path of an article relative to the folder → its metadata (outlet, title, date, url, author). */
  articles?: Record<string, Record<string, unknown>>;
}

export interface ReadResult {
  articles: Article[];
  /** Messages about paths that gave no article (unreadable, binary, duplicate) and about claimlens.json; an article's own messages are in its `messages`. */
  messages: Message[];
  /** The entity corrections of every claimlens.json found, merged. */
  config: CorpusConfig;
}

const articleExtensions = new Set(['.txt', '.text', '.md', '.markdown', '.mdown']);
const markdownExtensions = /\.(?:md|markdown|mdown|mkd|mdx)$/i;
const configName = 'claimlens.json';
/** Where the workspace configuration is looked for, in order (as `readCorpusConfig` does). */
const configNames = [configName, '.claimlens.json'];
const defaultMaxFileSize = 10_000_000;

interface Root {
  folder: string;
  config: WorkspaceConfig;
}

/**
 * Read the articles in files and folders (folders recursively: `.txt` and `.md` files, or what claimlens.json
 * includes). Nothing here throws for bad input: unreadable paths, broken links, link loops, binary files, broken
 * front matter and duplicates become messages, and the rest is read.
 */
export async function readCorpus(paths: readonly string[], options: ReadOptions = {}): Promise<ReadResult> {
  if (!Array.isArray(paths)) throw new TypeError(`Expected an array of paths, not ${typeof paths}`);
  const messages: Message[] = [];
  const files: { file: string; root: Root | null }[] = [];
  const roots = new Map<string, Root>();
  const visited = new Set<string>();
  for (const given of paths) {
    const root = await loadRoot(given, roots, messages);
    await collect(given, true, root, files, messages, visited);
  }
  const config = mergeConfigs([...roots.values()].map((r) => r.config));
  const maxFileSize = options.maxFileSize ?? config.maxFileSize ?? defaultMaxFileSize;
  const articles: Article[] = [];
  const ids = new Set<string>();
  const hashes = new Map<string, string>();
  const seenFiles = new Set<string>();
  for (const { file, root } of files) {
    const real = await realpath(file).catch(() => file);
    if (seenFiles.has(real)) continue;
    seenFiles.add(real);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      messages.push({
        code: 'read/unreadable',
        severity: 'error',
        reason: `Cannot read ${file}: ${describe(error)}.`,
        path: file,
      });
      continue;
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const first = hashes.get(hash);
    if (first !== undefined && bytes.length > 0) {
      messages.push({
        code: 'read/duplicate',
        severity: 'info',
        reason: `Same content as ${first}; counted once.`,
        path: file,
      });
      continue;
    }
    hashes.set(hash, file);
    const decoded = decodeText(bytes, maxFileSize);
    const fileMessages: Message[] = decoded.messages.map((m) => ({ ...m, path: file }));
    if (decoded.text === null) {
      messages.push(...fileMessages);
      continue;
    }
    const text = decoded.text;
    const format = markdownExtensions.test(file) ? 'markdown' : 'plaintext';
    const sources: { source: MetadataSource; found: Partial<Metadata> }[] = [];
    let prose = text;
    if (format === 'markdown') {
      const front = readFrontMatter(text);
      fileMessages.push(...front.messages.map((m) => ({ ...m, path: file })));
      sources.push({ source: 'front-matter', found: front.values });
      // What the text says is read from the text after the front matter, broken or not.
      if (front.range) prose = blankRanges(text, [front.range]);
    }
    const entry = root ? manifestEntry(root, file) : undefined;
    if (entry) sources.push({ source: 'manifest', found: pickMetadata(entry) });
    sources.push({ source: 'text', found: inferMetadata(prose, format).values });
    const { metadata, provenance } = mergeMetadata(sources);
    const base = path.basename(file).replace(/\.[^.]+$/, '') || path.basename(file);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    articles.push({
      id,
      path: file,
      outlet: metadata.outlet,
      title: metadata.title,
      date: metadata.date,
      url: metadata.url,
      author: metadata.author,
      provenance,
      text,
      format,
      messages: fileMessages,
    });
  }
  return { articles, messages, config };
}

/** Read claimlens.json (else .claimlens.json) from a folder given (or the folder of a file given), once per folder. */
async function loadRoot(given: string, roots: Map<string, Root>, messages: Message[]): Promise<Root | null> {
  const info = await stat(given).catch(() => null);
  if (!info) return null;
  const folder = path.resolve(info.isDirectory() ? given : path.dirname(given));
  const known = roots.get(folder);
  if (known) return known;
  let root: Root = { folder, config: {} };
  for (const name of configNames) {
    const file = path.join(folder, name);
    const raw = await readFile(file, 'utf8').catch(() => null);
    if (raw === null) continue;
    root = { folder, config: parseConfig(raw.replace(/^\uFEFF/, ''), file, messages) };
    break;
  }
  roots.set(folder, root);
  return root;
}

/** Validate a claimlens.json; each invalid field is reported and left out, the rest is kept. */
export function parseConfig(raw: string, file: string, messages: Message[]): WorkspaceConfig {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    messages.push({
      code: 'config/invalid',
      severity: 'error',
      reason: `${configName} is not valid JSON: ${(error as Error).message}`,
      path: file,
    });
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    messages.push({
      code: 'config/invalid',
      severity: 'error',
      reason: `Expected ${configName} to hold an object, not ${Array.isArray(data) ? 'an array' : typeof data}.`,
      path: file,
    });
    return {};
  }
  const config: WorkspaceConfig = {};
  const record = data as Record<string, unknown>;
  const invalid = (key: string, expected: string) =>
    messages.push({
      code: 'config/invalid',
      severity: 'warning',
      reason: `Expected "${key}" in ${configName} to be ${expected}; ignored.`,
      path: file,
    });
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  for (const [key, value] of Object.entries(record)) {
    if (key === '$schema' || key === 'version') continue;
    if (key === 'aliases') {
      if (isRecord(value) && Object.values(value).every(strings)) config.aliases = value as Record<string, string[]>;
      else invalid(key, 'an object of name → list of names');
    } else if (key === 'merge') {
      if (Array.isArray(value) && value.every(strings)) config.merge = value as string[][];
      else invalid(key, 'a list of lists of names');
    } else if (key === 'ignore' || key === 'include' || key === 'exclude') {
      if (strings(value)) config[key] = value;
      else invalid(key, 'a list of strings');
    } else if (key === 'maxFileSize') {
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) config.maxFileSize = value;
      else invalid(key, 'a positive whole number of bytes');
    } else if (key === 'articles') {
      if (isRecord(value) && Object.values(value).every(isRecord))
        config.articles = value as Record<string, Record<string, unknown>>;
      else invalid(key, 'an object of path → metadata object');
    } else {
      messages.push({
        code: 'config/invalid',
        severity: 'warning',
        reason: `Unknown key "${key}" in ${configName}; ignored.`,
        path: file,
      });
    }
  }
  return config;
}

function mergeConfigs(configs: WorkspaceConfig[]): CorpusConfig & { maxFileSize?: number } {
  const merged: CorpusConfig & { merge?: string[][]; maxFileSize?: number } = {};
  for (const c of configs) {
    if (c.aliases) merged.aliases = { ...merged.aliases, ...c.aliases };
    if (c.ignore) merged.ignore = [...(merged.ignore ?? []), ...c.ignore];
    if (c.merge) merged.merge = [...(merged.merge ?? []), ...c.merge];
    if (c.maxFileSize !== undefined)
      merged.maxFileSize = Math.min(c.maxFileSize, merged.maxFileSize ?? Number.POSITIVE_INFINITY);
  }
  return merged;
}

function manifestEntry(root: Root, file: string): Record<string, unknown> | undefined {
  const articles = root.config.articles;
  if (!articles) return undefined;
  const relative = path.relative(root.folder, path.resolve(file)).split(path.sep).join('/');
  return articles[relative] ?? articles[`./${relative}`] ?? articles[path.basename(file)];
}

async function collect(
  given: string,
  explicit: boolean,
  root: Root | null,
  files: { file: string; root: Root | null }[],
  messages: Message[],
  visited: Set<string>,
): Promise<void> {
  let link: Awaited<ReturnType<typeof lstat>>;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    link = await lstat(given);
  } catch (error) {
    messages.push({
      code: 'read/not-found',
      severity: 'error',
      reason: `Cannot read ${given}: ${describe(error)}.`,
      path: given,
    });
    return;
  }
  try {
    info = await stat(given);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      link.isSymbolicLink() && code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : describe(error);
    messages.push({
      code: link.isSymbolicLink() ? 'read/symlink-loop' : 'read/unreadable',
      severity: 'error',
      reason: `Cannot read ${given}: ${reason}.`,
      path: given,
    });
    return;
  }
  if (info.isDirectory()) {
    const real = await realpath(given).catch(() => path.resolve(given));
    if (visited.has(real)) {
      if (link.isSymbolicLink()) {
        messages.push({
          code: 'read/symlink-loop',
          severity: 'warning',
          reason: `Skipped ${given}: symbolic link to a folder already read (a loop).`,
          path: given,
        });
      }
      return;
    }
    visited.add(real);
    let entries: string[];
    try {
      entries = (await readdir(given)).sort();
    } catch (error) {
      messages.push({
        code: 'read/unreadable',
        severity: 'error',
        reason: `Cannot read ${given}: ${describe(error)}.`,
        path: given,
      });
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === 'node_modules' || entry === configName) continue;
      await collect(path.join(given, entry), false, root, files, messages, visited);
    }
  } else if (!info.isFile()) {
    // A pipe, socket or device would block or never end: report it rather than wait on it.
    if (explicit || selected(given, root)) {
      messages.push({
        code: 'read/unreadable',
        severity: 'error',
        reason: `Cannot read ${given}: not a regular file (${kindOf(info)}).`,
        path: given,
      });
    }
  } else if (explicit || selected(given, root)) {
    files.push({ file: given, root });
  }
}

function selected(file: string, root: Root | null): boolean {
  const relative = root
    ? path.relative(root.folder, path.resolve(file)).split(path.sep).join('/')
    : path.basename(file);
  const include = root?.config.include;
  const exclude = root?.config.exclude;
  const included = include
    ? include.some((g) => globToRegExp(g).test(relative))
    : articleExtensions.has(path.extname(file).toLowerCase());
  return included && !(exclude ?? []).some((g) => globToRegExp(g).test(relative));
}

/** A glob as a regular expression: `**` any folders, `*` any name part, `?` one character, `{a,b}` either. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',' && source.includes('(?:')) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:\\./)?${source}$`);
}

function kindOf(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return error instanceof Error ? error.message : String(error);
}
