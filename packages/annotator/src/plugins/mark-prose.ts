import { blankRanges, findBoilerplate } from '@claimlens/core';
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Block } from '../text/blocks.js';
import { looksLikeHeading } from '../text/blocks.js';
import '../types.js';

const blockTypes = new Set(['paragraph', 'heading']);
const skipped = new Set([
  'table',
  'code',
  'inlineCode',
  'html',
  'yaml',
  'toml',
  'definition',
  'footnoteDefinition',
  'image',
  'imageReference',
]);

export interface Options {
  /** Blank scraped boilerplate lines (menus, "Skip to content", "WATCH:", template placeholders). Default: true. */
  boilerplate?: boolean;
}

const emptyOptions: Options = {};

/**
 * Find the prose of a document: the text of paragraphs and headings, not code, tables, HTML, front matter,
 * link targets, footnotes or scraped boilerplate. Sets `file.data.blocks`, and `file.data.prose`: the text
 * with everything else blanked to spaces (line breaks kept), so later stages read prose at the original offsets.
 */
export default function markProse(options?: Readonly<Options> | null) {
  const boilerplate = (options ?? emptyOptions).boilerplate ?? true;
  return (tree: Root, file: VFile): void => {
    const text = String(file.value);
    const blocks: Block[] = [];
    const ranges: [number, number][] = [];
    const visit = (node: Nodes, block: Block | null): void => {
      if (skipped.has(node.type)) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      let current = block;
      if (!current && blockTypes.has(node.type)) {
        const value = text.slice(start, end);
        current = { start, end, heading: node.type === 'heading' || looksLikeHeading(value) };
        blocks.push(current);
      }
      if (node.type === 'text' && current) {
        ranges.push([start, end]);
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes, current);
    };
    visit(tree, null);
    file.data.blocks = blocks;
    const prose = file.data.format === 'plaintext' ? text : blank(text, ranges);
    file.data.prose = boilerplate ? blankRanges(prose, findBoilerplate(prose)) : prose;
  };
}

function blank(text: string, ranges: [number, number][]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    parts.push(text.slice(at, start).replace(/[^\r\n]/g, ' '), text.slice(start, end));
    at = end;
  }
  parts.push(text.slice(at).replace(/[^\r\n]/g, ' '));
  return parts.join('');
}
