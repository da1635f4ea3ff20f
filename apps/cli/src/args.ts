import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

import { UsageError } from './io.js';

/** Parse a command's arguments strictly; unknown options and missing values are usage errors. */
export function parse<T extends Options>(
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    throw new UsageError(unknown ? `Unknown option ${unknown[1]}.` : message);
  }
}

/** The options of the commands that read articles (analyze and annotate). */
export const readingOptions = {
  'max-file-size': { type: 'string' },
  'no-cache': { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

/** A positive whole number of bytes from an option value. */
export function sizeOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`Expected --max-file-size to be a positive whole number of bytes, not "${value}".`);
  return n;
}

/** Check that an option's value is one of the choices. */
export function choice<C extends string>(
  name: string,
  value: string | undefined,
  choices: readonly C[],
  fallback: C,
): C {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as C;
  const listed = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` : choices.join('');
  throw new UsageError(`Expected --${name} to be ${listed}, not "${value}".`);
}

/** Read a confidence threshold: a number from 0 to 1. */
export function confidence(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (n >= 0 && n <= 1) return n;
  throw new UsageError(`Expected --${name} to be a number from 0 to 1 (e.g. 0.5), not "${value}".`);
}
