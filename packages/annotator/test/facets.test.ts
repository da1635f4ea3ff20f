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
    what: d.what,
    compatible: d.compatible,
    ...(d.update ? { update: true } : {}),
    positions: d.positions.map((p) => ({ value: p.value, outlets: p.sources.map((s) => s.outlet) })),
  }));
}

describe('counts of a happening', () => {
  it('sets two tolls of one flood against each other, each with its outlet', async () => {
    expect(await disputes('count')).toEqual([
      {
        facet: 'count',
        what: 'how many died',
        compatible: false,
        positions: [
          { value: '12 people', outlets: ['Northland Daily'] },
          { value: '30 people', outlets: ['Southland Post'] },
        ],
      },
    ]);
  });

  it('sets "12 killed" against "no casualties"', async () => {
    expect(await disputes('no-casualties')).toEqual([
      {
        facet: 'count',
        what: 'how many died',
        compatible: false,
        positions: [
          { value: '12 people', outlets: ['Northland Daily'] },
          { value: 'no casualties', outlets: ['Southland Post'] },
        ],
      },
    ]);
  });

  it("marks a district's toll beside the national toll as able to hold", async () => {
    const found = await disputes('district');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ what: 'how many died', compatible: true });
  });

  it('marks a later report that raises the toll as an update', async () => {
    expect(await disputes('update')).toMatchObject([{ what: 'how many died', compatible: false, update: true }]);
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

describe('measures of a happening', () => {
  it('sets two magnitudes of one earthquake against each other', async () => {
    expect(await disputes('magnitude')).toEqual([
      {
        facet: 'count',
        what: 'the magnitude',
        compatible: false,
        positions: [
          { value: '7.5', outlets: ['Northland Daily'] },
          { value: '7.3', outlets: ['Southland Post'] },
        ],
      },
    ]);
  });

  it('sets a depth of 10 km against one of 100 km', async () => {
    expect(await disputes('depth')).toMatchObject([
      { what: 'the depth', compatible: false, positions: [{ value: '10 km' }, { value: '100 km' }] },
    ]);
  });

  it('sets a fall of about 60 metres against one of about 200 metres', async () => {
    expect(await disputes('distance')).toMatchObject([
      {
        what: 'the distance',
        compatible: false,
        positions: [{ value: 'about 60 metres' }, { value: 'about 200 metres' }],
      },
    ]);
  });

  it('finds no dispute between about 60 metres and about 200 feet: one length, converted', async () => {
    expect(await disputes('conversion')).toEqual([]);
  });

  it('marks €75 million beside $100 million as sums that can both hold', async () => {
    expect(await disputes('money')).toMatchObject([
      { what: 'the sum', compatible: true, positions: [{ value: '€75 million' }, { value: '$100 million' }] },
    ]);
  });
});

describe('places and times of a happening', () => {
  it('sets "west of" a town against "east of" it', async () => {
    expect(await disputes('direction')).toEqual([
      {
        facet: 'place',
        what: 'where it happened',
        compatible: false,
        positions: [
          { value: '150 nautical miles west of Arvel', outlets: ['Northland Daily'] },
          { value: 'around 150 nautical miles east of Arvel', outlets: ['Southland Post'] },
        ],
      },
    ]);
  });

  it('sets "about 10 a.m." against "around 10:30 a.m."', async () => {
    expect(await disputes('clock')).toMatchObject([
      { facet: 'time', compatible: false, positions: [{ value: '10 a.m.' }, { value: '10:30 a.m.' }] },
    ]);
  });
});
