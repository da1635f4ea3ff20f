import lists from './words.json' with { type: 'json' };

/** The name of one of core's word lists (`words.json`; its README says where each entry comes from). */
export type WordListName = keyof typeof lists;

const sets = new Map<WordListName, ReadonlySet<string>>();

/** One of core's word lists, in the file's order. */
export function wordList(name: WordListName): readonly string[] {
  return lists[name];
}

/** One of core's word lists as a set, built once. */
export function wordSet(name: WordListName): ReadonlySet<string> {
  let set = sets.get(name);
  if (!set) {
    set = new Set(lists[name]);
    sets.set(name, set);
  }
  return set;
}
