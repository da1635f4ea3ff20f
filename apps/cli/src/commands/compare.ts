import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  decodeText,
  formatScore,
  type ImportedCorpus,
  importJson,
  importJsonl,
  parseBrat,
  parseW3C,
  scoreAnnotations,
} from '@claimlens/core';
import { choice, parse } from '../args.js';
import { type Io, UsageError } from '../io.js';
import { describe } from './annotate.js';

/** `claimlens compare GOLD PRED`: score PRED against GOLD per type of annotation. */
export async function compareCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  const format = choice('format', values.format, ['text', 'json'] as const, 'text');
  if (positionals.length !== 2)
    throw new UsageError(
      `Expected GOLD and PRED, not ${positionals.length} path${positionals.length === 1 ? '' : 's'}.`,
    );
  const [goldPath, predictedPath] = positionals as [string, string];
  let gold: ImportedCorpus;
  let predicted: ImportedCorpus;
  try {
    gold = await load(goldPath);
    predicted = await load(predictedPath);
  } catch (error) {
    io.stderr.write(
      `claimlens: error: ${error instanceof Error && !('code' in error) ? error.message : describe(error)}\n`,
    );
    return 1;
  }
  const score = scoreAnnotations(gold, predicted);
  io.stdout.write(
    format === 'json' ? `${JSON.stringify({ version: 1, ...score }, null, 2)}\n` : `${formatScore(score)}\n`,
  );
  return 0;
}

/**
 * Read annotations from a path: a brat .ann file (with its .txt beside it when there is one), a folder of them, a
 * W3C JSON-LD file, claimlens JSON (annotate or analyze) or JSON Lines, or a folder of such files.
 */
export async function load(file: string): Promise<ImportedCorpus> {
  const info = await stat(file).catch((error: unknown) => {
    throw new Error(`Cannot read ${file}: ${describe(error)}.`);
  });
  if (info.isDirectory()) {
    const corpus: ImportedCorpus = new Map();
    const entries = (await readdir(file))
      .filter((e) => /\.(?:ann|json|jsonld|jsonl)$/i.test(e) && e !== 'claimlens.json')
      .sort();
    for (const entry of entries) for (const [id, doc] of await load(path.join(file, entry))) corpus.set(id, doc);
    if (corpus.size === 0) throw new Error(`Found no .ann, .json, .jsonld or .jsonl files in ${file}.`);
    return corpus;
  }
  const raw = await readFile(file);
  const decoded = decodeText(raw);
  if (decoded.text === null) throw new Error(`Cannot read ${file}: it is not a text file.`);
  const id = path.basename(file).replace(/\.[^.]+$/, '');
  if (/\.ann$/i.test(file)) {
    const sibling = path.join(path.dirname(file), `${id}.txt`);
    const text = await readFile(sibling).then(
      (b) => decodeText(b).text ?? undefined,
      () => undefined,
    );
    const doc = parseBrat(decoded.text, id, text);
    return new Map([[id, doc]]);
  }
  if (/\.jsonl$/i.test(file)) return importJsonl(decoded.text);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    throw new Error(`Cannot read ${file}: not valid JSON (${(error as Error).message}).`);
  }
  const w3c =
    typeof value === 'object' &&
    value !== null &&
    ('@context' in value || /^Annotation/.test(String((value as { type?: unknown }).type)));
  return w3c ? parseW3C(value) : importJson(value, id);
}
