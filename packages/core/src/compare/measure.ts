import measures from './measures.json' with { type: 'json' };
import type { Quantity, Token } from './quantity.js';

/** What a figure measures, when it is not a plain count: its class, the unit it is kept in, and the factor to it. */
export interface Measure {
  unitClass: 'distance' | 'depth' | 'speed' | 'duration' | 'money' | 'magnitude';
  /** The unit values are kept in: `m`, `m/s`, `s`, a currency code, `magnitude`. */
  unit: string;
  /** What the written unit is worth in `unit` (1 for money and magnitudes). */
  factor: number;
  /** The unit as written, lower-case ("feet", "$"), so that two figures in different units are known to be converted. */
  written: string;
  /** Index of the last token of the unit, when it follows the figure. */
  through: number;
}

/** What happened to the people counted, as the words around the figure say ("12 killed", "injuring two"). */
export type Counted = 'dead' | 'injured' | 'arrested' | 'missing' | 'casualty';

/** Where a count holds: the whole country ("nationwide") or a part of it, by name ("in the Arvel district"). */
export interface Scope {
  kind: 'whole' | 'part';
  name: string;
}

const table = measures as {
  distance: Record<string, number>;
  speed: Record<string, number>;
  duration: Record<string, number>;
  currencies: Record<string, string>;
  magnitude: string[];
  depth: { before: string[]; after: string[] };
  counted: Record<Counted, string[]>;
  countedLinks: string[];
  scope: { whole: string[]; part: string[] };
};

/** Units of one class by their words, longest first so "nautical miles" beats "miles". */
const unitPhrases = (units: Record<string, number>) =>
  Object.entries(units)
    .map(([name, factor]) => ({ words: name.split(' '), name, factor }))
    .sort((a, b) => b.words.length - a.words.length);
const distances = unitPhrases(table.distance);
const speeds = unitPhrases(table.speed);
const durations = unitPhrases(table.duration);
const countedWords = new Map<string, Counted>();
for (const [kind, list] of Object.entries(table.counted) as [Counted, string[]][])
  for (const w of list) countedWords.set(w, kind);
const countedLinks = new Set(table.countedLinks);
const auxiliaries = new Set([
  'was',
  'were',
  'is',
  'are',
  'been',
  'be',
  'being',
  'have',
  'has',
  'had',
  'reported',
  'confirmed',
]);

/** Whether a glued suffix ("5km", "120mph") names a unit of length or speed. */
export function isGluedUnit(suffix: string): boolean {
  return suffix in table.distance || suffix in table.speed;
}

/** The currency a token names ("$", "euros"), if any. */
export function currencyOf(token: Token | undefined): string | null {
  return token ? (table.currencies[token.lower] ?? null) : null;
}

/**
 * The measure of a figure whose tokens run from `first` to `last` (`sign`: a currency sign before it): a currency before or after it ("$82 million",
 * "a hundred billion dollars"), a unit of length, speed or time after it or glued to it ("150 nautical miles",
 * "5km", "120mph", "almost three hours"), a magnitude ("magnitude 7.5", "a 7.5-magnitude quake"). A length is a depth when "deep", "below" or
 * "a depth of" goes with it.
 */
export function readMeasure(
  tokens: readonly Token[],
  sign: Token | undefined,
  last: number,
  glued: string,
  first: number,
): Measure | null {
  const currency = currencyOf(sign);
  if (currency) return { unitClass: 'money', unit: currency, factor: 1, written: sign?.lower ?? '', through: last };
  const after = currencyOf(tokens[last + 1]);
  if (after)
    return { unitClass: 'money', unit: after, factor: 1, written: tokens[last + 1]?.lower ?? '', through: last + 1 };
  // "magnitude 7.5", "a magnitude of 7.5", "a 7.5-magnitude quake", "7.5 on the Richter scale".
  const before = tokens[first - 1]?.lower === 'of' ? tokens[first - 2] : tokens[first - 1];
  const next = tokens[last + 1]?.text === '-' ? tokens[last + 2] : tokens[last + 1];
  const richter = tokens[last + 1]?.lower === 'on' && tokens[last + 3]?.lower === 'richter';
  if (richter || table.magnitude.includes(before?.lower ?? '') || table.magnitude.includes(next?.lower ?? ''))
    return { unitClass: 'magnitude', unit: 'magnitude', factor: 1, written: 'magnitude', through: last };
  const found = glued
    ? unitByName(glued, last)
    : (unitAt(tokens, last + 1, speeds) ?? unitAt(tokens, last + 1, distances) ?? unitAt(tokens, last + 1, durations));
  if (!found) return null;
  if (found.unitClass === 'distance' && isDepth(tokens, first, found.through)) return { ...found, unitClass: 'depth' };
  return found;
}

function unitByName(name: string, last: number): Measure | null {
  if (name in table.speed)
    return { unitClass: 'speed', unit: 'm/s', factor: table.speed[name] ?? 1, written: name, through: last };
  if (name in table.distance)
    return { unitClass: 'distance', unit: 'm', factor: table.distance[name] ?? 1, written: name, through: last };
  return null;
}

