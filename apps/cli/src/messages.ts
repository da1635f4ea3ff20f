import type { Message } from '@claimlens/core';

/**
 * One line per message: `claimlens: PATH[:LINE:COLUMN]: SEVERITY: REASON [CODE]`, deduplicated, in the order found.
 * The line and column (1-based) are given when the message has a place and `textOf` knows the file's text; the
 * line alone when the message gives it (a file that is not an article, such as an annotations file).
 */
export function formatMessages(
  messages: readonly Message[],
  options: { quiet?: boolean; textOf?: (path: string) => string | undefined } = {},
): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const m of messages) {
    if (options.quiet && m.severity !== 'error') continue;
    const text = m.path === undefined || m.start === undefined ? undefined : options.textOf?.(m.path);
    const place =
      m.line !== undefined
        ? `:${m.line}`
        : text === undefined || m.start === undefined
          ? ''
          : lineColumn(text, m.start);
    const line = `claimlens: ${m.path ? `${m.path}${place}: ` : ''}${m.severity}: ${m.reason.replace(/\s*\n\s*/g, ' ')} [${m.code}]`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return `:${breaks.length + 1}:${offset - lineStart + 1}`;
}
