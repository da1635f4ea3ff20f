import calendar from './calendar.json' with { type: 'json' };

/**
 * When a mention says its happening took place, as far as the text and the article's date tell:
 * a day, a day of a year not given, a weekday, a month, a year, or, for a mention that gives no time, a
 * window before the article's date or, in an undated article, a season (days of any year) around the
 * latest day its text gives. Days count from 1970-01-01; a season's days count from 1 January (0 to 364)
 * and wrap past New Year when `from` > `to`.
 */
export type When =
  | { kind: 'day'; day: number }
  | { kind: 'monthDay'; month: number; date: number }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'month'; from: number; to: number }
  | { kind: 'year'; from: number; to: number }
  | { kind: 'window'; from: number; to: number }
  | { kind: 'season'; from: number; to: number };

/** Days a mention with no written time may lie before its article's date. */
const windowDays = 14;
/** Days an untimed mention may lie further back than its window, and still match a written date. */
const slackDays = 30;
/** Days apart beyond which two untimed mentions, in articles dated that far apart, differ. */
const maxArticleDays = 21;

/** Days after the latest day an undated article gives that its untimed mentions may lie. */
const afterLatestDays = 7;

/**
 * Read a normalised time (`2014-04-16`, `*-04-16`, `2014-04`, `2014`, `weekday:5`, `rel:yesterday`) against
 * the article's date (`YYYY-MM-DD` or null). Relative times without an article date say nothing. A mention
 * with no time in an undated article lies around `latest`, the latest day (a normalised time of a day) the
 * article gives, when it gives one: an article is written soon after the last day it reports.
 */
