import { fileURLToPath } from 'node:url';
import { analyze } from '@claimlens/annotator';
import { describe, expect, it } from 'vitest';

// The whole pipeline (read, annotate, resolve, events, compare) on a few short articles written for this test.
const folder = fileURLToPath(new URL('./fixtures/compare/pipeline', import.meta.url));

describe('compare on the whole pipeline', () => {
  it('finds a denial across outlets, explains it, and counts wire copy as one voice', async () => {
    const corpus = await analyze([folder]);
    const byId = new Map(corpus.claims.map((c) => [c.id, c]));
    const outlet = (claim: string) => corpus.article(byId.get(claim)?.article ?? '')?.outlet;

    // Pakistan's denial against India's account: a polarity contradiction across outlets, and one inside the
    // article that reports both sides.
    const denials = corpus.contradictions.filter((c) => c.kind === 'polarity');
    const denial = denials.find((c) => new Set(c.claims.map(outlet)).size === 2);
    expect(denial).toBeDefined();
    const outlets = new Set(denial?.claims.map(outlet));
    expect(outlets.size).toBe(2);
    for (const name of outlets) expect(denial?.explanation).toContain(`(${name})`);
    expect(denial?.explanation).toMatch(/\bden(y|ies)\b/);

    const within = denials.find((c) => new Set(c.claims.map(outlet)).size === 1);
    expect(within?.explanation).toMatch(
      /^Indian officials \(Daily Courier\) say .*; Islamabad \(Daily Courier\) denies/,
    );

    // A contradiction is between different articles or two named speakers of one; an agreement is between
    // different articles; neither is ever between two wire copies.
    const wire = new Set(['wire1', 'wire2']);
    for (const pair of [...corpus.contradictions, ...corpus.agreements]) {
      const [x, y] = pair.claims.map((id) => byId.get(id));
      const [a, b] = [x?.article, y?.article];
      if (a === b) {
        expect(corpus.contradictions).toContain(pair);
        expect(x?.source && y?.source && x.source.text !== y.source.text).toBe(true);
      }
      expect(wire.has(a ?? '') && wire.has(b ?? '')).toBe(false);
    }
  });
});
