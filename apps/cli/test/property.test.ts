import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annotate,
  annotationToJson,
  createAnnotator,
  type DocumentAnnotation,
  parseBrat,
  toBrat,
} from '../src/index.js';

/** News-like text made adversarial: names, cues, quotes, markup, every line ending, astral characters, NULs. */
const pieces = [
  'Kyiv',
  'NATO',
  'Russia',
  'Vladimir Putin',
  'the ministry',
  'Lugansk',
  'said',
  'told reporters',
  'according to',
  'denied',
  'claimed',
  'crossed the border',
  '300 troops',
  'on Friday',
  '“',
  '”',
  '"',
  "'",
  ',',
  '.',
  '. ',
  '?',
  ':',
  ';',
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
  '# ',
  '```',
  '`',
  '|',
  '---',
  '[link](https://x.y/Kyiv)',
  '<b>',
  '</b>',
  '[^1]',
  '[^1]: ',
  '> ',
  '- ',
  '1. ',
  '{{x}}',
  'WATCH: ',
  'Skip to content',
];
const text = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...pieces) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

type Part = { start: number; end: number; text: string };

function checkAnnotation(source: string, annotation: DocumentAnnotation): void {
  const spans: Part[] = [
    ...annotation.mentions,
    ...annotation.claims.flatMap((c) => [c.source, c.cue, c.content].filter((p): p is Part => p !== null)),
    ...annotation.events.flatMap((v) => [
      v.trigger,
      ...Object.values(v.arguments).filter((a): a is Part => typeof a === 'object'),
    ]),
  ];
  for (const s of spans) {
    expect(0 <= s.start && s.start <= s.end && s.end <= source.length, `${s.start}-${s.end} in ${source.length}`).toBe(
      true,
    );
    expect(source.slice(s.start, s.end)).toBe(s.text);
  }
  const inSentence = (offset: number) => annotation.sentences.some((s) => s.start <= offset && offset < s.end);
  const sentenceOf = (p: Part) => annotation.sentences.findIndex((s) => s.start <= p.start && p.end <= s.end);
  for (const claim of annotation.claims) {
    // Every part starts and ends inside a sentence; the cue and the source each lie within one sentence.
    for (const part of [claim.source, claim.cue, claim.content]) {
      if (part && part.end > part.start)
        expect(inSentence(part.start) && inSentence(part.end - 1), JSON.stringify(part)).toBe(true);
    }
    for (const part of [claim.source, claim.cue])
      if (part) expect(sentenceOf(part), JSON.stringify(part)).toBeGreaterThanOrEqual(0);
  }
  const ids = new Set(annotation.claims.map((c) => c.id));
  for (const v of annotation.events) for (const c of v.claims) expect(ids.has(c)).toBe(true);
  for (const m of annotation.mentions) expect(annotation.entities.some((e) => e.id === m.entity)).toBe(true);
}

describe('properties of the whole pipeline on random and adversarial text', () => {
  const fresh = createAnnotator();
  for (const format of ['plaintext', 'markdown'] as const) {
    it(`annotate (${format}) never throws, keeps spans inside the text and claim parts inside sentences, and is stable`, () => {
      fc.assert(
        fc.property(text, (source) => {
          const annotation = annotate(source, { format });
          checkAnnotation(source, annotation);
          expect(annotate(source, { format })).toEqual(annotation);
          expect(fresh.annotate(source, { format })).toEqual(annotation);
          const json = annotationToJson(annotation);
          expect(JSON.parse(JSON.stringify(json))).toEqual(json);
          const back = parseBrat(toBrat(source, annotation), 'd', source);
          expect(back.skipped).toBe(0);
        }),
        {
          numRuns: Number(process.env.CLAIMLENS_FC_RUNS ?? 150),
          ...(process.env.CLAIMLENS_FC_SEED === undefined ? {} : { seed: Number(process.env.CLAIMLENS_FC_SEED) }),
          examples: [['. WATCH: {300 troops'], ['. Kyiv:Kyiv🙂Kyiv']],
        },
      );
    });
  }
});
