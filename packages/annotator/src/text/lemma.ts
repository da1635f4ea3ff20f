import { readFileSync } from 'node:fs';

/** Word forms whose dictionary form the suffix rules get wrong: form → lemma (lower case). */
export type LemmaExceptions = Readonly<Record<string, string>>;

export interface LemmatizeOptions {
  /** Penn Treebank tag of the word, when known; without it noun and verb rules are both tried. */
  pos?: string | undefined;
  /** Irregular forms. Default: `data/events/lemma-exceptions.json` (built from compromise's lexicon). */
  exceptions?: LemmaExceptions | undefined;
}

/**
 * The dictionary form of an English word, lower-cased: "crossed" → "cross", "seized" → "seize",
 * "went" → "go", "casualties" → "casualty", "shelling" → "shell" (as a verb; a noun tag keeps "shelling").
 * Irregular forms come from an exception table; the rest from suffix rules.
 */
export function lemmatize(word: string, options: LemmatizeOptions = {}): string {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const exceptions = options.exceptions ?? defaultLemmaExceptions();
  const pos = options.pos;
  if (lower.length < 3 || !/^[a-z][a-z'-]*$/.test(lower)) return lower;
  if (pos && !/^(?:VB|NN)/.test(pos)) return lower;
  const known = exceptions[lower];
  if (known !== undefined) return known;
  if (pos === 'NN' || pos === 'NNP') return lower;
  if (pos === 'NNS' || pos === 'NNPS') return singular(lower);
  if (pos === 'VB' || pos === 'VBP') return lower;
  if (pos?.startsWith('VB')) return verbStem(lower);
  if (/(?:ed|ing)$/.test(lower)) return verbStem(lower);
  return singular(lower);
}

let cached: LemmaExceptions | undefined;

/** The default exception table, read once from `data/events/lemma-exceptions.json`. */
export function defaultLemmaExceptions(): LemmaExceptions {
  cached ??= JSON.parse(
    readFileSync(new URL('../../data/events/lemma-exceptions.json', import.meta.url), 'utf8'),
  ) as LemmaExceptions;
  return cached;
}

const vowel = /[aeiou]/;

/** Suffix rules for verb forms: "-ied" → "-y", doubled consonants, "-e" restored where English needs it. */
export function verbStem(word: string): string {
  let stem: string;
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('eed') || word.endsWith('eeing')) return word.replace(/(?:d|ing)$/, '');
  if (word.endsWith('ed') && word.length > 4) stem = word.slice(0, -2);
  else if (word.endsWith('ing') && word.length > 5) stem = word.slice(0, -3);
  else if (/(?:ss|sh|ch|x|z|o)es$/.test(word)) return word.slice(0, -2);
  else if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  else return word;
  if (!vowel.test(stem)) return word;
  // stopped → stop, planned → plan (but not "killed" → "kil": ll, ss, ff stay)
  const last = stem.at(-1) ?? '';
  if (stem.length > 2 && last === stem.at(-2) && !/[lsfz]/.test(last) && /[bdgkmnprt]/.test(last)) {
    return stem.slice(0, -1);
  }
  // seized → seize, charged → charge, tackled → tackle, argued → argue; not "attacked", "crossed", "killed"
  if (
    !stem.endsWith('ng') &&
    /(?:[^aeiou](?:ir|ur|ar|[aiou]k)|[^aeiou]at|[^s][cgsvz]|dg|[^aeioulr]l|[^aeiou]u)$/.test(stem) &&
    !/(?:ss|ck|ll)$/.test(stem)
  )
    return `${stem}e`;
  return stem;
}

/** Plural nouns to singular: "-ies" → "-y", "-ches"/"-shes"/"-xes"/"-sses" → drop "es", else drop "s". */
export function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|zz)es$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is|ous|'s)$/.test(word)) return word;
  if (word.endsWith('s') && word.length > 3) return word.slice(0, -1);
  return word;
}
