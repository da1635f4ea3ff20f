/** Plain-text helpers for the reports: one line, clipped, counted, wrapped to a terminal's width. */

/** The report's width when it is not drawn on a terminal that says its own: a narrow terminal's. */
export const defaultWidth = 80;

/** A terminal's width kept readable: at least 40 columns, at most 100. */
export function readableWidth(columns: number | undefined): number {
  return columns === undefined || !Number.isFinite(columns) ? defaultWidth : Math.min(100, Math.max(40, columns));
}

/**
 * The words of `text` (white space collapsed) in lines of at most `width` characters, the first line starting with
 * `first` and the others with `rest`. A word longer than a line stands alone on its line.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of oneLine(text).split(' ')) {
    if (word === '') continue;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function clip(text: string, max: number): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A claim's stance in brackets, when it is not a plain assertion: `[deny] `, `[assert, negated] `. */
export function stanceMark(claim: { stance: string; negated: boolean }): string {
  return claim.stance === 'assert' && !claim.negated ? '' : `[${claim.stance}${claim.negated ? ', negated' : ''}] `;
}