function unitAt(tokens: readonly Token[], from: number, units: ReturnType<typeof unitPhrases>): Measure | null {
  for (const { words, name, factor } of units) {
    // "km/h" comes as three tokens: "km", "/", "h".
    const written = tokens.slice(from, from + words.length + 2).map((t) => t.lower);
    if (name === 'km/h' ? written.slice(0, 3).join('') === 'km/h' : words.every((w, k) => written[k] === w)) {
      const through = from + (name === 'km/h' ? 3 : words.length) - 1;
      const unitClass = units === speeds ? 'speed' : units === durations ? 'duration' : 'distance';
      return { unitClass, unit: baseUnit[unitClass], factor, written: name, through };
    }
  }
  return null;
}

const baseUnit = { speed: 'm/s', duration: 's', distance: 'm' } as const;

function isDepth(tokens: readonly Token[], first: number, through: number): boolean {
  const lead = tokens
    .slice(Math.max(0, first - 3), first)
    .map((t) => t.lower)
    .join(' ');
  if (table.depth.before.some((p) => lead.endsWith(p))) return true;
  return table.depth.after.includes(tokens[through + 1]?.lower ?? '');
}

/**
 * What happened to those a figure counts: the noun counted ("30 casualties"), a word of the table right after it, past an auxiliary ("12
 * people were killed", "12 dead"), else one just before it or past the words of a toll ("killed 12", "injuring two
 * others", "a death toll of 40").
 */
export function readCounted(tokens: readonly Token[], first: number, through: number): Counted | null {
  // The noun counted may say it ("30 casualties", "12 deaths"), as its head: "seven life sentences" counts sentences.
  const head = through > first ? countedWords.get(tokens[through]?.lower ?? '') : undefined;
  if (head) return head;
  for (let k = through + 1, seen = 0; k < tokens.length && seen < 3; k++, seen++) {
    const word = tokens[k]?.lower ?? '';
    const kind = countedWords.get(word);
    if (kind) return kind;
    if (!auxiliaries.has(word)) break;
  }
  // Before it, only the words of a toll may come between ("killed 12", "a death toll of 40"): "a death sentence by
  // three jurors" counts no dead.
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
    const word = tokens[k]?.lower ?? '';
    const kind = countedWords.get(word);
    if (kind) return kind;
    if (!countedLinks.has(word)) break;
  }
  return null;
}

/**
 * Where a count holds, from the words after it in its clause: the whole ("nationwide", "across the country"), or a
 * named part ("in the Arvel district", "in the town of Arvel"); a named place alone is a part only with one of the
 * part words, since "in Ukraine" may be the whole.
 */
export function readScope(tokens: readonly Token[], through: number): Scope | null {
  const clause: Token[] = [];
  for (let k = through + 1; k < tokens.length && clause.length < 10; k++) {
    const token = tokens[k] as Token;
    if (/^[,;:.!?()"“”]$/.test(token.text)) break;
    clause.push(token);
  }
  const text = clause.map((t) => t.lower).join(' ');
  if (table.scope.whole.some((p) => ` ${text} `.includes(` ${p} `))) return { kind: 'whole', name: '' };
  const at = clause.findIndex((t) => t.lower === 'in');
  if (at === -1) return null;
  const rest = clause.slice(at + 1);
  if (!rest.some((t) => table.scope.part.includes(t.lower))) return null;
  const name = rest.filter((t) => /^\p{Lu}/u.test(t.text)).map((t) => t.lower);
  return name.length ? { kind: 'part', name: name.join(' ') } : null;
}

/** What a typed count is a figure of, in a few words ("how many died", "the depth"), or null for a plain count. */
export function figureOf(q: Quantity): string | null {
  if (q.counted) return countedWhat[q.counted];
  return q.unitClass && q.unitClass in measureWhat ? (measureWhat[q.unitClass] ?? null) : null;
}

const countedWhat: Record<Counted, string> = {
  dead: 'how many died',
  injured: 'how many were hurt',
  arrested: 'how many were arrested',
  missing: 'how many are missing',
  casualty: 'how many were killed or hurt',
};
const measureWhat: Record<string, string> = {
  distance: 'the distance',
  depth: 'the depth',
  speed: 'the speed',
  duration: 'how long it lasted',
  money: 'the sum',
  magnitude: 'the magnitude',
};

/** "No one was killed", "nobody was hurt", "there were no casualties": a count of none, with what it counts. */
export function zeroCounts(text: string): Quantity[] {
  const found: Quantity[] = [];
  const pattern =
    /\b(?:(?:no one|no-one|nobody|none)(?:\s+(?:else|of them|of the \w+))?\s+(?:(?:was|were|has been|had been|is|are|have been)\s+)?(?:\w+ly\s+)?(\w+)|no\s+(?:reported\s+|immediate\s+|other\s+)?(\w+))/gi;
  for (const match of text.matchAll(pattern)) {
    const word = (match[1] ?? match[2] ?? '').toLowerCase();
    const counted = countedWords.get(word);
    if (!counted || (match[2] && !/(?:ies|s|y)$/.test(word))) continue;
    const start = match.index ?? 0;
    const phrase = match[0];
    found.push({
      low: 0,
      high: 0,
      value: 0,
      text: phrase,
      start,
      end: start + phrase.length,
      phrase,
      unit: null,
      unitClass: 'person',
      counted,
      scope: null,
      written: null,
    });
  }
  return found;
}
