import { monthFullNames } from '../time/find.js';
import { wordSet } from '../words/words.js';
import {
  type Counted,
  currencyOf,
  isGluedUnit,
  readCounted,
  readMeasure,
  readScope,
  type Scope,
  zeroCounts,
} from './measure.js';

const stopWords = wordSet('contentStopWords');
const personNouns = wordSet('personNouns');
const vehicleNouns = wordSet('vehicleNouns');

/** A count found in text, as the interval of values it allows ("at least 300" → 300..∞). */
export interface Quantity {
  low: number;
  high: number;
  /** The figure as written, before modifiers ("at least 300" → 300; a range gives its low end). */
  value: number;
  /** The words that give the count, as written. */
  text: string;
  /** Offsets of `text` in the text parsed. */
  start: number;
  end: number;
  /** The count with the noun counted, as written ("at least 300 soldiers"). */
  phrase: string;
  /** The noun counted, singular and lower-case, when one follows. */
  unit: string | null;
  /**
   * A coarse class of the noun counted, so "300 troops" and "438 soldiers" compare; `age` for a person's age
   * ("Rand Oller, 52,", "a 36-year-old", "aged 44"), which is never a count of anything; or what a measure
   * measures, its values then in `unit` (metres, m/s, a currency code): "60 metres (200 feet)" is one length.
   */
  unitClass:
    | 'person'
    | 'vehicle'
    | 'percent'
    | 'age'
    | 'distance'
    | 'depth'
    | 'speed'
    | 'duration'
    | 'money'
    | 'magnitude'
    | null;
  /** What happened to those counted ("12 killed": `dead`), when the words around the figure say it. */
  counted: Counted | null;
  /** Where the count holds, when its clause says: the whole country or a named part of it. */
  scope: Scope | null;
  /** For a measure, the unit as written ("feet"), so that figures in two units are known to be conversions. */
  written: string | null;
}

/** How two counts of the same thing relate. */
export type QuantityRelation = 'same' | 'compatible' | 'incompatible';

/** Find every count in `text`: digits, number words, ranges, vague amounts ("dozens"), with their modifiers. */
export function parseQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  if (!mayCount.test(text)) return zeroCounts(text);
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const core = readCore(tokens, i);
    if (!core) continue;
    let { low, high } = core;
    const value = core.low;
    let first = i;
    let last = core.next - 1;
    if (isDateOrTime(tokens, i, core) || (core.digits && isNamePart(tokens, i))) {
      i = last;
      continue;
    }
    // Ranges: "5 to 10", "5-10", "between 5 and 10", "2 or 3".
    const joiner = tokens[last + 1]?.lower;
    if (joiner === 'to' || joiner === '-' || joiner === '–' || joiner === 'or' || joiner === 'and') {
      const second = readCore(tokens, last + 2);
      const between = tokens[i - 1]?.lower === 'between';
      if (second && (joiner !== 'and' || between) && second.low >= low) {
        high = second.high;
        last = second.next - 1;
        if (between) first = i - 1;
      }
    }
    if (tokens[last + 1]?.lower === 'or' && tokens[last + 2]?.lower === 'more') {
      high = Number.POSITIVE_INFINITY;
      last += 2;
    } else if (tokens[last + 1]?.text === '+' || tokens[last + 1]?.lower === 'plus') {
      high = Number.POSITIVE_INFINITY;
      last += 1;
    }
    // A currency sign before the figure belongs to its phrase ("nearly $80 million").
    const sign = currencyOf(tokens[first - 1]) ? tokens[first - 1] : undefined;
    if (sign) first--;
    const modifier = readModifier(tokens, first);
    if (modifier) {
      [low, high] = modifier.apply(low, high);
      first = modifier.start;
    }
    const age = core.digits && isAge(text, tokens, first, last);
    const measure = age ? null : readMeasure(tokens, sign, last, core.glued, first);
    const { unit, unitClass, through } = age
      ? { unit: 'year of age', unitClass: 'age' as const, through: last }
      : measure
        ? { unit: measure.unit, unitClass: measure.unitClass, through: measure.through }
        : readUnit(tokens, last + 1);
    if (core.pronounLike && !unit) {
      i = last;
      continue;
    }
    const factor = measure?.factor ?? 1;
    const start = tokens[first]?.start ?? 0;
    const end = tokens[last]?.end ?? start;
    const phraseLast = unit === null ? last : Math.max(through, last);
    const counted = age || measure ? null : readCounted(tokens, first, phraseLast);
    const phraseEnd = tokens[phraseLast]?.end ?? end;
    found.push({
      low: low * factor,
      high: high * factor,
      value: value * factor,
      text: text.slice(start, end),
      start,
      end,
      phrase: text.slice(start, phraseEnd),
      unit,
      unitClass,
      counted,
      scope: counted ? readScope(tokens, phraseLast) : null,
      written: measure?.written ?? null,
    });
    i = Math.max(last, measure?.through ?? last);
  }
  for (const zero of zeroCounts(text))
    if (!found.some((q) => q.start < zero.end && zero.start < q.end)) found.push(zero);
  found.sort((a, b) => a.start - b.start);
  return found;
}

