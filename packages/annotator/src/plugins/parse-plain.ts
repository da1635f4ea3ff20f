import type { Heading, Paragraph, Root } from 'mdast';
import type { Plugin } from 'unified';
import { plainBlocks } from '../text/blocks.js';
import { locate } from '../text/locate.js';

export interface Options {
  /** Treat every line as a block of its own (for corpora with one sentence a line). Default: false. */
  linePerSentence?: boolean;
}

const emptyOptions: Options = {};

/** A unified parser for plain text: each block becomes a paragraph, or a heading when it reads like one. */
const parsePlain: Plugin<[(Readonly<Options> | null)?], string, Root> = function (options) {
  const settings = options ?? emptyOptions;
  this.parser = (text: string): Root => {
    const point = locate(text);
    const children = plainBlocks(text, settings).map((block): Paragraph | Heading => {
      const position = { start: point(block.start), end: point(block.end) };
      const value = text.slice(block.start, block.end);
      const inline = [{ type: 'text' as const, value, position }];
      return block.heading
        ? { type: 'heading', depth: 1, children: inline, position }
        : { type: 'paragraph', children: inline, position };
    });
    return { type: 'root', children, position: { start: point(0), end: point(text.length) } };
  };
};

export default parsePlain;
