import { analyze, createAnnotator } from '@claimlens/annotator';
import type { Dispute } from '@claimlens/core';
import { describe, expect, it } from 'vitest';

const annotator = createAnnotator();

/**
 * The disputes `claimlens analyze` reports on a fixture folder (`fixtures/facets/<name>/`: two short articles
 * from two outlets, one figure each), each as its facet, whether its positions can all hold, and per position
 * the value and the outlets behind it.
 */
async function disputes(name: string) {
  const corpus = await analyze([new URL(`fixtures/facets/${name}/`, import.meta.url).pathname], { annotator });
  return corpus.disputes.map((d: Dispute) => ({
    facet: d.facet,
    compatible: d.compatible,
    positions: d.positions.map((p) => ({ value: p.value, outlets: p.sources.map((s) => s.outlet) })),
  }));
}

describe('counts of a happening', () => {
  it('sets two tolls of one flood against each other, each with its outlet', async () => {
    expect(await disputes('count')).toEqual([
      {
        facet: 'count',
        compatible: false,
        positions: [
          { value: '12 people', outlets: ['Northland Daily'] },
          { value: '30 people', outlets: ['Southland Post'] },
        ],
      },
    ]);
  });

  it('does not read the ages of the people arrested as a count of arrests', async () => {
    expect(await disputes('ages')).toEqual([]);
  });

  it('marks "more than 10" and "12" as figures that can both hold, not a dispute', async () => {
    const found = await disputes('more-than');
    expect(found.every((d) => d.compatible)).toBe(true);
  });

  it('does not read a date ("Mar 20") as a count, and takes "twelve" and "12" as one figure', async () => {
    expect(await disputes('dates')).toEqual([]);
  });
});