/**
 * Compare two counts: equal intervals, or the same figure qualified ("about 40" and "40"), are the same;
 * overlapping ones compatible ("at least 300" and "438"); others incompatible ("six" and "two").
 */
export function compareQuantities(a: Quantity, b: Quantity): QuantityRelation {
  // Sums in two currencies can both hold: no rate is known for the day.
  if (a.unitClass === 'money' && b.unitClass === 'money' && a.unit !== b.unit) return 'compatible';
  // A figure and its conversion ("60 metres (200 feet)") are one figure, rounded: within a tenth of each other.
  if (a.written !== b.written && a.written !== null && b.written !== null) {
    const near = (x: number, y: number) => Math.abs(x - y) <= 0.1 * Math.max(Math.abs(x), Math.abs(y));
    if (near(a.value, b.value)) return 'same';
  }
  // Casualties take in the dead and the injured: "30 casualties" can hold beside "12 killed", "none" cannot.
  if ((a.counted === 'casualty') !== (b.counted === 'casualty') && a.counted && b.counted) {
    const [all, part] = a.counted === 'casualty' ? [a, b] : [b, a];
    return all.high >= part.low ? 'compatible' : 'incompatible';
  }
  const overlap = a.low <= b.high && b.low <= a.high;
  const relation =
    a.low === b.low && a.high === b.high
      ? 'same'
      : overlap && a.value === b.value
        ? 'same'
        : overlap
          ? 'compatible'
          : 'incompatible';
  // A part's count beside the whole's, or beside a count with no place given, can hold when the part's is smaller.
  if (relation === 'incompatible' && partOf(a, b)) return a.low <= b.high ? 'compatible' : 'incompatible';
  if (relation === 'incompatible' && partOf(b, a)) return b.low <= a.high ? 'compatible' : 'incompatible';
  return relation;
}

/** Whether `a` counts in a named part and `b` in the whole or nowhere said. */
function partOf(a: Quantity, b: Quantity): boolean {
  return a.scope?.kind === 'part' && b.scope?.kind !== 'part';
}

/**
 * Whether two counts count the same kind of thing: measures of one kind (two lengths, two sums), counts of people
 * that the same thing happened to (two death tolls; a toll of casualties and one of the dead), counted in one place
 * (two districts' tolls are two things). An unknown noun on either side does not rule a plain count out.
 */
