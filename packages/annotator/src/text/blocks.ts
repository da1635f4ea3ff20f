/** A run of prose that sentences never cross: a paragraph, heading, list item, or line of plain text. */
export interface Block {
  start: number;
  end: number;
  /** Headings, and lines that look like titles, bylines or credits rather than prose. */
  heading: boolean;
}

const terminal = /[.!?:;"”’)\]…]\s*$/u;
const wrapWidth = 80;
/** Lines of hard-wrapped prose are rarely shorter than this; menus and link lists are. */
const minWrapped = 35;

/**
 * Blocks of plain text. Blank lines always separate blocks. A single line break separates blocks too,
 * unless the text is hard-wrapped there: the line does not end a sentence and either the next line starts
 * in lower case, or this line and a neighbour are both of the width of wrapped text (35 to 80 characters;
 * menus and link lists are shorter).
 * With `linePerSentence`, every line is a block.
 */
export function plainBlocks(text: string, options: { linePerSentence?: boolean } = {}): Block[] {
  const lines: { start: number; end: number }[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = pattern.exec(text); m && m[0].length > 0; m = pattern.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/, '');
    lines.push({ start: m.index, end: m.index + content.length });
    if (pattern.lastIndex >= text.length) break;
  }
  const blocks: Block[] = [];
  let current: { start: number; end: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as { start: number; end: number };
    const value = text.slice(line.start, line.end);
    const trimmed = trimRange(text, line);
    if (trimmed.start >= trimmed.end) {
      if (current) blocks.push(closeBlock(text, current));
      current = null;
      continue;
    }
    if (current) current.end = trimmed.end;
    else current = { ...trimmed };
    const next = lines[i + 1];
    if (options.linePerSentence || !next) {
      blocks.push(closeBlock(text, current));
      current = null;
      continue;
    }
    const nextValue = text.slice(next.start, next.end).trim();
    const previous = lines[i - 1];
    const short = (l: { start: number; end: number } | undefined) =>
      l !== undefined && l.end - l.start <= wrapWidth && text.slice(l.start, l.end).trim().length >= minWrapped;
    const wrapped =
      nextValue.length > 0 &&
      !terminal.test(value) &&
      (/^\p{Ll}/u.test(nextValue) || (short(line) && (short(previous) || short(next))));
    if (!wrapped) {
      blocks.push(closeBlock(text, current));
      current = null;
    }
  }
  if (current) blocks.push(closeBlock(text, current));
  return blocks;
}

function trimRange(text: string, range: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

function closeBlock(text: string, range: { start: number; end: number }): Block {
  const value = text.slice(range.start, range.end);
  return { start: range.start, end: range.end, heading: looksLikeHeading(value) };
}

/** A line that is not prose: no sentence-final punctuation and mostly capitalised words, or all caps. */
export function looksLikeHeading(value: string): boolean {
  if (terminal.test(value) && !/^[^a-z]*$/.test(value)) return false;
  const words = value.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return true;
  if (value === value.toUpperCase() && words.length >= 2) return true;
  if (/^\s*(?:by|photo|picture|image|credit|copyright|©)\b/i.test(value) && words.length <= 12) return true;
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return words.length <= 14 && !terminal.test(value) && capitalised / words.length >= 0.6;
}
