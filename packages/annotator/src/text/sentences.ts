import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

/** A sentence: its offsets and its tokens. */
export interface SentenceTokens {
  start: number;
  end: number;
  tokens: Token[];
}

const closers = new Set(['"', '”', '’', "'", ')', ']', '»']);
const terminators = new Set(['.', '!', '?', '…', '...']);

/**
 * Split each block (a paragraph, heading, list item or line) into sentences of tokens.
 * A sentence ends after `.`, `!` or `?` (and any closing quotes) when the next token starts a sentence.
 */
export function splitSentences(text: string, blocks: readonly { start: number; end: number }[]): SentenceTokens[] {
  const sentences: SentenceTokens[] = [];
  for (const block of blocks) {
    const tokens = tokenize(text, block.start, block.end);
    let first = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (!terminators.has(token.text)) continue;
      let last = i;
      while (last + 1 < tokens.length && isCloser(tokens[last] as Token, tokens[last + 1] as Token)) last++;
      const next = tokens[last + 1];
      if (next && !startsSentence(next.text)) continue;
      sentences.push(sentenceOf(tokens, first, last));
      first = last + 1;
      i = last;
    }
    if (first < tokens.length) sentences.push(sentenceOf(tokens, first, tokens.length - 1));
  }
  return sentences;
}

/** A closing quote or bracket attached to the token before it ("ready." then a quote mark with no space between). */
function isCloser(before: Token, token: Token): boolean {
  return closers.has(token.text) && token.start === before.end;
}

function startsSentence(word: string): boolean {
  return /^[\p{Lu}\p{N}"“‘'([«—–-]/u.test(word);
}

function sentenceOf(tokens: Token[], first: number, last: number): SentenceTokens {
  const slice = tokens.slice(first, last + 1);
  return { start: (slice[0] as Token).start, end: (slice[slice.length - 1] as Token).end, tokens: slice };
}
