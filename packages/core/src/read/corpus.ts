import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../article.js';
import type { Message, MessageCode } from '../message.js';
import { blankRanges } from './boilerplate.js';
import { type CorpusConfig, mergeConfigs, readWorkspaceConfig, type WorkspaceConfig } from './config.js';
import { decodeText } from './decode.js';
import { defaultMaxFileSize, fileSelector, formatOf, invalidGlob } from './files.js';
import {
  inferMetadata,
  type Metadata,
  type MetadataSource,
  mergeMetadata,
  pickMetadata,
  readFrontMatter,
} from './metadata.js';

export interface ReadOptions {
  /** Largest file read, in bytes; the rest of a larger file is left out, with a warning. Default: `maxFileSize` from claimlens.json, else 10 MB. */
  maxFileSize?: number;
  /**
   * Globs (relative to a folder given) that files found in it must also match to be read, on top of claimlens.json's
   * (the editor's `claimlens.files.include`); default: every file claimlens.json selects.
   */
  include?: readonly string[] | undefined;
  /** Globs of files found in a folder given to leave out, on top of claimlens.json's `exclude`. */
  exclude?: readonly string[] | undefined;
}

export interface ReadResult {
  articles: Article[];
  /** Messages about paths that gave no article (unreadable, binary, duplicate) and about claimlens.json; an article's own messages are in its `messages`. */
  messages: Message[];
  /** The entity corrections of every claimlens.json found, merged. */
  config: CorpusConfig;
}

interface Root {
  folder: string;
  config: WorkspaceConfig;
  /** Whether a path relative to the folder is read: claimlens.json's include and exclude, and the options'. */
  selected: (relativePath: string) => boolean;
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
  const extra = fileSelector({ include: options.include ?? ['**'], exclude: options.exclude }, (pattern, reason) =>
    messages.push(invalidGlob(pattern, reason, 'the files to include or exclude')),
  );
  for (const given of paths) {
    const root = await loadRoot(given, roots, messages, extra);
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
      messages.push(cannotRead('read/unreadable', file, describeFileError(error)));
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
    const format = formatOf(file);
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
async function loadRoot(
  given: string,
  roots: Map<string, Root>,
  messages: Message[],
  extra: (relativePath: string) => boolean,
): Promise<Root | null> {
  const info = await stat(given).catch(() => null);
  if (!info) return null;
  const folder = path.resolve(info.isDirectory() ? given : path.dirname(given));
  const known = roots.get(folder);
  if (known) return known;
  const { config, messages: found, file } = await readWorkspaceConfig(folder);
  messages.push(...found);
  const own = fileSelector(config, (pattern, reason) =>
    messages.push(
      invalidGlob(pattern, reason, `"include" or "exclude" of ${path.basename(file ?? '')}`, file ?? undefined),
    ),
  );
  const root: Root = { folder, config, selected: (relativePath) => own(relativePath) && extra(relativePath) };
  roots.set(folder, root);
  return root;
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
    messages.push(cannotRead('read/not-found', given, describeFileError(error)));
    return;
  }
  try {
    info = await stat(given);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      link.isSymbolicLink() && code === 'ENOENT'
        ? 'broken symbolic link (its target does not exist)'
        : describeFileError(error);
    messages.push(cannotRead(link.isSymbolicLink() ? 'read/symlink-loop' : 'read/unreadable', given, reason));
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
      messages.push(cannotRead('read/unreadable', given, describeFileError(error)));
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === 'node_modules' || entry === 'claimlens.json') continue;
      await collect(path.join(given, entry), false, root, files, messages, visited);
    }
  } else if (!info.isFile()) {
    // A pipe, socket or device would block or never end: report it rather than wait on it.
    if (explicit || selected(given, root)) {
      messages.push(cannotRead('read/unreadable', given, `not a regular file (${kindOf(info)})`));
    }
  } else if (explicit || selected(given, root)) {
    files.push({ file: given, root });
  }
}

function selected(file: string, root: Root | null): boolean {
  if (!root) return false;
  return root.selected(path.relative(root.folder, path.resolve(file)).split(path.sep).join('/'));
}

/** The error for a path that could not be read: "Cannot read PATH: why." */
function cannotRead(code: MessageCode, file: string, why: string): Message {
  return { code, severity: 'error', reason: `Cannot read ${file}: ${why}.`, path: file };
}

function kindOf(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** Why a file or folder could not be read, in words. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return error instanceof Error ? error.message : String(error);
}
