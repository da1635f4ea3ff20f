import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from './article.js';
import { decodeText } from './decode.js';
import type { Message } from './message.js';
import type { CorpusConfig } from './resolve/entities.js';

export interface ReadOptions {
  /** Largest file read, in bytes; the rest of a larger file is left out, with a warning. Default: 10 MB. */
  maxFileSize?: number;
}

export interface ReadResult {
  articles: Article[];
  messages: Message[];
  config: CorpusConfig;
}

const articleExtensions = new Set(['.txt', '.text', '.md', '.markdown', '.mdown']);

/** Read the articles in files and folders (folders recursively: `.txt` and `.md` files). */
export async function readCorpus(paths: readonly string[], options: ReadOptions = {}): Promise<ReadResult> {
  const maxFileSize = options.maxFileSize ?? 10_000_000;
  const messages: Message[] = [];
  const files: string[] = [];
  for (const given of paths) await collect(given, true, files, messages);
  const articles: Article[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      messages.push({ code: 'read/unreadable', severity: 'error', reason: `Cannot read ${file}: ${describe(error)}`, path: file });
      continue;
    }
    const decoded = decodeText(bytes, maxFileSize);
    for (const m of decoded.messages) messages.push({ ...m, path: file });
    if (decoded.text === null) continue;
    let id = path.basename(file).replace(/\.[^.]+$/, '');
    for (let n = 2; ids.has(id); n++) id = `${path.basename(file).replace(/\.[^.]+$/, '')}-${n}`;
    ids.add(id);
    const format = /\.(md|markdown|mdown)$/i.test(file) ? 'markdown' : 'plaintext';
    articles.push({
      id,
      path: file,
      outlet: null,
      title: null,
      date: null,
      url: null,
      text: decoded.text,
      format,
      messages: decoded.messages.map((m) => ({ ...m, path: file })),
    });
  }
  return { articles, messages, config: {} };
}

async function collect(given: string, explicit: boolean, files: string[], messages: Message[]): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(given);
  } catch (error) {
    messages.push({ code: 'read/not-found', severity: 'error', reason: `Cannot read ${given}: ${describe(error)}`, path: given });
    return;
  }
  if (info.isDirectory()) {
    const entries = (await readdir(given)).sort();
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === 'node_modules') continue;
      await collect(path.join(given, entry), false, files, messages);
    }
  } else if (explicit || articleExtensions.has(path.extname(given).toLowerCase())) {
    files.push(given);
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
