import { createProcessor } from '@claimlens/annotator';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const pipeline = createProcessor('markdown');

/** Node types, offsets and text values: what the later stages read of the tree. */
function shape(node: Nodes): unknown {
  return {
    type: node.type,
    start: node.position?.start,
    end: node.position?.end,
    value: 'value' in node ? node.value : undefined,
    children: 'children' in node ? node.children.map((child) => shape(child as Nodes)) : undefined,
  };
}

const same = (text: string) => expect(shape(pipeline.parse(text))).toEqual(shape(remark.parse(text)));

describe('Markdown parsing', () => {
  it('reads front matter and plain paragraphs as remark does', () => {
    same(
      '---\noutlet: Daily Courier\ndate: 2015-03-02\n---\n\nTroops crossed the border.\nOfficials said so.\n\n“We saw them,” he said.\n',
    );
    same('---\n---\nText.');
    same('Plain text without front matter\n\n2015 was a year.');
  });

  it('reads markup as remark does', () => {
    same('# Title\n\nSome *emphasis* and a [link](https://example.com).\n\n- one\n- two\n\n1. first\n\n> quoted\n');
    same('A line with two spaces  \nthen a hard break.\n\nTitle\n===\n\n    code\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    same('---\ntitle: no closing fence\n\nText www.example.com and mail@example.com.');
  });

  it('reads any mix of words, line breaks and markup as remark does', () => {
    const piece = fc.constantFrom(
      'Word',
      'word',
      ' ',
      '.',
      '\n',
      '\n\n',
      '---\n',
      '- ',
      '1. ',
      '2) ',
      '# ',
      '> ',
      '    ',
      '*',
      '_',
      '=',
      '“',
      '(',
      '12',
      '  \n',
      '\t',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        same(pieces.join(''));
      }),
      { numRuns: 500 },
    );
  });
});
