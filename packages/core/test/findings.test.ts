import { type Agreement, type Dispute, disputePairs, findingsAbove, importJson } from '@claimlens/core';
import { describe, expect, it } from 'vitest';

const source = (name: string, article: string, outlet: string) => ({ speaker: null, name, article, outlet });

/** A dispute over a count with one position per outlet. */
function dispute(id: string, values: string[], extra: Partial<Dispute> = {}): Dispute {
  return {
    id,
    event: 'V1',
    facet: 'count',
    what: 'the number of dead',
    compatible: false,
    positions: values.map((value, i) => ({
      value,
      claims: [`a${i}:c1`, `a${i}:c2`],
      sources: [source(`Speaker ${i}`, `a${i}`, `Outlet ${i}`)],
    })),
    confidence: 0.8,
    explanation: `The sources give ${values.join(', ')}.`,
    ...extra,
  };
}

describe('disputePairs: the version-1 contradictions of version-2 disputes', () => {
  it('gives one pair per two positions, each naming the first claim of its position and all of them as sides', () => {
    const pairs = disputePairs([dispute('D1', ['12', '30', 'none'])]);
    expect(pairs.map((p) => [p.kind, p.dispute, p.values])).toEqual([
      ['quantity', 'D1', ['12', '30']],
      ['quantity', 'D1', ['12', 'none']],
      ['quantity', 'D1', ['30', 'none']],
    ]);
    expect(pairs[0]?.claims).toEqual(['a0:c1', 'a1:c1']);
    expect(pairs[0]?.sides).toEqual([
      ['a0:c1', 'a0:c2'],
      ['a1:c1', 'a1:c2'],
    ]);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(3);
  });

  it('gives no pair for figures that can all hold, nor for a later report that updates an earlier one', () => {
    expect(disputePairs([dispute('D1', ['at least 300', '438'], { compatible: true })])).toEqual([]);
    expect(disputePairs([dispute('D2', ['12', '30'], { update: true })])).toEqual([]);
  });

  it('reports facets version 1 had no kind for as "other"', () => {
    expect(disputePairs([dispute('D1', ['Tuesday', 'Wednesday'], { facet: 'time' })])[0]?.kind).toBe('other');
  });
});

describe('findingsAbove', () => {
  const agreements: Agreement[] = [
    { claims: ['a0:c1', 'a1:c1'], event: 'V1', confidence: 0.2 },
    { claims: ['a0:c2', 'a1:c2'], event: 'V1' },
  ];
  const disputes = [dispute('D1', ['1', '2'], { confidence: 0.3 }), dispute('D2', ['3', '4'], { confidence: 0.9 })];

  it('keeps what is scored at least the threshold (and agreements never scored), and counts what it hid', () => {
    const shown = findingsAbove({ disputes, agreements }, 0.5);
    expect(shown.disputes.map((d) => d.id)).toEqual(['D2']);
    expect(shown.agreements).toEqual([agreements[1]]);
    expect(shown.hidden).toEqual({ disputes: 1, agreements: 1 });
    expect(findingsAbove({ disputes, agreements }).hidden).toEqual({ disputes: 0, agreements: 0 });
  });

  it('refuses a threshold outside [0, 1]', () => {
    expect(() => findingsAbove({ disputes, agreements }, 1.2)).toThrow(/from 0 to 1, not 1.2/);
    expect(() => findingsAbove({ disputes, agreements }, Number.NaN)).toThrow(/from 0 to 1/);
  });
});

describe('importJson reads corpus JSON of version 1 and 2', () => {
  const article = { id: 'a0', path: 'a0.txt' };
  const claim = { id: 'a0:c1', article: 'a0', content: { start: 0, end: 4, text: 'Rain' }, stance: 'assert' };
  it('reads both versions alike and names a version it does not know', () => {
    for (const version of [1, 2])
      expect(importJson({ version, articles: [article], claims: [claim] }).get('a0')?.claims).toHaveLength(1);
    expect(() => importJson({ version: 3, articles: [article] })).toThrow(
      'Expected claimlens JSON of version 1 or 2, not version 3',
    );
  });
});
