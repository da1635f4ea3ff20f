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

    // Pakistan's denial (in two outlets) against India's account: a polarity contradiction across outlets.
    const denial = corpus.contradictions.find((c) => c.kind === 'polarity');
    expect(denial).toBeDefined();
    const outlets = new Set(denial?.claims.map(outlet));
    expect(outlets.size).toBe(2);
    for (const name of outlets) expect(denial?.explanation).toContain(`(${name})`);
    expect(denial?.explanation).toMatch(/\bden(y|ies)\b/);

    // Every contradiction and agreement is between different articles, and never between two wire copies.
    const wire = new Set(['wire1', 'wire2']);
    for (const pair of [...corpus.contradictions, ...corpus.agreements]) {
      const [a, b] = pair.claims.map((id) => byId.get(id)?.article);
      expect(a).not.toBe(b);
      expect(wire.has(a ?? '') && wire.has(b ?? '')).toBe(false);
    }
  });
});
