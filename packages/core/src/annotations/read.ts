import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../article.js';
import type { AnnotatedArticle } from '../document.js';
import type { Message } from '../message.js';
import { applyHumanAnnotations } from './apply.js';
import { parseAnnotationFile } from './file.js';
import { annotationsFolder, type HumanAnnotation } from './model.js';

/** The human annotations of one article, as read from its file. */
export interface ArticleAnnotations {
  /** The annotations file. */
  file: string;
  /** The folder that holds `.claimlens` (the workspace folder). */
  folder: string;
  /** The article's path relative to that folder, with `/`: the target source. */
  source: string;
  annotations: HumanAnnotation[];
}

export interface HumanAnnotationsResult {
  /** Per article id, for articles that have an annotations file. */
  byArticle: Map<string, ArticleAnnotations>;
  /** Bad files and items (with file and line), and annotations files whose article no longer exists. */
  messages: Message[];
}

/**
 * Read the human annotations of articles: for each, `.claimlens/annotations/<path>.jsonld` in the nearest folder
 * at or above the article that has a `.claimlens/annotations` folder, `<path>` being the article's path relative
 * to that folder. Also reports annotations files under `folders` (the folders given) whose article is gone. Never
 * throws for bad files: they become messages and their valid annotations are still read.
 */
export async function readHumanAnnotations(
  articles: readonly Pick<Article, 'id' | 'path' | 'text'>[],
  folders: readonly string[] = [],
): Promise<HumanAnnotationsResult> {
  const byArticle = new Map<string, ArticleAnnotations>();
  const messages: Message[] = [];
  const roots = new Map<string, Promise<string | null>>();
  const rootOf = (dir: string): Promise<string | null> => {
    let found = roots.get(dir);
    if (!found) {
      found = stat(path.join(dir, annotationsFolder)).then(
        (info) => (info.isDirectory() ? dir : parentRoot(dir)),
        () => parentRoot(dir),
      );
      roots.set(dir, found);
    }
    return found;
  };
  const parentRoot = (dir: string) => (path.dirname(dir) === dir ? Promise.resolve(null) : rootOf(path.dirname(dir)));
  for (const article of articles) {
    const absolute = path.resolve(article.path);
    const folder = await rootOf(path.dirname(absolute));
    if (!folder) continue;
    const source = path.relative(folder, absolute).split(path.sep).join('/');
    const file = path.join(folder, annotationsFolder, `${source}.jsonld`);
    const raw = await readFile(file, 'utf8').catch(() => null);
    if (raw === null) continue;
    const shown = display(file);
    const real = await realpath(absolute).catch(() => absolute);
    const realFolder = await realpath(folder).catch(() => folder);
    if (path.relative(realFolder, real).startsWith('..')) {
      messages.push({
        code: 'annotations/invalid',
        severity: 'error',
        reason: `${source} is a link to a file outside ${display(folder)}; its annotations are refused.`,
        path: shown,
      });
      continue;
    }
    const parsed = parseAnnotationFile(raw, { file: shown, source, text: article.text });
    messages.push(...parsed.messages);
    byArticle.set(article.id, { file, folder, source, annotations: parsed.annotations });
  }
  for (const given of folders) {
    const info = await stat(given).catch(() => null);
    if (!info?.isDirectory()) continue;
    const folder = await rootOf(path.resolve(given));
    if (!folder) continue;
    const inside = path.relative(folder, path.resolve(given)).split(path.sep).join('/');
    for (const file of await jsonldFiles(path.join(folder, annotationsFolder))) {
      const source = path.relative(path.join(folder, annotationsFolder), file).split(path.sep).join('/').slice(0, -7);
      if (inside !== '' && !source.startsWith(`${inside}/`)) continue;
      const exists = await stat(path.join(folder, source)).then(
        (s) => s.isFile(),
        () => false,
      );
      if (exists) continue;
      messages.push({
        code: 'annotations/no-article',
        severity: 'warning',
        reason: `The article ${source} no longer exists; its annotations are kept in this file and not applied.`,
        path: display(file),
      });
    }
  }
  return { byArticle, messages: dedupe(messages) };
}

/**
 * The articles with their human annotations applied over the machine's (see `applyHumanAnnotations`); orphaned
 * annotations are reported in their article's messages.
 */
export function withHumanAnnotations(
  items: readonly AnnotatedArticle[],
  found: HumanAnnotationsResult,
): AnnotatedArticle[] {
  return items.map((item) => {
    const human = found.byArticle.get(item.article.id);
    if (!human || human.annotations.length === 0) return item;
    const applied = applyHumanAnnotations(item.article.text, item.annotation, human.annotations, item.article.path);
    item.article.messages.push(...applied.messages);
    return { article: item.article, annotation: applied.annotation };
  });
}

async function jsonldFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await jsonldFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.jsonld')) files.push(full);
  }
  return files;
}

/** A path as shown in messages: relative to the working folder when inside it. */
function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function dedupe(messages: Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.path}\u0000${m.line}\u0000${m.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
