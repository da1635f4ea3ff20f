import type { Claim, DocumentEntity, EventMention, Mention } from '@claimlens/core';
import type { NameMention } from './ner/labels.js';
import type { Block } from './text/blocks.js';
import type { SentenceTokens } from './text/sentences.js';

declare module 'vfile' {
  interface DataMap {
    /** The text with markup blanked out: same length as the original, so offsets are shared. */
    prose: string;
    /** Whether the text is Markdown or plain text. */
    format: 'markdown' | 'plaintext';
    blocks: Block[];
    sentences: SentenceTokens[];
    /** Entity mentions; they never overlap. */
    mentions: Mention[];
    /** Every name the name tagger found, with its CoNLL label (PER, ORG, LOC, MISC); they never overlap. */
    names?: NameMention[];
    entities: DocumentEntity[];
    claims: Claim[];
    events: EventMention[];
  }
}

export type { Block, NameMention, SentenceTokens };
