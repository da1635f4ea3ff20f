import { readFile } from 'node:fs/promises';
import { annotate, annotationKey } from '@claimlens/annotator';
import {
  AnnotationCache,
  annotationToJson,
  applyHumanAnnotations,
  type DocumentAnnotation,
  decodeText,
  describeFileError,
  formatOf,
  type Message,
  readFrontMatter,
  readHumanAnnotations,
} from '@claimlens/core';
import { choice, parse, readingOptions, sizeOption } from '../args.js';
import { type Io, UsageError } from '../io.js';
import { writeJson } from '../json.js';
import { formatMessages } from '../messages.js';
import { annotationReport } from '../report.js';

/** `claimlens annotate [FILE|-]`: one document to JSON (default) or a readable listing. */
export async function annotateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    markdown: { type: 'boolean' },
    ...readingOptions,
  });
  const format = choice('format', values.format, ['json', 'text'] as const, 'json');
  if (positionals.length > 1)
    throw new UsageError(`Expected one FILE (or -), not ${positionals.length}; use "claimlens analyze" for several.`);
  const file = positionals[0] ?? '-';
  const maxFileSize = values['max-file-size'] === undefined ? undefined : sizeOption(values['max-file-size']);
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await io.readStdin() : await readFile(file);
  } catch (error) {
    io.stderr.write(`claimlens: ${file}: error: Cannot read ${file}: ${describe(error)}. [read/unreadable]\n`);
    return 1;
  }
  const name = file === '-' ? '<stdin>' : file;
  const decoded = decodeText(bytes, maxFileSize);
  const messages: Message[] = decoded.messages.map((m) => ({ ...m, path: name }));
  const markdown = values.markdown ?? formatOf(file) === 'markdown';
  // Broken front matter is reported as analyze reports it, and the rest of the text is still annotated.
  if (markdown && decoded.text !== null)
    messages.push(...readFrontMatter(decoded.text).messages.map((m) => ({ ...m, path: name })));
  const textOf = () => decoded.text ?? undefined;
  for (const line of formatMessages(messages, { quiet: values.quiet ?? false, textOf })) io.stderr.write(`${line}\n`);
  if (decoded.text === null) return 1;
  const text = decoded.text;
  const machine = annotateCached(text, markdown ? 'markdown' : 'plaintext', !values['no-cache']);
  // A file's human annotations (.claimlens/annotations/) apply over the machine's, as in analyze.
  const human = file === '-' ? null : await readHumanAnnotations([{ id: name, path: file, text }]);
  const found = human?.byArticle.get(name)?.annotations ?? [];
  const applied = applyHumanAnnotations(text, machine, found, name);
  const annotation = applied.annotation;
  for (const line of formatMessages(
    [...(human?.messages ?? []), ...applied.messages, ...annotation.messages.map((m) => ({ ...m, path: name }))],
    { quiet: values.quiet ?? false, textOf },
  )) {
    io.stderr.write(`${line}\n`);
  }
  if (format === 'json') writeJson(annotationToJson(annotation), (chunk) => io.stdout.write(chunk));
  else io.stdout.write(annotationReport(annotation));
  return 0;
}

/** Annotate with the default knowledge, through the user's annotation cache when `useCache`. */
function annotateCached(text: string, format: 'markdown' | 'plaintext', useCache: boolean): DocumentAnnotation {
  if (!useCache) return annotate(text, { format });
  const cache = new AnnotationCache();
  const key = annotationKey(text, format);
  const cached = cache.get(key);
  if (cached) return cached;
  const annotation = annotate(text, { format });
  cache.set(key, JSON.stringify(annotation));
  return annotation;
}

/** Why a file could not be read or written, in words; a folder given to annotate points at analyze. */
export function describe(error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'EISDIR') return 'is a folder (use "claimlens analyze" for folders)';
  return describeFileError(error);
}
