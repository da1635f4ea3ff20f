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

/** The gazetteer shipped in `data/gazetteer/places.columns.br`. */
export const defaultGazetteerFile = new URL('../../data/gazetteer/places.columns.br', import.meta.url);

const cache = new Map<string, Gazetteer>();

/**
 * Load a gazetteer file: rows (`.tsv`) or the columns `scripts/build-gazetteer.mjs` writes, either one Brotli-compressed
 * when the name ends in `.br`; memoised, read-only.
 */
export function loadGazetteer(file: string | URL = defaultGazetteerFile): Gazetteer {
  const key = String(file);
  let gazetteer = cache.get(key);
  if (!gazetteer) {
    const bytes = readFileSync(file);
    const text = key.endsWith('.br') ? brotliDecompressSync(bytes).toString('utf8') : bytes.toString('utf8');
    gazetteer = parseGazetteer(text.startsWith(columnsHeader) ? gazetteerRowsFromColumns(text) : text.split('\n'));
    cache.set(key, gazetteer);
  }
  return gazetteer;
}

/**
 * Parse gazetteer rows: `kind id name alternates(|) lat lon country region population feature`, `#` comments.
 * Only the names are read up front; a row becomes an entry when a lookup first returns it.
 */
export function parseGazetteer(rows: readonly string[]): Gazetteer {
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

const columnsHeader = '# claimlens gazetteer columns 1\t';
const rowsHeader = '# kind\tid\tname\talternates\tlat\tlon\tcountry\tregion\tpopulation\tfeature';

/**
 * Give back the rows of a gazetteer written as columns by `scripts/build-gazetteer.mjs`: a header line with the row
 * count n, then the ten columns, n lines each. Countries and regions come first, in row order; places come in
 * GeoNames id order, with the id, latitude and longitude (in thousandths) written as the difference from the place
 * before, and the region without its country prefix (`.14` for `MX.14`). Places go back most populous first, then by id.
 */
export function gazetteerRowsFromColumns(text: string): string[] {
  const lines = text.split('\n');
  const count = Number((lines[0] as string).slice(columnsHeader.length));
  if (!Number.isInteger(count) || lines.length < 1 + 10 * count) {
    throw new Error(`Expected ${count} rows of ten gazetteer columns, not ${lines.length - 1} lines`);
  }
  const rows = [rowsHeader];
  const places: { row: string; population: number }[] = [];
  let id = 0;
  let lat = 0;
  let lon = 0;
  for (let row = 0; row < count; row++) {
    const fields: string[] = [];
    for (let column = 0; column < 10; column++) fields.push(lines[1 + column * count + row] as string);
    if (fields[0] !== 'place') {
      rows.push(fields.join('\t'));
      continue;
    }
    id += Number(fields[1]);
    lat += Number(fields[4]);
    lon += Number(fields[5]);
    fields[1] = String(id);
    fields[4] = fromThousandths(lat);
    fields[5] = fromThousandths(lon);
    if (fields[7]?.startsWith('.')) fields[7] = fields[6] + fields[7];
    places.push({ row: fields.join('\t'), population: Number(fields[8]) });
  }
  // Places come in id order and the sort is stable: the same population stays in id order.
  places.sort((a, b) => b.population - a.population);
  for (const place of places) rows.push(place.row);
  return rows;
}

function fromThousandths(value: number): string {
  const magnitude = Math.abs(value);
  return `${value < 0 ? '-' : ''}${Math.floor(magnitude / 1000)}.${String(magnitude % 1000).padStart(3, '0')}`;
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
