import { wordSet } from '../words.js';

/** Name forms: titles, surnames, acronyms, and which form of a name is the full one. */

/** Strip leading titles ("President", "Mr.", "Foreign Minister") and a leading "the" from a name. */
export function stripTitles(name: string, titles: ReadonlySet<string>): string {
  let rest = name.trim().replace(/^the\s+/i, '');
  for (let changed = true; changed; ) {
    changed = false;
    const words = rest.split(/\s+/);
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      if (titles.has(words.slice(0, n).join(' '))) {
        rest = words.slice(n).join(' ');
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * A person's name without what the tagger took in front of it: everything up to the last title
 * ("Ukrainian President Petro Poroshenko" → "Petro Poroshenko", "NATO Secretary-General X Y" → "X Y").
 */
export function personName(name: string, titles: ReadonlySet<string>): string {
  const words = stripTitles(name, titles).split(/\s+/);
  let cut = -1;
  for (let i = 0; i < words.length - 1; i++) {
    for (let n = 1; n <= 3 && i - n + 1 >= 0; n++) {
      if (titles.has(words.slice(i - n + 1, i + 1).join(' '))) cut = i;
    }
  }
  return words.slice(cut + 1).join(' ');
}

/** Folded names already computed; a document asks for the same few names again and again. */
const foldedNames = new Map<string, string>();
const maxFoldedNames = 100_000;

/** A name folded for comparison: case, diacritics, possessive and punctuation ignored. */
export function nameKey(name: string): string {
  let key = foldedNames.get(name);
  if (key === undefined) {
    if (foldedNames.size >= maxFoldedNames) foldedNames.clear();
    key = foldName(name);
    foldedNames.set(name, key);
  }
  return key;
}

function foldName(name: string): string {
  // Plain ASCII has no combining marks to strip, and decomposing it changes nothing.
  const bare = isAscii(name) ? name : name.normalize('NFD').replace(/\p{M}/gu, '');
  return bare
    .replace(/['’]s$/u, '')
    .replace(/[.'’]/g, '')
    .replace(/[\s\-‐–]+/g, ' ')
    .trim()
    .toLowerCase();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const minor = wordSet('nameParticles');

/** Whether a token looks like an acronym: two to eight capitals, digits or ampersands ("FSB", "OSCE", "G7"). */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\d&]{1,7}s?$/u.test(word.replace(/\./g, '')) && !/^\p{Lu}\p{Ll}/u.test(word);
}

/** Whether `acronym` is made of the initials of `phrase` ("Organization for Security and Co-operation in Europe" → "OSCE"). */
export function initialsMatch(acronym: string, phrase: string): boolean {
  const letters = acronym.replace(/[.\s]/g, '').replace(/s$/, '').toLowerCase();
  const words = phrase.split(/[\s]+/).filter(Boolean);
  const all = words
    .flatMap((w) => w.split('-'))
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
  const major = words
    .filter((w) => !minor.has(w.toLowerCase()))
    .flatMap((w) => w.split('-'))
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
  return letters.length >= 2 && (letters === major || letters === all);
}

/** The number of words of a name, then its length: the full form of a name is the greatest. */
export function fullness(name: string): number {
  return name.split(/\s+/).length * 1000 + name.length;
}

/** Whether a form is a proper name (not a description such as "the ministry"). */
export function isProperName(form: string): boolean {
  return /^\p{Lu}/u.test(form.replace(/^the\s+/i, ''));
}
