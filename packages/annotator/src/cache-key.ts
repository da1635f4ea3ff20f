import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let fingerprint: string | undefined;

/**
 * The key a text's annotation with the default knowledge is cached under: a SHA-256 of the text, its format
 * and the annotator's fingerprint (its version, its code and core's, and its data), so that a new model, lexicon
 * or release never reads an annotation made by the old one.
 */
export function annotationKey(text: string, format: 'markdown' | 'plaintext'): string {
  fingerprint ??= annotatorFingerprint();
  return createHash('sha256').update(`${fingerprint}\n${format}\n`).update(text).digest('hex');
}

/**
 * The key one sub-topic's event grouping is cached under: a SHA-256 of the annotator's fingerprint (which covers
 * the grouping's code and its WordNet data) and of everything the grouping read (core's `groupingInput`).
 */
export function groupingKey(input: string): string {
  fingerprint ??= annotatorFingerprint();
  return createHash('sha256').update(`${fingerprint}\ngrouping\n`).update(input).digest('hex');
}

/**
 * A SHA-256 over the annotator's manifest (its version), every file of its code, of core's code and of its data
 * folder. Bundled (the language server in the editor), the code is the running script instead.
 */
export function annotatorFingerprint(): string {
  const hash = createHash('sha256');
  const code = fileURLToPath(new URL('.', import.meta.url));
  hashPath(hash, fileURLToPath(new URL('../package.json', import.meta.url)));
  hashPath(hash, code);
  hashPath(hash, fileURLToPath(new URL('../data/', import.meta.url)));
  let core: string | undefined;
  try {
    core = path.dirname(createRequire(import.meta.url).resolve('@claimlens/core'));
  } catch {
    // Core is bundled with the annotator, or its sources run through an alias (tests).
  }
  if (core) hashPath(hash, core);
  if (!existsSync(code) && process.argv[1]) hashPath(hash, process.argv[1]);
  return hash.digest('hex');
}

/** Add a file's bytes, or a folder's files with their paths (relative to it) in a fixed order, to `hash`. */
function hashPath(hash: Hash, target: string): void {
  if (!existsSync(target)) {
    hash.update(`\nmissing ${path.basename(target)}\n`);
    return;
  }
  if (statSync(target).isFile()) {
    hash.update(readFileSync(target));
    return;
  }
  for (const name of readdirSync(target, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(target, name);
    if (!statSync(file).isFile()) continue;
    hash.update(`\n${name.split(path.sep).join('/')}\n`);
    hash.update(readFileSync(file));
  }
}
