import { analyze, createAnnotator } from '@claimlens/annotator';
import type { Dispute } from '@claimlens/core';
import { describe, expect, it } from 'vitest';

const annotator = createAnnotator();

/**
 * The disputes `claimlens analyze` reports on a fixture folder (`fixtures/disputes/<name>/`: two short articles
 * from two outlets), each as its facet and, per position, the value and who holds it.
 */
async function disputes(name: string) {
  const corpus = await analyze([new URL(`fixtures/disputes/${name}/`, import.meta.url).pathname], { annotator });
  const shown = (d: Dispute) => ({
    facet: d.facet,
    positions: d.positions.map((p) => ({ value: p.value, by: p.sources.map((s) => `${s.name} (${s.outlet})`) })),
  });
  return corpus.disputes.map(shown);
}

describe('disputes between voices', () => {
  it('sets a denial against an account of the act', async () => {
    const found = await disputes('denial');
    expect(found).toHaveLength(1);
    expect(found[0]?.facet).toBe('occurrence');
    expect(found[0]?.positions).toContainEqual({ value: 'happened', by: ['Mara Kell (Northland Daily)'] });
    expect(found[0]?.positions.find((p) => p.value === 'did not happen')?.by).toEqual([
      expect.stringContaining('(Southland Post)'),
    ]);
  });

  it('sets a denial that names what it denies only by "that" against the claim before it', async () => {
    const found = await disputes('pointing-denial');
    expect(found).toEqual([
      {
        facet: 'occurrence',
        positions: [
          { value: 'happened', by: ['Mara Kell (Northland Daily)'] },
          { value: 'did not happen', by: ['Pol Brandt (Northland Daily)'] },
        ],
      },
    ]);
  });

  it('sets a confirmation against a hedged report of one speaker', async () => {
    const found = await disputes('hedge');
    expect(found).toEqual([
      {
        facet: 'certainty',
        positions: [
          { value: 'confirmed', by: ['Ivo Ness (Northland Daily)'] },
          { value: 'unconfirmed', by: ['Ivo Ness (Southland Post)'] },
        ],
      },
    ]);
  });

  it('sets a coerced motive against a voluntary one', async () => {
    const found = await disputes('motive');
    expect(found).toEqual([
      {
        facet: 'motive',
        positions: [
          { value: 'forced', by: ['Ivo Ness (Northland Daily)'] },
          { value: 'deserted', by: ['Pol Brandt (Southland Post)'] },
        ],
      },
    ]);
  });

  it('sets success against failure, opposites in WordNet', async () => {
    const found = await disputes('outcome');
    expect(found).toEqual([
      {
        facet: 'outcome',
        positions: [
          { value: 'succeeded', by: ['Jon Tarr (Northland Daily)'] },
          { value: 'failed', by: ['Mara Kell (Southland Post)'] },
        ],
      },
    ]);
  });

  it('sets one named doer against another', async () => {
    const found = await disputes('agent');
    expect(found).toEqual([
      {
        facet: 'agent',
        positions: [
          { value: 'John Smith', by: ['Mara Kell (Northland Daily)'] },
          { value: 'Peter Brown', by: ['Ivo Ness (Southland Post)'] },
        ],
      },
    ]);
  });

  it('finds no dispute in one speaker saying the same thing twice, in two outlets', async () => {
    expect(await disputes('same-speaker')).toEqual([]);
  });

  it('finds no dispute in two outlets reporting one denial', async () => {
    expect(await disputes('one-denial')).toEqual([]);
  });

  it('finds no dispute in a paraphrase: "failed" and "did not succeed"', async () => {
    expect(await disputes('paraphrase')).toEqual([]);
  });

  it('reports one disagreement told by four outlets once, with both outlets behind each figure', async () => {
    expect(await disputes('four-outlets')).toEqual([
      {
        facet: 'count',
        positions: [
          { value: '12 people', by: ['Ivo Ness (Northland Daily)', 'Jon Tarr (Eastern Herald)'] },
          { value: '30 people', by: ['Mara Kell (Southland Post)', 'Pol Brandt (Western Courier)'] },
        ],
      },
    ]);
  });

  it('does not set the toll of a flood named as background ("a previous flood in 1998") against the day\'s', async () => {
    expect(await disputes('background')).toEqual([]);
  });
});
