import type { Mention } from '@claimlens/core';
import type { VFile } from 'vfile';
import type { Block } from '../text/blocks.js';
import type { SentenceTokens } from '../text/sentences.js';
import { wordSet } from '../words.js';
import { containing } from './spans.js';
import '../types.js';

/** What a line that is not running prose is: a title or subheading, a byline, a picture credit, an all-caps line. */
export type LineRole = 'title' | 'byline' | 'credit' | 'loud';

const credit =
  /^\s*[([]?\s*(?:photo(?:graph)?s?|pictures?|images?|video|illustration|graphic|credit|copyright|source|©)\b\s*(?:[:：|/©-]|by\b)/iu;
const byline = /^\s*by\s+\p{Lu}/u;
const byAlone = /^\s*by\s*:?\s*$/i;
const terminal = /[.!?;"”’]\s*$/u;
const minor = wordSet('bylineParticles');

/** A document's sentences as the entity stages read them, with the lines that are not running prose. */
export interface DocumentLines {
  text: string;
  /** The text with markup and page furniture blanked (`file.data.prose`), else the text. */
  prose: string;
  sentences: SentenceTokens[];
  /** The role of a sentence's line when it is not running prose (see `lineRoles`). */
  roleOf: (sentence: SentenceTokens) => LineRole | undefined;
  /** Whether a sentence is on a title, byline, credit or all-caps line (remembered per sentence). */
  skip: (sentence: SentenceTokens) => boolean;
  /** The sentence holding a span, if one does. */
  sentenceAt: (start: number, end: number) => SentenceTokens | undefined;
  /** Whether a span lies in a sentence that is not running prose. */
  offProse: (span: { start: number; end: number }) => boolean;
}

/** The shared first step of the entity stages (tag-places, link-entities): read the file's lines and their roles. */
export function documentLines(file: VFile): DocumentLines {
  const text = String(file.value);
  const prose = file.data.prose ?? text;
  const sentences = file.data.sentences ?? [];
  const roleOf = lineRoles(text, prose, file.data.blocks ?? [], file.data.mentions ?? []);
  const skipped = new Map<SentenceTokens, boolean>();
  const skip = (s: SentenceTokens) => {
    let value = skipped.get(s);
    if (value === undefined) {
      value = roleOf(s) !== undefined;
      skipped.set(s, value);
    }
    return value;
  };
  const sentenceAt = containing(sentences);
  const offProse = (span: { start: number; end: number }) => {
    const sentence = sentenceAt(span.start, span.end);
    return sentence !== undefined && skip(sentence);
  };
  return { text, prose, sentences, roleOf, skip, sentenceAt, offProse };
}

/**
 * The role of each sentence that is not running prose, decided by evidence in the line, not by its shape alone:
 * an all-caps line; a credit ("Photo: X/Agency"); a byline ("By X", or a line of only names after the title,
 * after a lone "By", or before the first paragraph); a Markdown heading or the article's title (a heading-like
 * first block); and a short Title Case line between paragraphs with no digits, brackets, commas or final
 * punctuation (a subheading). A line of names, results or a table row inside running text ("Kim Ode",
 * "Leeds 2 Hull 1", "Ana Ruiz (Spain) 3:45") is running text: `undefined`.
 */
export function lineRoles(
  text: string,
  prose: string,
  blocks: readonly Block[],
  mentions: readonly Mention[],
): (sentence: SentenceTokens) => LineRole | undefined {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const roles = new Map<Block, LineRole>();
  let seenProse = false;
  let previous: LineRole | undefined;
  let afterBy = false;
  for (const [index, block] of blocks.entries()) {
    const value = prose.slice(block.start, block.end);
    let role: LineRole | undefined;
    // A first line in sentence case with no final punctuation is the title all the same ("Dam talks stall").
    const title = index === 0 && !terminal.test(value) && value.split(/\s+/).length <= 20;
    if (!block.heading && !title) {
      if (/\p{L}/u.test(value)) seenProse = true;
      previous = undefined;
      afterBy = false;
      continue;
    }
    if (shouted(value)) role = 'loud';
    else if (credit.test(value)) role = 'credit';
    else if (byline.test(value) || byAlone.test(value)) role = 'byline';
    else if (!block.heading) role = 'title';
    else if (!/\d/.test(value) && onlyNames(value, block.start, sorted)) {
      if (afterBy || previous === 'title' || previous === 'byline' || !seenProse) role = 'byline';
    } else if (
      text[block.start] === '#' ||
      /^\s*(?:=+|-+)\s*$/m.test(text.slice(block.end, block.end + 200).split(/\r?\n/)[1] ?? '')
    ) {
      role = 'title';
    } else if (index === 0 || !seenProse) role = 'title';
    else if (!/[\d()[\],]/u.test(value) && !terminal.test(value)) role = 'title';
    afterBy = byAlone.test(value);
    previous = role;
    if (role) roles.set(block, role);
  }
  const blockAt = containing(blocks);
  return (sentence) => {
    const block = blockAt(sentence.start, sentence.end);
    const role = block ? roles.get(block) : undefined;
    if (role) return role;
    return shouted(prose, sentence.start, sentence.end) ? 'loud' : undefined;
  };
}

/** Whether every word of a line lies in a person or organisation mention (apart from "and", commas). */
function onlyNames(value: string, offset: number, mentions: readonly Mention[]): boolean {
  let any = false;
  for (const match of value.matchAll(/\p{L}[\p{L}'’.-]*/gu)) {
    const start = offset + (match.index ?? 0);
    const end = start + match[0].length;
    if (minor.has(match[0].toLowerCase())) continue;
    // The last mention starting at or before the word.
    let low = 0;
    let high = mentions.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((mentions[mid] as Mention).start <= start) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const m = mentions[found];
    if (m?.type !== 'actor' || end > m.end) return false;
    any = true;
  }
  return any;
}

/** Whether `text` from `start` to `end` is in capitals: more than three letters, none lowercase (or titlecase). */
export function shouted(text: string, start = 0, end = text.length): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) letters++;
    else if (code > 127) {
      const char = text[i] as string;
      if (/[\p{Ll}\p{Lt}]/u.test(char)) return false;
      if (/\p{L}/u.test(char)) letters++;
    }
  }
  return letters > 3;
}
