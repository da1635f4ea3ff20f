import { createProcessor } from '@claimlens/annotator';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

function tagged(text: string): [string, string | undefined][] {
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  const processor = createProcessor('plaintext');
  processor.runSync(processor.parse(file), file);
  return (file.data.sentences ?? []).flatMap((s) => s.tokens.map((t): [string, string | undefined] => [t.text, t.pos]));
}

describe('tagPos', () => {
  it('tags a simple sentence with Penn Treebank tags', () => {
    expect(tagged('The minister said the talks would resume in Geneva on Monday.')).toEqual([
      ['The', 'DT'],
      ['minister', 'NN'],
      ['said', 'VBD'],
      ['the', 'DT'],
      ['talks', 'NNS'],
      ['would', 'MD'],
      ['resume', 'VB'],
      ['in', 'IN'],
      ['Geneva', 'NNP'],
      ['on', 'IN'],
      ['Monday', 'NNP'],
      ['.', '.'],
    ]);
  });

  it('tags every token of every sentence', () => {
    const tokens = tagged('Prices rose 3.5 percent. "We are worried," she told reporters in Paris!');
    expect(tokens.length).toBeGreaterThan(10);
    for (const [, pos] of tokens) expect(pos).toMatch(/^[A-Z$.,:()"'`#]+$/);
  });
});
