import { fileURLToPath } from 'node:url';
import { analyze } from '@claimlens/annotator';
import { describe, expect, it } from 'vitest';

// The whole pipeline (read, annotate, resolve, events, compare) on a few short articles written for this test.
const folder = fileURLToPath(new URL('./fixtures/compare/pipeline', import.meta.url));

describe('compare on the whole pipeline', () => {
  it('finds a denial across outlets once, with every outlet on each side, and counts wire copy as one voice', async () => {
    const corpus = await analyze([folder]);
    const byId = new Map(corpus.claims.map((c) => [c.id, c]));

    // Pakistan's denial against India's account: one dispute on whether it happened, each side with every
    // outlet that reports it, including the article that reports both sides.
    const occurrence = corpus.disputes.filter((d) => d.facet === 'occurrence');
    expect(occurrence).toHaveLength(1);
    const [told, denied] = occurrence[0]?.positions ?? [];
    expect(told?.value).toBe('happened');
    expect(denied?.value).toBe('did not happen');
    expect(new Set(denied?.sources.map((s) => s.outlet))).toEqual(new Set(['Daily Courier', 'Evening Star']));
    expect(told?.sources.map((s) => s.outlet)).toContain('Daily Courier');
    expect(occurrence[0]?.explanation).toMatch(/Islamabad \(Daily Courier\)/);

    // The version-1 pair of that dispute names both speakers and the denial.
    const denial = corpus.contradictions.find((c) => c.kind === 'polarity');
    expect(denial?.explanation).toMatch(/\bden(y|ies)\b/);

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
