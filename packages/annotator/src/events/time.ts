/** A time or quantity expression found in a text, with a normalised value for comparison. */
export interface Found {
  start: number;
  end: number;
  /** Normalised value: `2014-04-16`, `*-04-16`, `2014`, `weekday:5`, `rel:yesterday`, or a number. */
  value: string;
}

const months = 'january february march april may june july august september october november december'.split(' ');
const monthPattern =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const weekdays = 'sunday monday tuesday wednesday thursday friday saturday'.split(' ');
const timePattern = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
    `\\b(${monthPattern})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*,?\\s*(\\d{4})\\b)?`,
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthPattern})\\b(?:\\s*,?\\s*(\\d{4})\\b)?`,
    `\\b(?:(?:last|this|next|on|early|late)\\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
    `\\b(?:in\\s+|since\\s+)?(${monthPattern})\\s+(\\d{4})\\b`,
    `\\b(yesterday|today|tonight|(?:last|this|next)\\s+(?:week|month|year|night|morning|weekend))\\b`,
    `\\b(?:in|since|during|of)\\s+((?:19|20)\\d{2})\\b`,
  ].join('|'),
  'giu',
);

/** Dates, weekdays, months and relative days in `text` between `from` and `to`. */
export function findTimes(text: string, from: number, to: number): Found[] {
  const found: Found[] = [];
  const part = text.slice(from, to);
  for (const m of part.matchAll(timePattern)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    let value: string;
    if (m[1]) value = `${m[1]}-${m[2]}-${m[3]}`;
    else if (m[4]) value = `${m[6] ?? '*'}-${month(m[4])}-${pad(m[5])}`;
    else if (m[7]) value = `${m[9] ?? '*'}-${month(m[8])}-${pad(m[7])}`;
    else if (m[10]) value = `weekday:${weekdays.indexOf((m[10] ?? '').toLowerCase())}`;
    else if (m[11]) value = `${m[12]}-${month(m[11])}`;
    else if (m[13]) value = `rel:${(m[13] ?? '').toLowerCase().replace(/\s+/g, ' ')}`;
    else value = m[14] ?? '';
    // "May" alone is a modal, not a month: keep it only with a day or a year (the patterns require one)
    found.push({ start, end, value });
  }
  return found;
}

const numberWords =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozens hundreds thousands millions scores';
const quantityPattern = new RegExp(
  `\\b(?:(?:at least|at most|more than|less than|fewer than|up to|some|about|around|nearly|almost|over|roughly|approximately|an estimated)\\s+)?` +
    `(\\d[\\d,.]*|(?:${numberWords.split(' ').join('|')})(?:[- ](?:${numberWords.split(' ').join('|')}))*)` +
    `(?:\\s+(?:hundred|thousand|million|billion))?` +
    `(?:\\s+(?:[a-z]+(?:-[a-z]+)?)){0,2}?\\s+(?:[a-z]+s|people|personnel|police|militia|troops|staff|men|women|children)\\b`,
  'giu',
);

/** Counted things ("at least 300 soldiers", "two armored vehicles", "438 people") in `text` between offsets. */
export function findQuantities(text: string, from: number, to: number): Found[] {
  const found: Found[] = [];
  for (const m of text.slice(from, to).matchAll(quantityPattern)) {
    const head = m[1] ?? '';
    if (/^(?:19|20)\d{2}$/.test(head)) continue;
    const start = from + (m.index ?? 0);
    found.push({ start, end: start + m[0].length, value: head.toLowerCase().replace(/,/g, '') });
  }
  return found;
}

function month(name: string | undefined): string {
  const lower = (name ?? '').toLowerCase().slice(0, 3);
  return pad(String(months.findIndex((m) => m.startsWith(lower)) + 1));
}

function pad(n: string | undefined): string {
  return (n ?? '').padStart(2, '0');
}
