import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

/** One place in the gazetteer: a country, a first-level region (admin1) or a populated place. */
export interface GazetteerEntry {
  kind: 'country' | 'region' | 'place';
  /** ISO country code for countries, GeoNames admin1 code (`RU.61`) for regions, GeoNames id for places. */
  id: string;
  geonameId: number | null;
  name: string;
  alternates: string[];
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** GeoNames admin1 code (`RU.61`), when known. */
  region: string | null;
  population: number;
  /** GeoNames feature code (`PPLC`, `PPLA`, `PPL`, …; `ADM1` for regions, `PCLI` for countries). */
  feature: string;
}

/** Look places up by name. */
export interface Gazetteer {
  /** Entries with this name or alternate name (folded: case, diacritics, apostrophes and hyphens ignored). */
  lookup(name: string): readonly GazetteerEntry[];
  country(code: string): GazetteerEntry | undefined;
  region(code: string): GazetteerEntry | undefined;
  readonly size: number;
}

/** The gazetteer shipped in `data/gazetteer/places.tsv.br`. */
export const defaultGazetteerFile = new URL('../../data/gazetteer/places.tsv.br', import.meta.url);

const cache = new Map<string, Gazetteer>();

/** Load a gazetteer file (`.tsv`, or `.tsv.br` Brotli-compressed as written by `scripts/build-gazetteer.mjs`); memoised, read-only. */
export function loadGazetteer(file: string | URL = defaultGazetteerFile): Gazetteer {
  const key = String(file);
  let gazetteer = cache.get(key);
  if (!gazetteer) {
    const bytes = readFileSync(file);
    const text = key.endsWith('.br') ? brotliDecompressSync(bytes).toString('utf8') : bytes.toString('utf8');
    gazetteer = parseGazetteer(text);
    cache.set(key, gazetteer);
  }
  return gazetteer;
}

/**
 * Parse gazetteer rows: `kind id name alternates(|) lat lon country region population feature`, `#` comments.
 * Only the names are read up front; a row becomes an entry when a lookup first returns it.
 */
export function parseGazetteer(text: string): Gazetteer {
  const rows = text.split('\n');
  const byName = new Map<string, number | number[]>();
  const countries = new Map<string, number>();
  const regions = new Map<string, number>();
  const entries: (GazetteerEntry | undefined)[] = [];
  let size = 0;
  const add = (key: string, row: number) => {
    const known = byName.get(key);
    if (known === undefined) byName.set(key, row);
    else if (typeof known === 'number') {
      if (known !== row) byName.set(key, [known, row]);
    } else if (known[known.length - 1] !== row) known.push(row);
  };
  for (let row = 0; row < rows.length; row++) {
    const line = rows[row] as string;
    if (line === '' || line.startsWith('#')) continue;
    const t1 = line.indexOf('\t');
    const t2 = line.indexOf('\t', t1 + 1);
    const t3 = line.indexOf('\t', t2 + 1);
    const t4 = line.indexOf('\t', t3 + 1);
    const kind = line.slice(0, t1);
    if (t4 === -1 || (kind !== 'country' && kind !== 'region' && kind !== 'place')) {
      throw new Error(`Expected a gazetteer row of kind country, region or place, not \`${line.slice(0, 40)}\``);
    }
    size++;
    if (kind === 'country') countries.set(line.slice(t1 + 1, t2), row);
    if (kind === 'region') regions.set(line.slice(t1 + 1, t2), row);
    add(placeKey(line.slice(t2 + 1, t3)), row);
    if (t4 > t3 + 1) for (const alternate of line.slice(t3 + 1, t4).split('|')) add(placeKey(alternate), row);
  }
  const entry = (row: number): GazetteerEntry => {
    let found = entries[row];
    if (!found) {
      found = parseRow(rows[row] as string);
      entries[row] = found;
    }
    return found;
  };
  return {
    lookup(name) {
      const rowsOf = byName.get(placeKey(name));
      if (rowsOf === undefined) return [];
      return typeof rowsOf === 'number' ? [entry(rowsOf)] : rowsOf.map(entry);
    },
    country: (code) => {
      const row = countries.get(code);
      return row === undefined ? undefined : entry(row);
    },
    region: (code) => {
      const row = regions.get(code);
      return row === undefined ? undefined : entry(row);
    },
    size,
  };
}

function parseRow(line: string): GazetteerEntry {
  const f = line.split('\t');
  const kind = f[0] as GazetteerEntry['kind'];
  return {
    kind,
    id: f[1] ?? '',
    geonameId: kind === 'place' ? Number(f[1]) : null,
    name: f[2] ?? '',
    alternates: f[3] ? f[3].split('|') : [],
    lat: Number(f[4]),
    lon: Number(f[5]),
    country: f[6] ?? '',
    region: f[7] || null,
    population: Number(f[8]) || 0,
    feature: f[9] ?? '',
  };
}

/** Fold a place name for lookup: lower case, no diacritics or apostrophes, hyphens and spaces alike. */
export function placeKey(name: string): string {
  // Most names are plain ASCII: no need to decompose them.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ.]/g, '')
    .replace(/[\s\-‐–]+/g, ' ')
    .trim()
    .toLowerCase();
}
