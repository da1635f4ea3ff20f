import type { Message } from '@claimlens/core';

/** One line per message: `claimlens: PATH: SEVERITY: REASON [CODE]`, deduplicated, in the order found. */
export function formatMessages(messages: readonly Message[], options: { quiet?: boolean } = {}): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const m of messages) {
    if (options.quiet && m.severity !== 'error') continue;
    const place = m.start === undefined ? '' : `:${m.start}`;
    const line = `claimlens: ${m.path ? `${m.path}${place}: ` : ''}${m.severity}: ${m.reason.replace(/\s*\n\s*/g, ' ')} [${m.code}]`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}
