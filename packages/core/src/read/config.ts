import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../message.js';

/** The user's entity corrections, from `claimlens.json`: see docs/configuration.md. */
export interface CorpusConfig {
  /** Canonical name → other names of the same entity; all are merged and the canonical name is used. */
  aliases?: Record<string, string[]>;
  /** Sets of names that are one entity, merged even where claimlens would keep them apart. */
  merge?: string[][];
  /** Names that are never entities: their mentions are dropped. */
  ignore?: string[];
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
  const found = await readWorkspaceConfig(dir);
  const config: CorpusConfig = {};
  if (found.config.aliases) config.aliases = found.config.aliases;
  if (found.config.merge) config.merge = found.config.merge;
  if (found.config.ignore) config.ignore = found.config.ignore;
  return { config, messages: found.messages, file: found.file };
}

/** The whole workspace configuration of a folder (`claimlens.json`, else `.claimlens.json`); `{}` when it has none. */
export async function readWorkspaceConfig(
  dir: string,
): Promise<{ config: WorkspaceConfig; messages: Message[]; file: string | null }> {
  for (const name of corpusConfigNames) {
    const file = path.join(dir, name);
    const raw = await readFile(file, 'utf8').catch(() => null);
    if (raw === null) continue;
    const messages: Message[] = [];
    return { config: parseConfig(raw.replace(/^\uFEFF/, ''), file, messages), messages, file };
  }
  return { config: {}, messages: [], file: null };
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
      reason: `claimlens.json is not valid JSON: ${(error as Error).message}`,
      path: file,
    });
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    messages.push({
      code: 'config/invalid',
      severity: 'error',
      reason: `Expected claimlens.json to hold an object, not ${Array.isArray(data) ? 'an array' : typeof data}.`,
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
      reason: `Expected "${key}" in claimlens.json to be ${expected}; ignored.`,
      path: file,
    });
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  for (const [key, value] of Object.entries(record)) {
    if (key === '$schema') continue;
    if (key === 'aliases') {
      if (isRecord(value) && Object.values(value).every(strings)) config.aliases = value as Record<string, string[]>;
      else invalid(key, 'an object of name → list of names');
    } else if (key === 'merge') {
      if (!Array.isArray(value) || !value.every(strings)) invalid(key, 'a list of lists of names');
      else {
        config.merge = value.filter((group) => group.length >= 2);
        if (config.merge.length < value.length)
          messages.push({
            code: 'config/invalid',
            severity: 'warning',
            reason: 'A group in "merge" of claimlens.json has fewer than two names, so it merges nothing; ignored.',
            path: file,
          });
      }
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
        reason: `Unknown key "${key}" in claimlens.json; ignored.`,
        path: file,
      });
    }
  }
  return config;
}

/** The entity corrections of several claimlens.json files as one; the smallest `maxFileSize` wins. */
export function mergeConfigs(configs: WorkspaceConfig[]): CorpusConfig & { maxFileSize?: number } {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
