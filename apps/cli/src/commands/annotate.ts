import { readFile } from 'node:fs/promises';
import { annotate } from '@claimlens/annotator';
import {
  annotationToJson,
  applyHumanAnnotations,
  decodeText,
  type Message,
  readFrontMatter,
  readHumanAnnotations,
} from '@claimlens/core';
import { choice, parse } from '../args.js';
import { type Io, UsageError } from '../io.js';
import { formatMessages } from '../messages.js';
import { annotationReport } from '../report.js';

/** `claimlens annotate [FILE|-]`: one document to JSON (default) or a readable listing. */
export async function annotateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    markdown: { type: 'boolean' },
    'max-file-size': { type: 'string' },
    quiet: { type: 'boolean' },
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
  const markdown = values.markdown ?? /\.(?:md|markdown|mdown|mkd|mdx)$/i.test(file);
  // Broken front matter is reported as analyze reports it, and the rest of the text is still annotated.
  if (markdown && decoded.text !== null)
    messages.push(...readFrontMatter(decoded.text).messages.map((m) => ({ ...m, path: name })));
  const textOf = () => decoded.text ?? undefined;
  for (const line of formatMessages(messages, { quiet: values.quiet ?? false, textOf })) io.stderr.write(`${line}\n`);
  if (decoded.text === null) return 1;
  const text = decoded.text;
  const machine = annotate(text, { format: markdown ? 'markdown' : 'plaintext' });
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
  if (format === 'json') io.stdout.write(`${JSON.stringify(annotationToJson(annotation), null, 2)}\n`);
  else io.stdout.write(annotationReport(annotation));
  return 0;
}

/** A positive whole number of bytes from an option value. */
export function sizeOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`Expected --max-file-size to be a positive whole number of bytes, not "${value}".`);
  return n;
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder (use "claimlens analyze" for folders)';
  if (code === 'ELOOP') return 'symbolic link loop';
  return error instanceof Error ? error.message : String(error);
}
