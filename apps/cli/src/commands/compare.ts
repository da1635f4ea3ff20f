import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { analyze } from '@claimlens/annotator';
import {
  type AnnotatedArticle,
  decodeText,
  formatAgreement,
  formatScore,
  type HumanAgreementInput,
  humanAgreement,
  type ImportedCorpus,
  importJson,
  importJsonl,
  parseBrat,
  parseW3C,
  readHumanAnnotations,
  scoreAnnotations,
} from '@claimlens/core';
import { choice, parse } from '../args.js';
import { type Io, UsageError } from '../io.js';
import { formatMessages } from '../messages.js';
import { describe } from './annotate.js';

/**
 * `claimlens compare GOLD PRED`: score PRED against GOLD per type of annotation. `claimlens compare FOLDER`: how
 * far the machine agrees with the human annotations of the articles in FOLDER (docs/annotations.md).
 */
export async function compareCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  const format = choice('format', values.format, ['text', 'json'] as const, 'text');
  if (positionals.length === 1) return compareHuman(positionals[0] as string, format, io);
  if (positionals.length !== 2)
    throw new UsageError(`Expected FOLDER, or GOLD and PRED, not ${positionals.length} paths.`);
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

/** The machine's annotation of each article of a folder against the human annotations kept beside them. */
async function compareHuman(folder: string, format: 'text' | 'json', io: Io): Promise<number> {
  const machine: AnnotatedArticle[] = [];
  const corpus = await analyze([folder], { onAnnotated: (item) => machine.push(item) });
  if (corpus.articles.length === 0) {
    io.stderr.write(`claimlens: error: no article could be read from ${folder}.\n`);
    return 1;
  }
  // Problems with the articles and their annotations files were reported into the corpus by analyze.
  const texts = new Map(corpus.articles.map((a) => [a.path, a.text]));
  for (const line of formatMessages(corpus.messages, { textOf: (p) => texts.get(p) })) io.stderr.write(`${line}\n`);
  const human = await readHumanAnnotations(corpus.articles);
  if (human.byArticle.size === 0) {
    io.stderr.write(
      `claimlens: error: no human annotations for the articles in ${folder} (.claimlens/annotations/<article>.jsonld; see docs/annotations.md).\n`,
    );
    return 1;
  }
  const inputs: HumanAgreementInput[] = machine.map(({ article, annotation }) => ({
    text: article.text,
    machine: annotation,
    annotations: human.byArticle.get(article.id)?.annotations ?? [],
  }));
  const agreement = humanAgreement(inputs);
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify({ version: 1, ...agreement }, null, 2)}\n`
      : `${formatAgreement(agreement)}\n`,
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
