import { readFileSync } from 'node:fs';

/** The annotator's closed word lists, `data/lexicons/words.json` (data/README.md says where each comes from). */
const lists = JSON.parse(readFileSync(new URL('../data/lexicons/words.json', import.meta.url), 'utf8')) as Readonly<
  Record<WordListName, readonly string[]>
>;

/** The name of one of the annotator's word lists. */
export type WordListName =
  | 'passiveAuxiliaries'
  | 'toldForms'
  | 'functionWords'
  | 'auxiliaries'
  | 'sentenceStartWords'
  | 'nameParticles'
  | 'bylineParticles'
  | 'premodifiers'
  | 'subjectPronouns'
  | 'beForms'
  | 'skipBeforeVerb'
  | 'determiners';

/** One of the annotator's word lists as a set. */
export function wordSet(name: WordListName): ReadonlySet<string> {
  const list = lists[name];
  if (!Array.isArray(list)) throw new Error(`Expected a word list "${name}" in data/lexicons/words.json`);
  return new Set(list);
}
