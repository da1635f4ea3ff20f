import calendar from './calendar.json' with { type: 'json' };

/** A time found in a text, with its normalised value. */
export interface FoundTime {
  start: number;
  end: number;
  /** `2014-04-16`, `*-04-16` (year not given), `2014-04`, `2014`, `weekday:5`, `rel:yesterday`. */
  value: string;
}

/** A clock time found in a text: minutes after midnight, and the zone's offset from UTC when one is written. */
export interface FoundClock {
  start: number;
  end: number;
  minutes: number;
  /** Minutes east of UTC ("IST": 330), or null for local time. */
  offset: number | null;
  /** As written ("about 11am IST"). */
  text: string;
}

const { months, weekdays, zones } = calendar as {
  months: string[][];
  weekdays: string[];
  zones: Record<string, number>;
};

/** A month's name or abbreviation (with an optional period), longest first so "September" beats "Sep". */
const monthWord = `(?:${months
  .flat()
  .sort((a, b) => b.length - a.length)
  .map((m) => (m.length <= 4 && m !== 'may' && m !== 'june' && m !== 'july' ? `${m}\\.?` : m))
  .join('|')})`;
const weekdayWord = `(?:${weekdays.join('|')})`;
const dayNumber = '(\\d{1,2})(?:st|nd|rd|th)?';
const yearNumber = '(\\d{4})';

const datePattern = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
    `\\b(${monthWord})\\s+${dayNumber}\\b(?:\\s*,?\\s*${yearNumber}\\b)?`,
    `\\b${dayNumber}\\s+(?:of\\s+)?(${monthWord})(?![\\p{L}])(?:\\s*,?\\s*${yearNumber}\\b)?`,
    `\\b(?:(?:last|this|next|on|early|late)\\s+)?(${weekdayWord})(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
    `\\b(?:in\\s+|since\\s+)?(${monthWord})\\s+${yearNumber}\\b`,
    `\\b(yesterday|today|tonight|overnight|(?:last|this|next)\\s+(?:week|month|year|night|morning|weekend))\\b`,
    `\\b(?:in|since|during|of)\\s+((?:19|20)\\d{2})\\b`,
  ].join('|'),
  'giu',
);

/**
 * Dates, weekdays, months, years and relative days in `text` between `from` and `to`, in text order. A day the
 * month does not have ("Feb 30", "31 April") is not a date; "May" alone is a modal, read as a month only with a
 * day or a year, and a month's name is capitalised; a month's name inside a longer word ("12 marines", "decided 3") is not a month.
 */
export function findTimes(text: string, from = 0, to = text.length): FoundTime[] {
  const found: FoundTime[] = [];
  const part = text.slice(from, to);
  for (const m of part.matchAll(datePattern)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    const month = m[4] ?? m[8] ?? m[11];
    // A month's name is written with a capital: "may 3" is a modal and a figure.
    if (month && month[0] === month[0]?.toLowerCase()) continue;
    let value: string | null;
    if (m[1]) value = dayValue(m[1], Number(m[2]), Number(m[3]));
    else if (m[4]) value = dayValue(m[6], monthNumber(m[4]), Number(m[5]));
    else if (m[8]) value = dayValue(m[9], monthNumber(m[8]), Number(m[7]));
    else if (m[10]) value = `weekday:${weekdays.indexOf((m[10] ?? '').toLowerCase())}`;
    else if (m[11]) value = `${m[12]}-${pad(monthNumber(m[11]))}`;
    else if (m[13]) value = `rel:${(m[13] ?? '').toLowerCase().replace(/\s+/g, ' ')}`;
    else value = m[14] ?? null;
    if (value) found.push({ start, end, value });
  }
  return found;
}

const clockPattern = new RegExp(
  `\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|hrs|h)?(?![\\p{L}])(?:\\s+(?:local\\s+time\\s+)?\\(?(${Object.keys(
    zones,
  )
    .filter((z) => z.length > 1)
    .join('|')})\\b\\)?)?|\\b(noon|midnight)\\b`,
  'giu',
);

/**
 * Clock times in `text`: "10:30 a.m.", "11am IST", "2:30 a.m. local time", "noon"; not "0830 GMT" (a
 * four-digit figure is more often a year). A bare figure is a clock time only with a.m./p.m., a colon and
 * minutes, or a zone; a clock time beside a year is a time stamp of the text, not of what it tells.
 */
export function findClocks(text: string, from = 0, to = text.length): FoundClock[] {
  const part = text.slice(from, to);
  return [...part.matchAll(clockPattern)].flatMap((m) => {
    const start = from + (m.index ?? 0);
    const written = m[0].replace(/[\s(]+$/, '');
    const clock = m[5] ? { minutes: m[5].toLowerCase() === 'noon' ? 720 : 0, offset: null } : clockOf(m, part);
    return clock ? [{ start, end: start + written.length, ...clock, text: written }] : [];
  });
}

/** The minutes after midnight and the zone's offset of a figure `clockPattern` matched in `part`, or null. */
function clockOf(m: RegExpMatchArray, part: string): Pick<FoundClock, 'minutes' | 'offset'> | null {
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = (m[3] ?? '').toLowerCase().replace(/\./g, '');
  const zone = m[4]?.toLowerCase();
  const colon = m[2] !== undefined && part[(m.index ?? 0) + (m[1] ?? '').length] === ':';
  if (!meridiem && !zone && !colon) return null;
  if (meridiem === 'h' && !colon) return null;
  // A time stamp ("11 Nov 2011 at 09:56 IST", "4/9/2007 6:04 PM") tells when the text was written.
  const around = part.slice(Math.max(0, (m.index ?? 0) - 16), (m.index ?? 0) + m[0].length + 16);
  if (/\b(?:19|20)\d\d\b/.test(around)) return null;
  if (hour > 23 || minute > 59 || ((meridiem === 'am' || meridiem === 'pm') && (hour < 1 || hour > 12))) return null;
  const hours = meridiem === 'pm' ? (hour % 12) + 12 : meridiem === 'am' ? hour % 12 : hour;
  return { minutes: hours * 60 + minute, offset: zone === undefined ? null : (zones[zone] ?? null) };
}

/** The months' full names, lower case ("january" … "december"), from the calendar file. */
export const monthFullNames: readonly string[] = months.map((names) => names[0] ?? '');

/** The weekdays' names, lower case, Sunday first (`getUTCDay` order), from the calendar file. */
export const weekdayNames: readonly string[] = weekdays;

/** The month (1 to 12) a name or abbreviation names ("Sept.", "august"), or 0. */
export function monthNumber(name: string | undefined): number {
  const word = (name ?? '').toLowerCase().replace(/\.$/, '');
  return months.findIndex((names) => names.includes(word)) + 1;
}

/** Days in each month, February in a leap year (its 29th is checked against the year when one is given). */
const monthLength = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `2014-04-16` or `*-04-16`, or null when the month has no such day. */
function dayValue(year: string | undefined, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > (monthLength[month - 1] ?? 0)) return null;
  if (year && month === 2 && day === 29 && !leap(Number(year))) return null;
  return `${year ?? '*'}-${pad(month)}-${pad(day)}`;
}

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}