export function sameThing(a: Quantity, b: Quantity): boolean {
  const measured = (q: Quantity) => q.written !== null;
  if (measured(a) || measured(b)) return a.unitClass === b.unitClass && measured(a) && measured(b);
  if (!!a.counted !== !!b.counted) return false;
  if (a.counted && b.counted && a.counted !== b.counted && a.counted !== 'casualty' && b.counted !== 'casualty')
    return false;
  if (a.scope?.kind === 'part' && b.scope?.kind === 'part' && a.scope.name !== b.scope.name) return false;
  if (a.counted && b.counted) return true;
  if (a.unit === null || b.unit === null) return true;
  if (a.unit === b.unit) return true;
  return a.unitClass !== null && a.unitClass === b.unitClass;
}

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface Core {
  low: number;
  high: number;
  next: number;
  digits: boolean;
  /** "one", "a dozen": words that often are not counts at all. */
  pronounLike: boolean;
  /** A unit glued to the digits ("5km", "200m"), lower-case, or "". */
  glued: string;
}

/** A cheap test that a text may hold a count at all: a digit, or a number word or vague amount. */
const mayCount =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|scores|hundreds|thousands|millions|several|handful|couple|few|single|tens)\b/i;

const tokenPattern = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[a-zA-Z]*|[A-Za-z]+(?:[-'’][A-Za-z]+)*|[%+–—-]|[^\s\w]/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return tokens;
}

const units: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const scales: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };
const suffixScales: Record<string, number> = { k: 1000, m: 1e6, mn: 1e6, bn: 1e9 };

/** Vague amounts as intervals. */
const vague: Record<string, [number, number]> = {
  dozens: [24, 120],
  scores: [40, 200],
  hundreds: [200, 999],
  thousands: [2000, 99_999],
  millions: [2e6, 999e6],
  several: [3, 9],
  handful: [2, 8],
  couple: [2, 3],
  dozen: [12, 12],
  single: [1, 1],
};

function readCore(tokens: Token[], i: number): Core | undefined {
  const token = tokens[i];
  if (!token) return undefined;
  const code = token.text.charCodeAt(0);
  const digits = code >= 48 && code <= 57 && /^(\d[\d,]*(?:\.\d+)?)([a-z]*)$/i.exec(token.text);
  if (digits) {
    const suffix = (digits[2] ?? '').toLowerCase();
    // "200m" is 200 million after a currency sign ("$100m"), else 200 metres.
    const million = suffix === 'm' && currencyOf(tokens[i - 1]) !== null;
    const glued = !million && isGluedUnit(suffix) ? suffix : '';
    if (suffix && !glued && !(suffix in suffixScales)) return undefined; // ordinals ("1st")
    let value = Number((digits[1] ?? '').replace(/,/g, ''));
    if (!Number.isFinite(value)) return undefined;
    let next = i + 1;
    if (suffix && !glued) value *= suffixScales[suffix] ?? 1;
    for (let scale = tokens[next]?.lower; !glued && scale && scale in scales; scale = tokens[next]?.lower) {
      value *= scales[scale] ?? 1;
      next++;
    }
    return { low: value, high: value, next, digits: true, pronounLike: false, glued };
  }
  // Vague amounts: "dozens", "a dozen", "a few", "a couple of", "tens of thousands".
  if (token.lower === 'tens' && tokens[i + 1]?.lower === 'of' && tokens[i + 2]?.lower === 'thousands') {
    return { low: 20_000, high: 99_999, next: i + 3, digits: false, pronounLike: false, glued: '' };
  }
  const article = token.lower === 'a' || token.lower === 'an';
  const head = article ? tokens[i + 1]?.lower : token.lower;
  if (head && head in vague && (article || !['dozen', 'couple', 'handful', 'single'].includes(head))) {
    const [low, high] = vague[head] ?? [0, 0];
    let next = i + (article ? 2 : 1);
    if (tokens[next]?.lower === 'of') next++;
    return { low, high, next, digits: false, pronounLike: head === 'single', glued: '' };
  }
  if (article && tokens[i + 1]?.lower === 'few') {
    return { low: 2, high: 6, next: i + 2, digits: false, pronounLike: false, glued: '' };
  }
  if (article && head && head in scales) {
    // "a hundred billion": each scale word after the first multiplies.
    let value = scales[head] ?? 0;
    let next = i + 2;
    for (let scale = tokens[next]?.lower; scale && scale in scales; scale = tokens[next]?.lower) {
      value *= scales[scale] ?? 1;
      next++;
    }
    return { low: value, high: value, next, digits: false, pronounLike: false, glued: '' };
  }
  return readWords(tokens, i);
}

