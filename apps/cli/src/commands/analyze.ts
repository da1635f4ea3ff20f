import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyze } from '@claimlens/annotator';
import { type Corpus, corpusAbove, corpusToJson, corpusToJsonl, exportFiles, toW3C } from '@claimlens/core';
import { storyModel } from '@claimlens/views';
import { reportHtml } from '@claimlens/views/page';
import { choice, confidence, parse, readingOptions, sizeOption } from '../args.js';
import { type Io, UsageError } from '../io.js';
import { writeJson, writeJsonFile } from '../json.js';
import { formatMessages } from '../messages.js';
import { progressBar } from '../progress.js';
import { corpusReport } from '../report.js';
import { describe } from './annotate.js';

const formats = ['text', 'json', 'jsonl', 'brat', 'w3c', 'html'] as const;
type Format = (typeof formats)[number];

/** `claimlens analyze PATH...`: read, annotate and compare a corpus, then write it in one format. */
export async function analyzeCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    'min-confidence': { type: 'string' },
    ...readingOptions,
  });
  const format = choice('format', values.format, formats, 'text');
  const minConfidence = confidence('min-confidence', values['min-confidence'], 0);
  if (positionals.length === 0) throw new UsageError('Expected at least one PATH (a file or a folder of articles).');
  if (format === 'brat' && values.out === undefined)
    throw new UsageError('Expected --out DIR with --format brat: it writes one .ann file per article.');
  if (format === 'html' && values.out === undefined)
    throw new UsageError('Expected --out DIR with --format html: it writes the report to DIR/index.html.');
  const quiet = values.quiet ?? false;
  const progress = progressBar(io.stderr, !quiet);
  const options: Parameters<typeof analyze>[1] = {
    onProgress: (done, total) => progress.update(done, total),
  };
  if (values['no-cache']) options.cache = null;
  if (values['max-file-size'] !== undefined) options.maxFileSize = sizeOption(values['max-file-size']);
  const corpus = await analyze(positionals, options);
  progress.done();
  const texts = new Map(corpus.articles.map((a) => [a.path, a.text]));
  for (const line of formatMessages(corpus.messages, { quiet, textOf: (p) => texts.get(p) }))
    io.stderr.write(`${line}\n`);
  if (corpus.articles.length === 0) {
    io.stderr.write(`claimlens: error: no article could be read from ${positionals.join(', ')}.\n`);
    return 1;
  }
  try {
    await write(corpus, format, { out: values.out, minConfidence }, io);
  } catch (error) {
    io.stderr.write(`claimlens: error: cannot write to ${values.out ?? 'stdout'}: ${describe(error)}.\n`);
    return 1;
  }
  return 0;
}

/** Where to write (a folder, or stdout when undefined) and which findings to keep. */
interface WriteOptions {
  out: string | undefined;
  minConfidence: number;
}

async function write(corpus: Corpus, format: Format, { out, minConfidence }: WriteOptions, io: Io): Promise<void> {
  if (out !== undefined) await mkdir(out, { recursive: true });
  const emit = async (name: string, content: string) => {
    if (out === undefined) io.stdout.write(content);
    else await writeFile(path.join(out, name), content);
  };
  if (format === 'text') {
    const width = out === undefined && io.stdout.isTTY ? io.stdout.columns : undefined;
    return emit('report.txt', corpusReport(corpus, { minConfidence, ...(width === undefined ? {} : { width }) }));
  }
  if (format === 'json') {
    const json = corpusToJson(corpus, { minConfidence });
    if (out === undefined) writeJson(json, (chunk) => io.stdout.write(chunk));
    else writeJsonFile(path.join(out, 'corpus.json'), json);
    return;
  }
  if (format === 'html') return emit('index.html', reportHtml(storyModel(corpusAbove(corpus, minConfidence))));
  if (format === 'jsonl') {
    if (out === undefined) {
      for (const line of corpusToJsonl(corpus)) io.stdout.write(line);
      return;
    }
    return emit('corpus.jsonl', [...corpusToJsonl(corpus)].join(''));
  }
  if (format === 'w3c' && out === undefined) {
    const items = corpus.articles.flatMap((article) => {
      const annotation = corpus.annotations.get(article.id);
      return annotation ? [{ article, text: article.text, annotation }] : [];
    });
    return emit('', `${JSON.stringify(toW3C(items), null, 2)}\n`);
  }
  for (const file of exportFiles(corpus, format)) await emit(file.name, file.content);
}
