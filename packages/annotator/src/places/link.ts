import type { Geo, PlaceKind } from '@claimlens/core';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';

/** Countries (ISO codes) and regions (admin1 codes) an article mentions unambiguously. */
export interface PlaceContext {
  countries: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

/** How a name was written: bare ("Rostov"), or with a region noun ("Rostov region"). */
export interface PlaceName {
  /** The name without a leading article or a trailing region noun. */
  base: string;
  /** Whether it was written as a region ("X region", "X Oblast"). */
  region: boolean;
}

/** Split "the Rostov region" into `{base: 'Rostov', region: true}`. */
export function parsePlaceName(text: string, regionNouns: readonly string[]): PlaceName {
  const words = text.replace(/^the\s+/i, '').split(/\s+/);
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/['’]$/, '');
  if (words.length > 1 && regionNouns.includes(last)) return { base: words.slice(0, -1).join(' '), region: true };
  return { base: words.join(' '), region: false };
}

/** The candidates a name may stand for, before context: regions only for "X region", else all. */
export function candidates(name: PlaceName, full: string, gazetteer: Gazetteer): readonly GazetteerEntry[] {
  const exact = gazetteer.lookup(full.replace(/^the\s+/i, ''));
  if (name.region) {
    const regions = exact.filter((e) => e.kind === 'region');
    if (regions.length > 0) return regions;
    return gazetteer.lookup(name.base).filter((e) => e.kind === 'region');
  }
  return exact;
}

/**
 * The most likely entry for a name: a score that adds up being in a country the article mentions, in a region it
 * mentions, being a country (then a place: a bare "Donetsk" is the city, not the region), and the order of
 * magnitude of the population, so that a place ten times larger still wins over a small one in a named region.
 */
export function choosePlace(list: readonly GazetteerEntry[], context: PlaceContext): GazetteerEntry | undefined {
  let best: GazetteerEntry | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const entry of list) {
    const score =
      (context.countries.has(entry.country) ? 1.5 : 0) +
      (entry.kind !== 'region' && entry.region !== null && context.regions.has(entry.region) ? 0.5 : 0) +
      (entry.kind === 'country' ? 3 : entry.kind === 'place' ? 1.5 : 0) +
      Math.log10(entry.population + 10);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

/** The mention kind of a gazetteer entry. */
export function placeKind(entry: GazetteerEntry): PlaceKind {
  if (entry.kind === 'country') return 'country';
  if (entry.kind === 'region') return 'region';
  const seat = entry.feature === 'PPLC' || entry.feature === 'PPLA' || entry.feature === 'PPLA2';
  return seat || entry.population >= 15_000 ? 'city' : 'settlement';
}

/** Where a gazetteer entry is, as the model says it. */
export function geoOf(entry: GazetteerEntry, gazetteer: Gazetteer): Geo {
  const country = gazetteer.country(entry.country);
  const region = entry.region ? gazetteer.region(entry.region) : undefined;
  return {
    geonameId: entry.geonameId,
    name: entry.name,
    lat: entry.lat,
    lon: entry.lon,
    country: entry.country || null,
    countryName: country?.name ?? null,
    region: entry.kind === 'country' ? null : (region?.name ?? null),
  };
}
