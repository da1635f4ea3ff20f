import {
  blankRanges,
  decodeText,
  findBoilerplate,
  inferMetadata,
  parseBrat,
  parseW3C,
  readFrontMatter,
  type Span,
  toBrat,
  toW3C,
} from '@claimlens/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Text built from pieces that break naive code: line endings of every kind, astral characters, BOMs, markup. */
const pieces = [
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '🙂',
  '👩‍👩‍👧',
  '\uFEFF',
  '\t',
  '“',
  '”',
  '---',
  '{{x}}',
  '(Reuters) - ',
  '© 2020 ',
  'said',
  'Kyiv',
  ' ',
  '.',
  'é',
  '\u0000',
  '\uFFFD',
  'https://a.b/c',
];
const tricky = fc
  .array(
    fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Code point boundaries of a text (spans from the annotator never split a surrogate pair). */
function boundaries(text: string): number[] {
  const at = [0];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    at.push(i);
  }
  return at;
}

const textWithSpans = tricky.chain((text) => {
  const points = boundaries(text);
  const span = fc
    .tuple(fc.integer({ min: 0, max: points.length - 1 }), fc.integer({ min: 0, max: points.length - 1 }))
    .map(([a, b]): Span => {
      const [start, end] = [points[Math.min(a, b)] ?? 0, points[Math.max(a, b)] ?? 0];
      return { start, end, text: text.slice(start, end) };
    });
  return fc.record({
    text: fc.constant(text),
    mentions: fc.array(
      fc.record({ span, type: fc.constantFrom('actor', 'place'), kind: fc.constantFrom('person', 'city') }),
      { maxLength: 6 },
    ),
    claims: fc.array(
      fc.record({
        source: fc.option(span),
        cue: fc.option(span),
        content: span,
        stance: fc.constantFrom('assert', 'deny'),
      }),
      { maxLength: 4 },
    ),
  });
});

/** What brat can hold of a span: without leading and trailing line breaks. */
function trimBreaks(text: string, span: Span): { start: number; end: number } | null {
  let { start, end } = span;
  while (start < end && /[\r\n]/.test(text[start] as string)) start++;
  while (end > start && /[\r\n]/.test(text[end - 1] as string)) end--;
  return start < end ? { start, end } : null;
}

/**
 * Runs per property; each run draws a fresh seed (printed with any counterexample). CLAIMLENS_FC_RUNS runs a
 * longer hunt; CLAIMLENS_FC_SEED replays a failure.
 */
const settings = {
  numRuns: Number(process.env.CLAIMLENS_FC_RUNS ?? 300),
  ...(process.env.CLAIMLENS_FC_SEED === undefined ? {} : { seed: Number(process.env.CLAIMLENS_FC_SEED) }),
};

describe('properties of decode, formats, boilerplate and metadata on adversarial text', () => {
  it('decodeText never throws, and valid UTF-8 comes back as it was', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.option(fc.integer({ min: 0, max: 300 })), (bytes, max) => {
        const decoded = decodeText(bytes, max ?? undefined);
        expect(decoded.text === null || typeof decoded.text === 'string').toBe(true);
        for (const m of decoded.messages) expect(m.reason).not.toMatch(/\n/);
      }),
      settings,
    );
    fc.assert(
      fc.property(tricky, (text) => {
        fc.pre(!text.includes('\u0000') && !text.startsWith('\uFEFF') && !text.startsWith('\uFFFD'));
        const decoded = decodeText(Buffer.from(text, 'utf8'));
        if (decoded.messages.some((m) => m.code === 'read/binary')) return;
        expect(decoded.text).toBe(text);
      }),
      settings,
    );
  });

  it('brat export and import keep offsets (code points out, UTF-16 back)', () => {
    fc.assert(
      fc.property(textWithSpans, ({ text, mentions, claims }) => {
        const ann = toBrat(text, {
          mentions: mentions.map((m) => ({ ...m.span, type: m.type, kind: m.kind })),
          claims,
        });
        const doc = parseBrat(ann, 'd', text);
        expect(doc.skipped).toBe(0);
        const expectedMentions = mentions.map((m) => trimBreaks(text, m.span)).filter((s) => s !== null);
        expect(doc.mentions.map(({ start, end }) => ({ start, end }))).toEqual(
          expectedMentions.sort((a, b) => a.start - b.start),
        );
        const keptClaims = claims.filter((c) => trimBreaks(text, c.content));
        expect(doc.claims.map((c) => c.content.start)).toEqual(
          keptClaims.map((c) => trimBreaks(text, c.content)?.start),
        );
        for (const s of [...doc.mentions, ...doc.claims.flatMap((c) => [c.source, c.cue, c.content])]) {
          if (s) expect(s.text).toBe(text.slice(s.start, s.end));
        }
        expect(toBrat(text, { mentions: mentions.map((m) => ({ ...m.span, type: m.type })), claims })).toBe(
          toBrat(text, { mentions: mentions.map((m) => ({ ...m.span, type: m.type })), claims }),
        );
      }),
      settings,
    );
  });

  it('W3C export and import keep offsets exactly', () => {
    fc.assert(
      fc.property(textWithSpans, ({ text, mentions, claims }) => {
        const article = { id: 'd', path: 'd.txt', outlet: null, title: null, date: null, url: null };
        const jsonld = JSON.parse(
          JSON.stringify(
            toW3C([
              {
                article,
                text,
                annotation: { mentions: mentions.map((m) => ({ ...m.span, type: m.type, kind: m.kind })), claims },
              },
            ]),
          ),
        );
        const doc = parseW3C(jsonld, new Map([['d', text]])).get('d');
        expect(doc?.mentions.map(({ start, end }) => [start, end]) ?? []).toEqual(
          mentions.map((m) => [m.span.start, m.span.end]),
        );
        expect(doc?.claims.map((c) => [c.source?.start, c.cue?.start, c.content.start, c.content.end]) ?? []).toEqual(
          claims.map((c) => [c.source?.start, c.cue?.start, c.content.start, c.content.end]),
        );
      }),
      settings,
    );
  });

  it('findBoilerplate gives sorted, disjoint ranges inside the text, and blanking keeps every offset', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const ranges = findBoilerplate(text);
        let last = 0;
        for (const r of ranges) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.end).toBeLessThanOrEqual(text.length);
          last = r.end;
        }
        const blanked = blankRanges(text, ranges);
        expect(blanked).toHaveLength(text.length);
        expect(blanked.replace(/[^\r\n]/g, '')).toBe(text.replace(/[^\r\n]/g, ''));
        expect(findBoilerplate(text)).toEqual(ranges);
      }),
      settings,
    );
  });

  it('metadata readers never throw and their evidence points into the text', () => {
    fc.assert(
      fc.property(tricky, fc.boolean(), (text, markdown) => {
        const found = inferMetadata(text, markdown ? 'markdown' : 'plaintext');
        for (const e of Object.values(found.evidence)) {
          expect(e && e.start !== undefined && e.end !== undefined && e.start < e.end && e.end <= text.length).toBe(
            true,
          );
        }
        const front = readFrontMatter(`---\n${text}`);
        if (front.range) expect(front.range.end).toBeLessThanOrEqual(text.length + 4);
      }),
      settings,
    );
  });
});
