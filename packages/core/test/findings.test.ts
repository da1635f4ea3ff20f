import { type Agreement, type Contradiction, type Dispute, findingsAbove, importJson } from '@claimlens/core';
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

describe('findingsAbove', () => {
  const agreements: Agreement[] = [
    { claims: ['a0:c1', 'a1:c1'], event: 'V1', confidence: 0.2 },
    { claims: ['a0:c2', 'a1:c2'], event: 'V1' },
  ];
  const disputes = [dispute('D1', ['1', '2'], { confidence: 0.3 }), dispute('D2', ['3', '4'], { confidence: 0.9 })];
  const pair = (id: string, of?: string): Contradiction => ({
    id,
    kind: 'quantity',
    claims: ['a0:c1', 'a1:c1'],
    event: 'V1',
    explanation: '',
    ...(of ? { dispute: of } : {}),
  });
  const contradictions = [pair('C1', 'D1'), pair('C2', 'D2'), pair('C3')];
  const findings = { disputes, contradictions, agreements };

  it('keeps what is scored at least the threshold (and agreements never scored), and counts what it hid', () => {
    const shown = findingsAbove(findings, 0.5);
    expect(shown.disputes.map((d) => d.id)).toEqual(['D2']);
    expect(shown.agreements).toEqual([agreements[1]]);
    expect(shown.hidden).toEqual({ disputes: 1, agreements: 1 });
    expect(findingsAbove(findings).hidden).toEqual({ disputes: 0, agreements: 0 });
  });

  it('keeps the version-1 pairs of the disputes kept, and a pair of no dispute only when nothing is hidden', () => {
    expect(findingsAbove(findings, 0.5).contradictions.map((c) => c.id)).toEqual(['C2']);
    expect(findingsAbove(findings).contradictions.map((c) => c.id)).toEqual(['C1', 'C2', 'C3']);
  });

  it('refuses a threshold outside [0, 1]', () => {
    expect(() => findingsAbove(findings, 1.2)).toThrow(/from 0 to 1, not 1.2/);
    expect(() => findingsAbove(findings, Number.NaN)).toThrow(/from 0 to 1/);
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
