import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** A SHA-256 over the annotator's version and every file of its code, core's code and its data folder. */
export function annotatorFingerprint(): string {
  const hash = createHash('sha256');
  const manifest = new URL('../package.json', import.meta.url);
  hash.update(readFileSync(manifest));
  hashFolder(hash, fileURLToPath(new URL('.', import.meta.url)));
  hashFolder(hash, fileURLToPath(new URL('../data/', import.meta.url)));
  try {
    hashFolder(hash, path.dirname(createRequire(import.meta.url).resolve('@claimlens/core')));
  } catch {
    // Core not installed beside the annotator (its sources run through an alias): its version is in the manifest.
  }
  return hash.digest('hex');
}

/** Add each file's path (relative to `folder`) and bytes to `hash`, in a fixed order. */
function hashFolder(hash: Hash, folder: string): void {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
  for (const name of names) {
    const file = path.join(folder, name);
    if (!statSync(file).isFile()) continue;
    hash.update(`\n${name.split(path.sep).join('/')}\n`);
    hash.update(readFileSync(file));
  }
}
