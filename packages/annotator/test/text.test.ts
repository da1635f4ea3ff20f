import { createAnnotator, plainBlocks, splitSentences, tokenize } from '@claimlens/annotator';
import { describe, expect, it } from 'vitest';

const sentencesOf = (text: string) => splitSentences(text, plainBlocks(text)).map((s) => text.slice(s.start, s.end));

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'The U.S. envoy, Mr. Smith, said: "It’s over."';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('splits possessives and negations as the Penn Treebank does', () => {
    expect(tokenize("Russia's army didn't move").map((t) => t.text)).toEqual([
      'Russia',
      "'s",
      'army',
      'did',
      "n't",
      'move',
    ]);
  });

  it('keeps abbreviations, initials, numbers and hyphenated words whole', () => {
    expect(tokenize('Gen. J. Doe of the U.N. counted 1,200 pro-Western troops.').map((t) => t.text)).toEqual([
      'Gen.',
      'J.',
      'Doe',
      'of',
      'the',
      'U.N.',
      'counted',
      '1,200',
      'pro-Western',
      'troops',
      '.',
    ]);
  });
});

describe('sentences', () => {
  it('splits after final punctuation and closing quotes, not after abbreviations', () => {
    expect(sentencesOf('Mr. Lee arrived on Monday. "We are ready," he said. Talks begin today!')).toEqual([
      'Mr. Lee arrived on Monday.',
      '"We are ready," he said.',
      'Talks begin today!',
    ]);
  });

  it('joins hard-wrapped lines but keeps one paragraph per line apart', () => {
    const wrapped = 'The minister said that the talks\nwould resume next week in the capital,\naccording to officials.';
    expect(sentencesOf(wrapped)).toHaveLength(1);
    const lines = `${'A long paragraph of news text that runs well beyond the width of any hard-wrapped line of text.'}\nRead more on our site\n${'Another long paragraph follows here, again well beyond the width of any wrapped line.'}`;
    expect(sentencesOf(lines)).toHaveLength(3);
  });

  it('keeps offsets exact with CRLF and CR line endings', () => {
    const text = 'First line ends here.\r\nSecond line.\rThird.';
    expect(sentencesOf(text)).toEqual(['First line ends here.', 'Second line.', 'Third.']);
  });
});

describe('prose', () => {
  const annotator = createAnnotator();
  it('reads Markdown prose at its original offsets and skips code, HTML and front matter', () => {
    const text =
      '---\ntitle: T\n---\n# Heading here\n\nThe envoy said `code` that [talks](http://example.com) *failed*.\n\n```\nnot prose said x\n```\n<div>html said y</div>\n';
    const sentences = annotator.annotate(text, { format: 'markdown' }).sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Heading here', 'The envoy said `code` that [talks](http://example.com) *failed*.']);
  });

  it('gives an empty text an empty result', () => {
    expect(annotator.annotate('')).toMatchObject({ mentions: [], claims: [], events: [], sentences: [] });
  });
});

describe('boilerplate and markup', () => {
  const annotator = createAnnotator();
  it('finds nothing in Markdown tables', () => {
    const text =
      '| The ambassador said the troops left the capital. | The agency said so |\n| --- | --- |\n| a | b |\n';
    const result = annotator.annotate(text, { format: 'markdown' });
    expect(result.claims).toEqual([]);
    expect(result.mentions).toEqual([]);
  });

  it('keeps short menu lines apart instead of reading them as wrapped prose', () => {
    const text =
      'Home\nWorld\nBusiness\nSport\n\nThe minister said the talks would resume in the capital next week, officials confirmed.';
    const sentences = annotator.annotate(text).sentences.map((s) => text.slice(s.start, s.end));
    expect(sentences.at(-1)).toBe(
      'The minister said the talks would resume in the capital next week, officials confirmed.',
    );
    expect(sentences.some((s) => s.includes('\n'))).toBe(false);
  });
});
