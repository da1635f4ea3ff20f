/** A quantity expression found in a text, with its figure as a normalised value. Times are core's `findTimes`. */
export interface Found {
  start: number;
  end: number;
  /** The figure, lower-case, without thousands separators. */
  value: string;
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
