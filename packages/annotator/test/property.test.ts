import { createProcessor, plainBlocks, splitSentences, tokenize } from '@claimlens/annotator';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/**
 * Runs per property. Each run draws a fresh random seed (fast-check prints it with the counterexample on failure);
 * set CLAIMLENS_FC_RUNS for a longer hunt and CLAIMLENS_FC_SEED to replay a failure.
 */
const numRuns = Number(process.env.CLAIMLENS_FC_RUNS ?? 200);
const seed = process.env.CLAIMLENS_FC_SEED === undefined ? {} : { seed: Number(process.env.CLAIMLENS_FC_SEED) };
const settings = { numRuns, ...seed };
/** A longer hunt gets a longer time limit. */
const timeout = 60_000 + numRuns * 100;

/** News-like pieces made adversarial: names, cues, quotes, markup, boilerplate, every line ending, odd characters. */
const pieces = [
  'Kyiv',
  'NATO',
  'Russia',
  'Vladimir Putin',
  'MAYOR',
  'J.',
  'U.S.',
  'Mr.',
  'the ministry',
  'said',
  'told reporters',
  'according to',
  'denied',
  'crossed the border',
  '300 troops',
  'on Friday',
  '“We will fight,”',
  'he said.',
  '“',
  '”',
  '"',
  "'",
  ',',
  '.',
  '. ',
  '?',
  ':',
  ' — ',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  '🙂',
  '👩‍👩‍👧',
  'é',
  '\u00a0',
  '\u2028',
  '\uFEFF',
  '\u0000',
  '\ud800',
  '\udc00',
  '# ',
  '```',
  '`',
  '|',
  '---',
  '[link](https://x.y/Kyiv)',
  '<b>',
  '</b>',
  '<!-- x -->',
  '[^1]',
  '[^1]: ',
  '> ',
  '- ',
  '1. ',
  '{{x}}',
  'WATCH: ',
  'LIVE BLOG',
  'Skip to content',
  'Error',
];
const text = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...pieces) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

type Part = { start: number; end: number; text?: string };

function expectInside(source: string, part: Part, what: string): void {
  expect(
    0 <= part.start && part.start <= part.end && part.end <= source.length,
    `${what} ${part.start}-${part.end}`,
  ).toBe(true);
  if (part.text !== undefined) expect(source.slice(part.start, part.end), what).toBe(part.text);
}

/** Run the whole pipeline on one text and check what every stage left in `file.data`. */
function checkStages(source: string, format: 'markdown' | 'plaintext'): unknown {
  const processor = createProcessor(format);
  const file = new VFile({ value: source, data: { format } });
  const tree = processor.parse(file) as Root;
  // Parsing: every node's position lies inside the text.
  type Node = {
    position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
    children?: unknown[];
  };
  const walk = (node: Node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) expectInside(source, { start, end }, 'node');
    for (const child of node.children ?? []) walk(child as Node);
  };
  walk(tree);
  processor.runSync(tree, file);
  const data = file.data;
  // mark-prose: same length, same line breaks, every other character kept or blanked to a space.
  const prose = data.prose ?? '';
  expect(prose.length).toBe(source.length);
  for (let i = 0; i < source.length; i++) {
    const kept = prose[i] === source[i];
    if (/[\r\n]/.test(source[i] as string)) expect(kept, `line break at ${i}`).toBe(true);
    else if (!kept) expect(prose[i], `blanked at ${i}`).toBe(' ');
  }
  for (const block of data.blocks ?? []) expectInside(source, block, 'block');
  // split-sentences: sorted, disjoint sentences of tokens that slice to their text.
  let last = 0;
  for (const sentence of data.sentences ?? []) {
    expectInside(source, sentence, 'sentence');
    expect(sentence.start >= last, 'sentences sorted and disjoint').toBe(true);
    last = sentence.end;
    for (const token of sentence.tokens) {
      expectInside(source, token, 'token');
      expect(sentence.start <= token.start && token.end <= sentence.end, 'token inside its sentence').toBe(true);
    }
  }
  const inSentence = (offset: number) => (data.sentences ?? []).some((s) => s.start <= offset && offset < s.end);
  const withinOne = (p: Part) => (data.sentences ?? []).some((s) => s.start <= p.start && p.end <= s.end);
  // Taggers: names and mentions do not overlap; every span slices to its text.
  for (const layer of [data.names ?? [], data.mentions ?? []]) {
    let end = 0;
    for (const m of [...layer].sort((a, b) => a.start - b.start)) {
      expectInside(source, m, 'mention');
      expect(m.start >= end, `overlapping mention at ${m.start}`).toBe(true);
      end = m.end;
    }
  }
  for (const m of data.mentions ?? []) expect((data.entities ?? []).some((e) => e.id === m.entity)).toBe(true);
  for (const claim of data.claims ?? []) {
    for (const part of [claim.source, claim.cue, claim.content]) {
      if (!part) continue;
      expectInside(source, part, 'claim part');
      if (part.end > part.start)
        expect(inSentence(part.start) && inSentence(part.end - 1), 'claim part in sentences').toBe(true);
    }
    for (const part of [claim.source, claim.cue])
      if (part) expect(withinOne(part), `${part.text} in one sentence`).toBe(true);
  }
  const claimIds = new Set((data.claims ?? []).map((c) => c.id));
  for (const event of data.events ?? []) {
    expectInside(source, event.trigger, 'event trigger');
    for (const value of Object.values(event.arguments))
      if (value && typeof value === 'object') expectInside(source, value, 'argument');
    for (const id of event.claims) expect(claimIds.has(id)).toBe(true);
  }
  return { prose, sentences: data.sentences, mentions: data.mentions, claims: data.claims, events: data.events };
}

describe('every stage of the pipeline on random and adversarial text', () => {
  it(
    'tokenize, plainBlocks and splitSentences keep exact offsets',
    () => {
      fc.assert(
        fc.property(text, (source) => {
          for (const token of tokenize(source)) expectInside(source, token, 'token');
          const blocks = plainBlocks(source);
          for (const block of blocks) expectInside(source, block, 'block');
          for (const sentence of splitSentences(source, blocks)) expectInside(source, sentence, 'sentence');
        }),
        settings,
      );
    },
    timeout,
  );

  for (const format of ['plaintext', 'markdown'] as const) {
    it(
      `${format}: no stage throws, every span is inside the text, claim parts inside sentences, output stable`,
      () => {
        fc.assert(
          fc.property(text, (source) => {
            expect(checkStages(source, format)).toEqual(checkStages(source, format));
          }),
          {
            ...settings,
            // Inputs that once broke a stage, kept so they are always tried.
            examples: [['. WATCH: {300 troops'], ['. Kyiv:Kyiv🙂Kyiv'], ['\r\n\r'], ['\uFEFF# \u0000']],
          },
        );
      },
      timeout,
    );
  }
});