export function whenOf(
  value: string | undefined,
  articleDate: string | null | undefined,
  latest?: string,
): When | undefined {
  const dated = articleDate ? dayOf(articleDate) : undefined;
  if (!value) {
    if (dated !== undefined) return { kind: 'window', from: dated - windowDays, to: dated + 1 };
    const m = latest ? /(\d{2})-(\d{2})$/.exec(latest) : null;
    if (!m) return undefined;
    const day = yearDay(Number(m[1]), Number(m[2]));
    return { kind: 'season', from: wrap(day - windowDays - slackDays), to: wrap(day + afterLatestDays) };
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return { kind: 'day', day: epochDay(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = /^\*-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const month = Number(m[1]);
    const date = Number(m[2]);
    if (dated === undefined) return { kind: 'monthDay', month, date };
    const year = new Date(dated * 86_400_000).getUTCFullYear();
    const day = epochDay(year, month, date);
    return { kind: 'day', day: day > dated + 2 ? epochDay(year - 1, month, date) : day };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { kind: 'month', from: epochDay(year, month, 1), to: epochDay(year, month + 1, 1) - 1 };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { kind: 'year', from: epochDay(Number(m[1]), 1, 1), to: epochDay(Number(m[1]) + 1, 1, 1) - 1 };
  m = /^weekday:(\d)$/.exec(value);
  if (m) {
    const weekday = Number(m[1]);
    if (dated === undefined) return { kind: 'weekday', weekday };
    // the last such weekday on or before the article's date
    return { kind: 'day', day: dated - ((weekdayOf(dated) - weekday + 7) % 7) };
  }
  if (dated === undefined || !value.startsWith('rel:')) return undefined;
  const rel = value.slice(4);
  if (rel === 'today' || rel === 'tonight' || rel === 'overnight') return { kind: 'day', day: dated };
  if (rel === 'yesterday' || rel === 'last night') return { kind: 'day', day: dated - 1 };
  const year = new Date(dated * 86_400_000).getUTCFullYear();
  if (rel === 'last year') return { kind: 'year', from: epochDay(year - 1, 1, 1), to: epochDay(year, 1, 1) - 1 };
  if (rel === 'this year') return { kind: 'year', from: epochDay(year, 1, 1), to: epochDay(year + 1, 1, 1) - 1 };
  if (rel.startsWith('last')) return { kind: 'window', from: dated - 45, to: dated };
  if (rel.startsWith('this')) return { kind: 'window', from: dated - 31, to: dated + 7 };
  return undefined;
}

/**
 * The day a time names, when it names one: a date, or a day of the month, a weekday or a relative day placed
 * against the article's date. Days count from 1970-01-01.
 */
export function dayOfTime(value: string | undefined, articleDate: string | null | undefined): number | null {
  const when = value ? whenOf(value, articleDate) : undefined;
  return when?.kind === 'day' ? when.day : null;
}

/**
 * Days between two days or days of a month (a day of a month is placed in the year of the other, or counted
 * within one year when neither has one), or null when either is not a day.
 */
export function daysApart(a: When | undefined, b: When | undefined): number | null {
  const ofYear = (w: When | undefined, year: number) =>
    w?.kind === 'day' ? w.day : w?.kind === 'monthDay' ? epochDay(year, w.month, w.date) : null;
  const year = (w: When | undefined) => (w?.kind === 'day' ? new Date(w.day * 86_400_000).getUTCFullYear() : null);
  const y = year(a) ?? year(b) ?? 2001;
  const x = ofYear(a, y);
  const z = ofYear(b, y);
  if (x === null || z === null) return null;
  const d = Math.abs(x - z);
  return year(a) === null && year(b) === null ? Math.min(d, 365 - d) : d;
}

/** Whether a time names a day, or a day of a month or a weekday (not a month, a year or a window around the article's date). */
export function isExplicitDay(when: When | undefined): boolean {
  return when?.kind === 'day' || when?.kind === 'monthDay' || when?.kind === 'weekday';
}

/** A time as a reader would name it: "Friday, Nov 11", "Nov 11", "Friday", "2014". */
export function timeName(when: When): string {
  switch (when.kind) {
    case 'day': {
      const date = new Date(when.day * 86_400_000);
      return `${weekdayNames[date.getUTCDay()]}, ${monthNames[date.getUTCMonth()]} ${date.getUTCDate()}`;
    }
    case 'monthDay':
      return `${monthNames[when.month - 1]} ${when.date}`;
    case 'weekday':
      return weekdayNames[when.weekday] ?? '';
    default: {
      const from = new Date(when.from * 86_400_000);
      const to = new Date(when.to * 86_400_000);
      const day = (d: Date) => `${monthNames[d.getUTCMonth()]} ${d.getUTCDate()}`;
      return when.kind === 'year' ? String(from.getUTCFullYear()) : `${day(from)} to ${day(to)}`;
    }
  }
}

/**
 * What identifies a time, so that claims naming the same one share a position: a day by its month and date
 * (the accounts of one story lie within a year), so "Thursday" placed on Nov 10 and "Nov 10" meet.
 */
export function timeKey(when: When): string {
  switch (when.kind) {
    case 'day': {
      const date = new Date(when.day * 86_400_000);
      return `date:${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
    }
    case 'monthDay':
      return `date:${when.month}-${when.date}`;
    case 'weekday':
      return `weekday:${when.weekday}`;
    default:
      return `${when.kind}:${when.from}-${when.to}`;
  }
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const monthNames = (calendar.months as string[][]).map((names) => capital((names[1] ?? names[0] ?? '').slice(0, 3)));
const weekdayNames = (calendar.weekdays as string[]).map(capital);

/** Whether two times cannot be the same happening's (a day of tolerance either way for "overnight"). */
export function whenConflicts(a: When | undefined, b: When | undefined): boolean {
  if (!a || !b) return false;
  if (a.kind === 'season') return !seasonMeets(a, b);
  if (b.kind === 'season') return !seasonMeets(b, a);
  if (rank[a.kind] > rank[b.kind]) [a, b] = [b, a];
  switch (a.kind) {
    case 'day':
      switch (b.kind) {
        case 'day':
          return Math.abs(a.day - b.day) > 1;
        case 'monthDay':
          return !nearMonthDay(a.day, b.month, b.date);
        case 'weekday':
          return circular(weekdayOf(a.day), b.weekday) > 1;
        case 'window':
          return a.day < b.from - slackDays || a.day > b.to + 1;
        default:
          return a.day < (b as Ranged).from - 1 || a.day > (b as Ranged).to + 1;
      }
    case 'monthDay':
      switch (b.kind) {
        case 'monthDay':
          return Math.abs(a.month * 31 + a.date - (b.month * 31 + b.date)) > 1;
        case 'weekday':
        case 'year':
          return false;
        default: {
          const r = b as Ranged;
          // some day in the range (widened for an untimed mention) falls on that month and day
          const from = r.kind === 'window' ? r.from - slackDays : r.from - 1;
          const firstYear = new Date(from * 86_400_000).getUTCFullYear();
          const lastYear = new Date((r.to + 1) * 86_400_000).getUTCFullYear();
          for (let y = firstYear; y <= lastYear; y++) {
            const day = epochDay(y, a.month, a.date);
            if (day >= from && day <= r.to + 1) return false;
          }
          return true;
        }
      }
    case 'weekday':
      return b.kind === 'weekday' && circular(a.weekday, b.weekday) > 1;
    case 'window':
      // b is a window too
      return Math.abs(a.to - (b as Ranged).to) > maxArticleDays;
    default: {
      // month or year against month, year or window
      const r = b as Ranged;
      const from = r.kind === 'window' ? r.from - slackDays : r.from;
      return a.to < from || a.from > r.to;
    }
  }
}

type Ranged = Extract<When, { from: number }>;
type Season = Extract<When, { kind: 'season' }>;

const rank: Record<When['kind'], number> = {
  day: 0,
  monthDay: 1,
  weekday: 2,
  window: 5,
  month: 3,
  year: 4,
  season: 6,
};

/**
 * Whether a season can hold a time. Only a dated article's window is held to it: the season is a guess
 * from the days an undated text gives (some of which lie in the past or the future of its story), good
 * enough to keep an April account apart from an August one, not to tell two days apart.
 */
function seasonMeets(season: Season, other: When): boolean {
  if (other.kind !== 'window') return true;
  const from = other.from - slackDays;
  return other.to - from >= 364 || arcsMeet(season.from, season.to, yearDayOf(from), yearDayOf(other.to));
}

/** Whether two spans of days of the year (each from `from` to `to`, wrapping past New Year) share a day. */
function arcsMeet(aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
  const inside = (x: number, from: number, to: number) => wrap(x - from) <= wrap(to - from);
  return inside(bFrom, aFrom, aTo) || inside(aFrom, bFrom, bTo);
}

/** Day of the year (0 to 364) of a month and date, counted in a year of 365 days. */
function yearDay(month: number, date: number): number {
  return epochDay(1970, month, date) - epochDay(1970, 1, 1);
}

function yearDayOf(day: number): number {
  const d = new Date(day * 86_400_000);
  return yearDay(d.getUTCMonth() + 1, d.getUTCDate());
}

function wrap(day: number): number {
  return ((day % 365) + 365) % 365;
}

function epochDay(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / 86_400_000);
}

function dayOf(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? epochDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function weekdayOf(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday (4)
}

function circular(a: number, b: number): number {
  const d = Math.abs(a - b) % 7;
  return Math.min(d, 7 - d);
}

function nearMonthDay(day: number, month: number, date: number): boolean {
  for (const d of [day - 1, day, day + 1]) {
    const t = new Date(d * 86_400_000);
    if (t.getUTCMonth() + 1 === month && t.getUTCDate() === date) return true;
  }
  return false;
}
