/** Usual case of words, by lowercase form: `l` lower, `t` title, `u` upper, `m` mixed (the form is kept). */
export type Casing = ReadonlyMap<string, string>;

/** How a line is written: ordinary prose, ALL CAPS, or Title Case. */
export const PROSE = 0;
export const CAPS = 1;
export const TITLE = 2;

const hasLower = /\p{Ll}/u;
const hasUpper = /\p{Lu}/u;

/** Count the usual case of words, from sentences of ordinary prose (sentence-initial words skipped). */
export function learnCasing(sentences: readonly (readonly string[])[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const words of sentences) {
    if (lineKind(words, null) !== PROSE) continue;
    for (let i = 1; i < words.length; i++) {
      const word = words[i] as string;
      if (!hasLower.test(word) && !hasUpper.test(word)) continue;
      const previous = words[i - 1] as string;
      if (previous === '.' || previous === '"' || previous === ':' || previous === '-') continue;
      const key = word.toLowerCase();
      let forms = counts.get(key);
      if (!forms) {
        forms = new Map();
        counts.set(key, forms);
      }
      forms.set(word, (forms.get(word) ?? 0) + 1);
    }
  }
  const casing = new Map<string, string>();
  for (const [key, forms] of counts) {
    let best = '';
    let bestCount = 0;
    for (const [form, n] of forms) if (n > bestCount || (n === bestCount && form < best)) [best, bestCount] = [form, n];
    casing.set(key, best === key ? 'l' : best === titleCase(key) ? 't' : best === key.toUpperCase() ? 'u' : best);
  }
  return casing;
}

/** Whether a sentence is prose, an ALL-CAPS line or a Title Case line (`casing` tells known lowercase words). */
export function lineKind(words: readonly string[], casing: Casing | null): number {
  let upperWords = 0;
  let lowerWords = 0;
  for (const word of words) {
    if (hasLower.test(word)) lowerWords++;
    else if (word.length > 1 && hasUpper.test(word)) upperWords++;
  }
  if (lowerWords === 0) return upperWords > 0 ? CAPS : PROSE;
  if (!casing || words.length < 3) return PROSE;
  let content = 0;
  let capitalisedLower = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.length < 4 || !hasLower.test(word)) continue;
    content++;
    if (!hasUpper.test(word[0] as string)) return PROSE;
    if (i > 0 && casing.get(word.toLowerCase()) === 'l') capitalisedLower++;
  }
  return content >= 2 && capitalisedLower >= 1 ? TITLE : PROSE;
}

/** The words as prose would write them: ALL-CAPS and Title Case lines get each word's usual case. */
export function truecase(words: readonly string[], kind: number, casing: Casing): readonly string[] {
  if (kind === PROSE) return words;
  return words.map((word, i) => {
    if (!hasUpper.test(word)) return word;
    const key = word.toLowerCase();
    const form = casing.get(key);
    if (kind === TITLE) return form === 'l' && i > 0 ? key : word;
    if (form === 'l') return i === 0 ? titleCase(key) : key;
    if (form === 'u') return word;
    if (form === 't' || form === undefined) return /\d/.test(word) ? word : titleCase(key);
    return form;
  });
}

function titleCase(word: string): string {
  return word.slice(0, 1).toUpperCase() + word.slice(1);
}
