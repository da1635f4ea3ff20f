import type { Paragraph, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { locate } from '../text/locate.js';

/**
 * A faster parser for Markdown without markup: YAML front matter and paragraphs of plain text. It builds the
 * tree remark-parse (with front matter and GFM) builds for such text, without running micromark; text with
 * anything else (markup characters, indented or list-like lines, links) goes to the parser set before it.
 * Use it after `remark-parse`, `remark-frontmatter` and `remark-gfm`.
 */
const parseSimpleMarkdown: Plugin<[], string, Root> = function () {
  const markdown = this.parser;
  if (!markdown) throw new Error('Expected a Markdown parser (remark-parse) before parseSimpleMarkdown, not none');
  this.parser = (document, file) => simpleMarkdown(document) ?? markdown(document, file);
};

export default parseSimpleMarkdown;

/** Characters and strings that may start Markdown or GFM inline syntax, anywhere in the body. */
const inlineSyntax = /[\\`*_[\]<>&~|@\t\r\0]|:\/\/|www\.|mailto:|xmpp:/i;
/** What a line may start with to be nothing but paragraph text. */
const plainStart = /^[\p{L}"“‘'(]|^\d(?!\d{0,8}[.)](?: |$))/u;

/** The tree of `text` when it is only front matter and paragraphs of plain text; else undefined. */
export function simpleMarkdown(text: string): Root | undefined {
  const point = locate(text);
  const children: RootContent[] = [];
  let at = 0;
  if (text.startsWith('---')) {
    const open = text.indexOf('\n');
    if (open !== 3) return undefined;
    const close = text.indexOf('\n---', open - 1);
    if (close < 0) return undefined;
    const end = close + 4;
    if (end < text.length && text[end] !== '\n') return undefined;
    const value = close > open ? text.slice(open + 1, close) : '';
    children.push({ type: 'yaml', value, position: { start: point(0), end: point(end) } });
    at = end;
  } else if (text.startsWith('+++')) return undefined;
  if (inlineSyntax.test(at === 0 ? text : text.slice(at))) return undefined;
  let paragraph: { start: number; end: number } | undefined;
  const close = () => {
    if (!paragraph) return;
    const position = { start: point(paragraph.start), end: point(paragraph.end) };
    const value = text.slice(paragraph.start, paragraph.end);
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value, position }], position };
    children.push(node);
    paragraph = undefined;
  };
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end === at) close();
    else {
      const line = text.slice(at, end);
      if (!plainStart.test(line) || line.endsWith(' ')) return undefined;
      if (paragraph) paragraph.end = end;
      else paragraph = { start: at, end };
    }
    at = end + 1;
  }
  close();
  return { type: 'root', children, position: { start: point(0), end: point(text.length) } };
}
