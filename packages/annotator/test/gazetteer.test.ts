import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultGazetteerFile, gazetteerRowsFromColumns, loadGazetteer } from '../src/places/gazetteer.js';

describe('the gazetteer file', () => {
  it('gives back the rows whose SHA-256 the build recorded in sources.json', () => {
    const { outputs } = JSON.parse(readFileSync(new URL('../data/gazetteer/sources.json', import.meta.url), 'utf8'));
    const recorded = Object.entries(outputs).find(([name]) => name.startsWith('places.tsv'))?.[1];
    const rows = gazetteerRowsFromColumns(brotliDecompressSync(readFileSync(defaultGazetteerFile)).toString('utf8'));
    expect(
      createHash('sha256')
        .update(`${rows.join('\n')}\n`)
        .digest('hex'),
    ).toBe(recorded);
  });

  it('reads places back from columns: ids and coordinates from differences, regions with their country', () => {
    const columns = [
      '# claimlens gazetteer columns 1\t3',
      ...['country', 'place', 'place'],
      ...['UA', '700', '5'],
      ...['Ukraine', 'Tyotkino', 'Luhansk'],
      ...['', '', 'Lugansk'],
      ...['49', '51270', '-2720'],
      ...['32', '34581', '4750'],
      ...['UA', 'RU', 'UA'],
      ...['', '.41', '.14'],
      ...['0', '3000', '400000'],
      ...['PCLI', 'PPL', 'PPLA'],
    ].join('\n');
    expect(gazetteerRowsFromColumns(columns).slice(1)).toEqual([
      'country\tUA\tUkraine\t\t49\t32\tUA\t\t0\tPCLI',
      'place\t705\tLuhansk\tLugansk\t48.550\t39.331\tUA\tUA.14\t400000\tPPLA',
      'place\t700\tTyotkino\t\t51.270\t34.581\tRU\tRU.41\t3000\tPPL',
    ]);
  });

  it('finds a place by a folded alternate name', () => {
    const [luhansk] = loadGazetteer()
      .lookup('lugansk')
      .filter((entry) => entry.kind === 'place');
    expect(luhansk).toMatchObject({ name: 'Luhansk', country: 'UA', region: 'UA.14' });
    expect(luhansk?.lat).toBeCloseTo(48.57, 1);
  });
});
