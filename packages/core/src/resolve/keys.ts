/** Keys that block names for cross-document resolution: folded names, transliteration skeletons, surnames. */
import { distance } from 'fastest-levenshtein';

/** A name folded for exact comparison: case, diacritics, a leading "the", possessive and punctuation ignored. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^the\s+/i, '')
    .replace(/['’]s$/u, '')
    .replace(/[.'’ʼ"“”]/g, '')
    .replace(/[\s\-‐–]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * One word spelt the way Latin transliterations of the same name converge: Kiev/Kyiv → "kiv", Lugansk/Luhansk →
 * "luhansk", Malaev/Malayev → "malaev"/"malaiev" (one edit apart), Kharkov/Kharkiv → "harkov"/"harkiv".
 */
export function transliterationForm(word: string): string {
  let w = nameKey(word).replace(/[^a-z]/g, '');
  w = w
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/[cq]/g, 'k')
    .replace(/w/g, 'v')
    .replace(/g/g, 'h')
    .replace(/tz|ts/g, 's')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return w;
}

/** The consonant skeleton of a transliteration form: its first letter, then its consonants ("kiv" → "kv"). */
export function skeleton(form: string): string {
  return (form[0] ?? '') + form.slice(1).replace(/[aeiou]/g, '');
}

/** The blocking key of a whole name for transliteration variants: skeletons of its words. */
export function transliterationKey(name: string): string {
  return nameKey(name)
    .split(' ')
    .map((w) => skeleton(transliterationForm(w)))
    .join(' ');
}

/** Whether two names are transliteration variants of each other, word by word. */
export function sameTransliteration(a: string, b: string): boolean {
  const wa = nameKey(a).split(' ');
  const wb = nameKey(b).split(' ');
  if (wa.length !== wb.length) return false;
  for (let i = 0; i < wa.length; i++) {
    const x = transliterationForm(wa[i] ?? '');
    const y = transliterationForm(wb[i] ?? '');
    if (x === y) continue;
    if (x.length < 3 || y.length < 3 || x.at(-1) !== y.at(-1)) return false;
    if (distance(x, y) > (Math.min(x.length, y.length) > 6 ? 2 : 1)) return false;
  }
  return true;
}

/** Whether a form is a proper name rather than a description ("the ministry", "rebels"). */
export function isProperName(form: string): boolean {
  return /^\p{Lu}/u.test(form.replace(/^the\s+/i, ''));
}

/** The number of words of a name, then its length: the full form of a name is the greatest. */
export function fullness(name: string): number {
  return name.split(/\s+/).length * 1000 + name.length;
}
