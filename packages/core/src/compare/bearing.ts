import measures from './measures.json' with { type: 'json' };

/** A place given relative to another: "150 nautical miles west of Aden", "just north of the border town". */
export interface Bearing {
  /** The compass direction as written, lower-case ("west", "north-east"). */
  direction: string;
  /** The direction in degrees clockwise from north. */
  degrees: number;
  /** The place it is relative to, lower-case, without "the" ("aden"). */
  reference: string;
  /** The phrase as written, distance included ("150 nautical miles west of Aden"). */
  text: string;
}

const directions = (measures as { directions: Record<string, number> }).directions;
const directionWords = Object.keys(directions)
  .sort((a, b) => b.length - a.length)
  // Each word may start with a capital ("West of Aden"); the rest of the pattern is case-sensitive, so that only a
  // capitalised name is taken for the place.
  .map((d) => d.replace(/[- ]/g, '[- ]?').replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`))
  .join('|');
/** An optional distance, a direction, "of", and a capitalised name: the place the direction is taken from. */
const pattern = new RegExp(
  `(?:\\b(?:about|around|some|nearly|roughly|approximately)\\s+)?(?:\\b[\\d.,]+\\s*[a-z]*(?:\\s+(?:nautical\\s+)?[a-z]+)?\\s+)?\\b(${directionWords})\\s+of\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*)`,
  'gu',
);

/** The places a text gives relative to another, in text order. */
export function findBearings(text: string): Bearing[] {
  const found: Bearing[] = [];
  for (const match of text.matchAll(pattern)) {
    const direction = (match[1] ?? '').toLowerCase();
    const degrees = directions[direction] ?? directions[direction.replace(/[- ]/, '')] ?? null;
    const name = match[2];
    if (degrees === null || !name) continue;
    found.push({ direction, degrees, reference: name.toLowerCase(), text: match[0].trim() });
  }
  return found;
}

/**
 * Whether two bearings from one place cannot both hold: a quarter turn or more apart ("west of Aden" and "east of
 * Aden"; "north" and "north-east" can be one rough direction).
 */
export function bearingsDiffer(a: Bearing, b: Bearing): boolean {
  if (a.reference !== b.reference) return false;
  const turn = Math.abs(a.degrees - b.degrees) % 360;
  return Math.min(turn, 360 - turn) >= 90;
}