/** Number words: "two hundred and fifty", "twenty-five", "three thousand". */
function readWords(tokens: Token[], i: number): Core | undefined {
  let total = 0;
  let current = 0;
  let next = i;
  let seen = false;
  while (next < tokens.length) {
    const lower = tokens[next]?.lower ?? '';
    const parts = lower in units ? [lower] : lower.includes('-') ? lower.split('-') : null;
    if (parts?.every((p) => p in units)) {
      for (const p of parts) current += units[p] ?? 0;
      seen = true;
      next++;
    } else if (seen && lower in scales) {
      const scale = scales[lower] ?? 1;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      next++;
    } else if (seen && lower === 'and' && (tokens[next + 1]?.lower ?? '').split('-').every((p) => p in units)) {
      next++;
    } else break;
  }
  if (!seen) return undefined;
  const value = total + current;
  const pronounLike = next === i + 1 && tokens[i]?.lower === 'one';
  return { low: value, high: value, next, digits: false, pronounLike, glued: '' };
}

interface Modifier {
  start: number;
  apply: (low: number, high: number) => [number, number];
}

const modifiers: [string, (low: number, high: number) => [number, number]][] = [
  ['at least', (l) => [l, Number.POSITIVE_INFINITY]],
  ['no fewer than', (l) => [l, Number.POSITIVE_INFINITY]],
  ['no less than', (l) => [l, Number.POSITIVE_INFINITY]],
  ['not less than', (l) => [l, Number.POSITIVE_INFINITY]],
  ['more than', (_l, h) => [h + 1, Number.POSITIVE_INFINITY]],
  ['over', (_l, h) => [h + 1, Number.POSITIVE_INFINITY]],
  ['upwards of', (_l, h) => [h, Number.POSITIVE_INFINITY]],
  ['in excess of', (_l, h) => [h + 1, Number.POSITIVE_INFINITY]],
  ['at most', (_l, h) => [0, h]],
  ['up to', (_l, h) => [0, h]],
  ['no more than', (_l, h) => [0, h]],
  ['as many as', (_l, h) => [Math.floor(h / 2), h]],
  ['fewer than', (l) => [0, Math.max(0, l - 1)]],
  ['less than', (l) => [0, Math.max(0, l - 1)]],
  ['under', (l) => [0, Math.max(0, l - 1)]],
  ['nearly', (l, h) => [Math.floor(l * 0.9), h]],
  ['almost', (l, h) => [Math.floor(l * 0.9), h]],
  ['close to', (l, h) => [Math.floor(l * 0.9), Math.ceil(h * 1.1)]],
  ['about', (l, h) => [Math.floor(l * 0.9), Math.ceil(h * 1.1)]],
  ['around', (l, h) => [Math.floor(l * 0.9), Math.ceil(h * 1.1)]],
  ['approximately', (l, h) => [Math.floor(l * 0.9), Math.ceil(h * 1.1)]],
  ['roughly', (l, h) => [Math.floor(l * 0.9), Math.ceil(h * 1.1)]],
  ['some', (l, h) => [Math.floor(l * 0.9), Math.ceil(h * 1.1)]],
  ['an estimated', (l, h) => [Math.floor(l * 0.8), Math.ceil(h * 1.2)]],
  ['estimated', (l, h) => [Math.floor(l * 0.8), Math.ceil(h * 1.2)]],
];

