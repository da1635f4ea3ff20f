import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

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

/** The gazetteer shipped in `data/gazetteer/places.tsv.gz`. */
export const defaultGazetteerFile = new URL('../../data/gazetteer/places.tsv.gz', import.meta.url);

const cache = new Map<string, Gazetteer>();

/** Load a gazetteer file (`.tsv` or `.tsv.gz`, as written by `scripts/build-gazetteer.mjs`); memoised, read-only. */
export function loadGazetteer(file: string | URL = defaultGazetteerFile): Gazetteer {
  const key = String(file);
  let gazetteer = cache.get(key);
  if (!gazetteer) {
    const bytes = readFileSync(file);
    const text = key.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    gazetteer = parseGazetteer(text);
    cache.set(key, gazetteer);
  }
  return gazetteer;
}

/** Parse gazetteer rows: `kind id name alternates(|) lat lon country region population feature`, `#` comments. */
export function parseGazetteer(text: string): Gazetteer {
  const byName = new Map<string, GazetteerEntry[]>();
  const countries = new Map<string, GazetteerEntry>();
  const regions = new Map<string, GazetteerEntry>();
  let size = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    const kind = f[0];
    if (kind !== 'country' && kind !== 'region' && kind !== 'place') {
      throw new Error(`Expected a gazetteer row of kind country, region or place, not \`${line.slice(0, 40)}\``);
    }
    const entry: GazetteerEntry = {
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
    size++;
    if (kind === 'country') countries.set(entry.id, entry);
    if (kind === 'region') regions.set(entry.id, entry);
    const keys = new Set([entry.name, ...entry.alternates].map(placeKey));
    for (const k of keys) {
      const list = byName.get(k);
      if (list) list.push(entry);
      else byName.set(k, [entry]);
    }
  }
  return {
    lookup: (name) => byName.get(placeKey(name)) ?? [],
    country: (code) => countries.get(code),
    region: (code) => regions.get(code),
    size,
  };
}

/** Fold a place name for lookup: lower case, no diacritics or apostrophes, hyphens and spaces alike. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ.]/g, '')
    .replace(/[\s\-‐–]+/g, ' ')
    .trim()
    .toLowerCase();
}
