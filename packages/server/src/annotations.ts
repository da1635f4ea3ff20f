import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  annotationsFolder,
  formatAnnotationFile,
  type HumanAnnotation,
  type Message,
  parseAnnotationFile,
} from '@claimlens/core';

/** The annotations file of one article, as last read or written. */
export interface HumanFile {
  /** The annotations file (`<folder>/.claimlens/annotations/<source>.jsonld`). */
  file: string;
  /** The article's path relative to its workspace folder, with `/`: every target's source. */
  source: string;
  annotations: HumanAnnotation[];
  /** Problems reading the file (`annotations/invalid`, with a line). */
  messages: Message[];
  /** The file's text as last read or written; null when there is no file. */
  raw: string | null;
}

/**
 * The human annotations of the workspace's articles, one file per article (docs/annotations.md), keyed by the
 * article's path. Files are read when an article is first seen and when they change on disk, and written only
 * when the user changes annotations.
 */
export class HumanStore {
  readonly #files = new Map<string, HumanFile>();

  /** The annotations of an article (empty when it has none). */
  annotations(articlePath: string): HumanAnnotation[] {
    return this.#files.get(path.resolve(articlePath))?.annotations ?? [];
  }

  get(articlePath: string): HumanFile | undefined {
    return this.#files.get(path.resolve(articlePath));
  }

  /** Every file known, by article path. */
  entries(): IterableIterator<[string, HumanFile]> {
    return this.#files.entries();
  }

  /** Read (again) the annotations file of an article in a workspace folder; the text converts code points. */
  async load(folder: string, articlePath: string, text: string): Promise<HumanFile> {
    const source = path.relative(folder, path.resolve(articlePath)).split(path.sep).join('/');
    const file = path.join(folder, annotationsFolder, `${source}.jsonld`);
    const raw = await readFile(file, 'utf8').catch(() => null);
    const parsed = raw === null ? { annotations: [], messages: [] } : parseAnnotationFile(raw, { file, source, text });
    const found: HumanFile = { file, source, raw, ...parsed };
    this.#files.set(path.resolve(articlePath), found);
    return found;
  }

  /**
   * Change an article's annotations and write its file (removed when none are left). Returns the file's text
   * before and after, for undo.
   */
  async change(
    articlePath: string,
    text: string,
    edit: (annotations: HumanAnnotation[]) => HumanAnnotation[],
  ): Promise<{ file: string; before: string | null; after: string | null }> {
    const known = this.get(articlePath);
    if (!known) throw new Error(`Expected the annotations of ${articlePath} to be loaded first`);
    const annotations = edit([...known.annotations]);
    const after =
      annotations.length === 0 && known.raw === null ? null : formatAnnotationFile(known.source, annotations, text);
    await this.write(articlePath, after, text);
    return { file: known.file, before: known.raw, after };
  }

  /** Put back a file's text as it was (undo): `null` removes the file. */
  async write(articlePath: string, raw: string | null, text: string): Promise<void> {
    const known = this.get(articlePath);
    if (!known) throw new Error(`Expected the annotations of ${articlePath} to be loaded first`);
    if (raw === null) await rm(known.file, { force: true });
    else {
      await mkdir(path.dirname(known.file), { recursive: true });
      // Written beside and renamed, so a reader never sees half a file.
      const temporary = `${known.file}.${process.pid}.tmp`;
      await writeFile(temporary, raw);
      await rename(temporary, known.file);
    }
    const parsed =
      raw === null
        ? { annotations: [], messages: [] }
        : parseAnnotationFile(raw, { file: known.file, source: known.source, text });
    this.#files.set(path.resolve(articlePath), { ...known, raw, ...parsed });
  }

  delete(articlePath: string): void {
    this.#files.delete(path.resolve(articlePath));
  }
}
