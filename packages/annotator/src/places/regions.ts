import type { Mention } from '@claimlens/core';

/** An article's statement that a place lies in a region: "X in the Y region", "X, Y region", "X (Y Oblast)". */
export interface RegionStatement {
  place: Mention;
  region: Mention;
}

const between = /^[\s,(]*(?:(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3})?(?:(?:in|of)\s+)?(?:the\s+)?$/u;
/** "the Kursk region village of X": a region, a settlement noun, "of", the place. */
const regionFirst = /^\s+(?:[\p{Ll}-]+\s+)?of\s+$/u;

const settlement = /\b(?:village|town|city|settlement|hamlet|township)\b/u;

/** Statements of the form "X in the Y region" in a sorted mention list. */
export function regionStatements(text: string, mentions: readonly Mention[]): RegionStatement[] {
  const out: RegionStatement[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const first = mentions[i] as Mention;
    const after = mentions[i + 1] as Mention;
    if (
      first.type === 'place' &&
      first.kind === 'region' &&
      after.type === 'place' &&
      after.kind !== 'region' &&
      after.kind !== 'country'
    ) {
      const gap = text.slice(first.end, after.start);
      if (regionFirst.test(gap) && settlement.test(gap)) out.push({ place: after, region: first });
    }
    const place = first;
    if (place.type !== 'place' || place.kind === 'region' || place.kind === 'country') continue;
    for (let j = i + 1; j < mentions.length && j <= i + 2; j++) {
      const region = mentions[j] as Mention;
      if (region.start - place.end > 60) break;
      if (region.type !== 'place' || region.kind !== 'region') continue;
      if (between.test(text.slice(place.end, region.start))) out.push({ place, region });
      break;
    }
  }
  return out;
}

/** Pairs of statements that put the same place (by `placeOf`) in different regions (by `regionOf`). */
export function conflictingRegions(
  statements: readonly RegionStatement[],
  placeOf: (m: Mention) => string,
  regionOf: (m: Mention) => string,
): [RegionStatement, RegionStatement][] {
  const first = new Map<string, RegionStatement>();
  const out: [RegionStatement, RegionStatement][] = [];
  const reported = new Set<string>();
  for (const statement of statements) {
    const key = placeOf(statement.place);
    const seen = first.get(key);
    if (!seen) {
      first.set(key, statement);
      continue;
    }
    const pair = `${key}\u0000${regionOf(statement.region)}`;
    if (regionOf(seen.region) !== regionOf(statement.region) && !reported.has(pair)) {
      reported.add(pair);
      out.push([seen, statement]);
    }
  }
  return out;
}
