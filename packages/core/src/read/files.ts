import path from 'node:path';
import picomatch from 'picomatch';
import type { Message } from '../message.js';

/** The article files read from a folder when nothing says otherwise, by extension, with the format of each. */
export const articleExtensions: Readonly<Record<string, 'markdown' | 'plaintext'>> = {
  '.txt': 'plaintext',
  '.text': 'plaintext',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
};

/** The same files as globs, one per extension: the default of `include` (claimlens.json and the editor setting). */
export const articleGlobs: readonly string[] = Object.keys(articleExtensions).map((extension) => `**/*${extension}`);

/** Largest file read, in bytes, unless claimlens.json, the command line or the editor setting says otherwise. */
export const defaultMaxFileSize = 10_000_000;

/** `markdown` for a Markdown extension (`.md`, `.markdown`, `.mdown`), else `plaintext`. */
export function formatOf(file: string): 'markdown' | 'plaintext' {
  return articleExtensions[path.extname(file).toLowerCase()] ?? 'plaintext';
}

/** Which files to read: globs to include (default: the article extensions) and to exclude. */
export interface FileSelection {
  include?: readonly string[] | undefined;
  exclude?: readonly string[] | undefined;
}

/**
 * A test of folder-relative paths (`/` separators) against include and exclude globs, matched with picomatch
 * without regard to case: `**` any folders, `*` any part of a name, `?` one character, `{a,b}` either. A glob
 * without `/` matches the file name in any folder. A pattern picomatch cannot read is reported through `invalid`
 * and left out, never thrown.
 */
export function fileSelector(
  selection: FileSelection,
  invalid: (pattern: string, reason: string) => void = () => {},
): (relativePath: string) => boolean {
  const include = selection.include ? globMatcher(selection.include, invalid) : null;
  const exclude = globMatcher(selection.exclude ?? [], invalid);
  return (relativePath) => {
    const included = include ? include(relativePath) : path.extname(relativePath).toLowerCase() in articleExtensions;
    return included && !exclude(relativePath);
  };
}

/** Whether a path matches any of some globs; the ones that do not compile are reported and skipped. */
function globMatcher(
  globs: readonly string[],
  invalid: (pattern: string, reason: string) => void,
): (relativePath: string) => boolean {
  const tests: ((relativePath: string) => boolean)[] = [];
  for (const glob of globs) {
    const pattern = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
    try {
      tests.push(picomatch(pattern, { nocase: true, dot: true }));
    } catch (error) {
      invalid(glob, error instanceof Error ? error.message : String(error));
    }
  }
  return (relativePath) => tests.some((test) => test(relativePath));
}

/** A `config/invalid` warning for a glob that could not be read. */
export function invalidGlob(pattern: string, reason: string, where: string, file?: string): Message {
  return {
    code: 'config/invalid',
    severity: 'warning',
    reason: `Expected a glob in ${where}, not ${JSON.stringify(pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern)} (${reason}); ignored.`,
    ...(file === undefined ? {} : { path: file }),
  };
}
