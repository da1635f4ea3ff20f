/** A word of an article: its text and offsets. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
/** The end of a sentence: a stop, a closing quote or bracket after it, then space. */
const sentenceEnd = /[.!?][”"’')\]]*\s+/gu;

/**
 * The words a claim's source and cue can be picked from, when only its content is selected: the words of the
 * sentences the content is in, outside the content ("Lysenko", "told", "a", "news", "briefing"), in text order.
 * When the content fills its sentences, the words of the whole line (paragraph) outside it.
 */
export function wordsAroundClaim(text: string, start: number, end: number): Word[] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  let from = lineStart;
  let to = lineEnd;
  for (const match of text.slice(lineStart, lineEnd).matchAll(sentenceEnd)) {
    const boundary = lineStart + (match.index ?? 0) + match[0].length;
    if (boundary <= start) from = boundary;
    else if (boundary - match[0].length >= end) {
      to = boundary;
      break;
    }
  }
  const outside = (from: number, to: number) =>
    [...text.slice(from, to).matchAll(word)]
      .map((m) => ({ text: m[0], start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length }))
      .filter((w) => w.end <= start || w.start >= end);
  const inSentences = outside(from, to);
  return inSentences.length > 0 ? inSentences : outside(lineStart, lineEnd);
}

/** The span from the first to the last of some picked words; null when none is picked. */
export function spanOf(words: readonly Word[]): { start: number; end: number } | null {
  if (words.length === 0) return null;
  return { start: Math.min(...words.map((w) => w.start)), end: Math.max(...words.map((w) => w.end)) };
}