const modifierWords = modifiers.map(([phrase, apply]) => [phrase.split(' '), apply] as const);

function readModifier(tokens: Token[], first: number): Modifier | undefined {
  for (const [words, apply] of modifierWords) {
    const start = first - words.length;
    if (start < 0) continue;
    if (words.every((w, k) => tokens[start + k]?.lower === w)) return { start, apply };
  }
  return undefined;
}

/**
 * Whether a figure gives a person's age: set off by commas right after a capitalised name ("Rand Oller, 52,
 * and"), joined to "year-old" ("a 36-year-old"), or after "aged" ("aged 44").
 */
function isAge(text: string, tokens: Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  if (tokens[first - 1]?.lower === 'aged') return true;
  if (/^-?years?-old$/.test(after?.lower ?? '') || /^-?year-old/.test(text.slice(tokens[last]?.end ?? 0).trimStart()))
    return true;
  const name = tokens[first - 2];
  return before?.text === ',' && (after?.text === ',' || after === undefined) && !!name && /^\p{Lu}/u.test(name.text);
}

/**
 * Whether digits belong to a name of a type or model, joined to a short capitalised code ("AK-47", "F-16",
 * "MH17"): such a figure counts nothing.
 */
function isNamePart(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const code = before?.text === '-' && before.start === (tokens[i - 2]?.end ?? -1) ? tokens[i - 2] : before;
  const joined = code === before ? (tokens[i]?.start ?? 0) === code?.end : true;
  return !!code && joined && /^[A-Z]{1,4}$/.test(code.text);
}

function isDateOrTime(tokens: Token[], i: number, core: Core): boolean {
  const before = tokens[i - 1]?.lower ?? '';
  const after = tokens[core.next]?.lower ?? '';
  if (monthFullNames.includes(before) || monthFullNames.includes(after)) return true;
  if (before === ':' || after === ':' || after === 'am' || after === 'pm' || after === 'a' || after === "o'clock")
    return true;
  if (after === 'of' && monthFullNames.includes(tokens[core.next + 1]?.lower ?? '')) return true;
  const text = tokens[i]?.text ?? '';
  if (core.digits && /^(1[89]|20)\d\d$/.test(text)) {
    const { unitClass } = readUnit(tokens, core.next);
    return unitClass === null;
  }
  return false;
}

interface Unit {
  unit: string | null;
  unitClass: Quantity['unitClass'];
  /** Index of the token that ends the noun phrase. */
  through: number;
}

function readUnit(tokens: Token[], from: number): Unit {
  let k = from;
  const first = tokens[k]?.lower;
  if (first === '%' || first === 'percent') return { unit: '%', unitClass: 'percent', through: k };
  if (first === 'per' && tokens[k + 1]?.lower === 'cent') return { unit: '%', unitClass: 'percent', through: k + 1 };
  if (first === 'of') {
    k++;
    if (['the', 'their', 'its', 'his', 'her', 'those', 'these'].includes(tokens[k]?.lower ?? '')) k++;
  }
  let last: string | null = null;
  let through = from;
  for (let n = 0; n < 4 && k < tokens.length; n++, k++) {
    const token = tokens[k];
    if (!token || !/^[A-Za-z]/.test(token.text) || stopWords.has(token.lower)) break;
    const word = singular(token.lower.replace(/[’']s$/, ''));
    const isDemonym = /^[A-Z]/.test(token.text) && /(ians|ans|ese|is)$/.test(token.text);
    if (personNouns.has(word) || personNouns.has(token.lower) || isDemonym)
      return { unit: word, unitClass: 'person', through: k };
    if (vehicleNouns.has(word)) return { unit: word, unitClass: 'vehicle', through: k };
    last = word;
    through = k;
    if (token.lower.endsWith('s') && !token.lower.endsWith('ss')) break;
  }
  return { unit: last, unitClass: null, through };
}

/** A rough singular for an English plural noun. */
export function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}
