import { describe, expect, it } from 'vitest';
import { compareClaims } from '../src/index.js';
import { type ArticleSpec, buildInput, type EntitySpec } from './fixtures/compare/build.js';

// Disputes as a reader sees them: one per disputed point of a happening, every position with its sources.
const world: EntitySpec[] = [
  { name: 'Pakistan', kind: 'country', country: 'PK' },
  { name: 'Police', kind: 'organization' },
  { name: 'the ministry', kind: 'organization' },
  { name: 'Red Crescent', kind: 'organization' },
];

function run(articles: ArticleSpec[]) {
  return compareClaims(buildInput(world, articles));
}

/** An article whose one claim tells of a flood that killed some people. */
function toll(id: string, source: string, count: string, date?: string): ArticleSpec {
  const content = `the flood killed ${count} in the valley`;
  return {
    id,
    outlet: `${id} Times`,
    date: date ?? '2021-07-01',
    text: `${source} said ${content}.`,
    claims: [
      {
        source,
        content,
        events: [{ event: 'V1', trigger: 'killed', lemma: 'kill', type: 'attack', patient: count }],
      },
    ],
  };
}

describe('disputes', () => {
  it('reports three different tolls as one dispute with every position and source', () => {
    const { disputes, contradictions } = run([
      toll('a', 'Police', '12 people'),
      toll('b', 'the ministry', '30 people'),
      toll('c', 'Red Crescent', '55 people'),
      toll('d', 'Police', '12 people'),
    ]);
    expect(disputes).toHaveLength(1);
    const [dispute] = disputes;
    expect(dispute?.facet).toBe('count');
    expect(dispute?.compatible).toBe(false);
    expect(dispute?.positions.map((p) => p.value).sort()).toEqual(['12 people', '30 people', '55 people']);
    const twelve = dispute?.positions.find((p) => p.value === '12 people');
    expect(twelve?.sources.map((s) => s.outlet).sort()).toEqual(['a Times', 'd Times']);
    expect(dispute?.confidence).toBeGreaterThan(0);
    expect(dispute?.confidence).toBeLessThanOrEqual(1);
    expect(dispute?.explanation).toContain('12 people (Police (a Times), Police (d Times))');
    // Version-1 readers get the dispute once, as one pair between its two best-supported positions.
    expect(contradictions).toHaveLength(1);
    expect(contradictions[0]?.kind).toBe('quantity');
  });

  it('marks a toll that later reports raise as an update', () => {
    const { disputes } = run([
      toll('a', 'Police', '12 people', '2021-07-01'),
      toll('b', 'the ministry', '30 people', '2021-07-03'),
    ]);
    expect(disputes).toHaveLength(1);
    expect(disputes[0]?.update).toBe(true);
  });

  it('does not mark differing tolls as an update when the articles do not order them', () => {
    const { disputes } = run([
      toll('a', 'Police', '30 people', '2021-07-01'),
      toll('b', 'the ministry', '12 people', '2021-07-03'),
    ]);
    expect(disputes).toHaveLength(1);
    expect(disputes[0]?.update).toBeUndefined();
  });

  it('gives a lower bound and a figure inside it as a compatible discrepancy, scored below a dispute', () => {
    const { disputes } = run([toll('a', 'Police', 'at least 300 people'), toll('b', 'the ministry', '438 people')]);
    expect(disputes).toHaveLength(1);
    expect(disputes[0]?.compatible).toBe(true);
    const strict = run([toll('a', 'Police', '300 people'), toll('b', 'the ministry', '438 people')]).disputes[0];
    expect(disputes[0]?.confidence).toBeLessThan(strict?.confidence ?? 0);
  });

  it('does not read ages, or figures outside the act, as counts of it', () => {
    const arrest = (id: string, source: string, content: string, patient: string): ArticleSpec => ({
      id,
      text: `${source} said ${content}.`,
      claims: [
        { source, content, events: [{ event: 'V1', trigger: 'arrested', lemma: 'arrest', type: 'arrest', patient }] },
      ],
    });
    const { disputes } = run([
      arrest(
        'a',
        'Police',
        'Ali, 52, and Omar, 44, were arrested after the team won 40 games',
        'Ali, 52, and Omar, 44',
      ),
      arrest('b', 'the ministry', 'two leaders were arrested after the team won 12 games', 'two leaders'),
    ]);
    expect(disputes.filter((d) => d.facet === 'count')).toEqual([]);
  });

  it('does not set a speaker against the same figure told in other words by another outlet', () => {
    const { disputes, agreements } = run([toll('a', 'Police', '12 people'), toll('b', 'Police', 'twelve people')]);
    expect(disputes).toEqual([]);
    expect(agreements.length).toBeLessThanOrEqual(1);
  });
});
