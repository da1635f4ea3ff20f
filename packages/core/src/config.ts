import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from './message.js';
import { parseConfig } from './read.js';
import type { CorpusConfig } from './resolve/entities.js';

/** What `readCorpusConfig` found: the entity corrections, and messages about an invalid file. */
export interface CorpusConfigResult {
  config: CorpusConfig;
  /** `config/invalid` messages; empty when the file is valid or absent. */
  messages: Message[];
  /** The file read, or null when the folder has none. */
  file: string | null;
}

/** Names of the configuration file, in the order they are looked for. */
export const corpusConfigNames = ['claimlens.json', '.claimlens.json'] as const;

/**
 * Read the user's entity corrections (`aliases`, `merge`, `ignore`) from `claimlens.json`, else `.claimlens.json`,
 * in a corpus folder: see docs/configuration.md. Never throws for a bad file: invalid JSON or fields become
 * `config/invalid` messages and the valid fields are kept. A folder without either file gives `{}`.
 */
export async function readCorpusConfig(dir: string): Promise<CorpusConfigResult> {
  if (typeof dir !== 'string') throw new TypeError(`Expected a folder path, not ${typeof dir}`);
  for (const name of corpusConfigNames) {
    const file = path.join(dir, name);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const messages: Message[] = [];
    const parsed = parseConfig(raw.replace(/^\uFEFF/, ''), file, messages);
    const config: CorpusConfig = {};
    if (parsed.aliases) config.aliases = parsed.aliases;
    if (parsed.merge) config.merge = parsed.merge;
    if (parsed.ignore) config.ignore = parsed.ignore;
    return { config, messages, file };
  }
  return { config: {}, messages: [], file: null };
}
