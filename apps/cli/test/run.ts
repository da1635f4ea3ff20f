import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeText } from '@claimlens/core';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/claimlens.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `claimlens` binary from the repository root (`env` is added to this process's environment). */
export function run(
  args: string[],
  options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A file's text as claimlens reads it. */
export async function textOf(file: string): Promise<string> {
  return decodeText(await readFile(file)).text ?? '';
}

type AnySpan = { start: number; end: number; text: string };

/** Every span in claimlens JSON output, with the article it belongs to (or `fallback`). */
export function spansIn(value: unknown, fallback = ''): { article: string; span: AnySpan }[] {
  const found: { article: string; span: AnySpan }[] = [];
  const walk = (node: unknown, article: string): void => {
    if (Array.isArray(node)) for (const item of node) walk(item, article);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const here = typeof record.article === 'string' ? record.article : article;
      if (typeof record.start === 'number' && typeof record.end === 'number' && typeof record.text === 'string') {
        found.push({ article: here, span: record as unknown as AnySpan });
      }
      for (const [key, child] of Object.entries(record))
        if (key !== 'articles' && key !== 'messages') walk(child, here);
    }
  };
  walk(value, fallback);
  return found;
}
