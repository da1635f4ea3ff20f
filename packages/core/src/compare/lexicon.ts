/**
 * The words claims are compared on, read from data files (the annotator's `data/compare/`): cue phrases by list
 * and kind, which kinds exclude each other, negators and light acts. Matching is on lower-cased word sequences;
 * a cue of several words matches them in order.
 */
export interface CompareLexicon {
  /** Why something happened ("forced", "deliberately"), by kind; `none` lists phrases that say nothing of it. */
  motive: CueList;
  /** Whether an attempt or an offer came off ("repelled", "turned down"), by kind. */
  outcome: CueList;
  /** How sure a report is: `hedged` ("reportedly"), `distanced` ("claimed") and `confirmed` ("confirmed"). */
  certainty: CueList;
  /** Kinds that cannot both hold of one act, each with its opposite ("success" and "failure"). */
  opposite: ReadonlyMap<string, string>;
  /** Words that flip a cue within a few words after them ("not", "never"). */
  negators: ReadonlySet<string>;
  /** Acts named too generally to tell one happening from another by the word ("make", "statement"). */
  lightActs: ReadonlySet<string>;
  /** Pronouns by which a claim points back at what was said before ("denied that", "that was not the case"). */
  anaphors: ReadonlySet<string>;
}

/** Cue phrases by kind. */
export type CueList = Readonly<Record<string, readonly string[]>>;

/**
 * The lexicon of a `data/compare/` folder, each file read by `file`: `cues.tsv` (hand-written) and
 * `wordnet-cues.tsv` (built from WordNet).
 */
export function readCompareLexicon(file: (name: string) => Buffer): CompareLexicon {
  return parseCompareLexicon(file('cues.tsv').toString('utf8'), file('wordnet-cues.tsv').toString('utf8'));
}

/** A lexicon that knows no words: claims are compared without cues. */
export const emptyCompareLexicon: CompareLexicon = parseCompareLexicon('');

/**
 * Read lexicon files: a line each, tab-separated list, kind and words (`motive\tcoerced\thad no choice`); lists
 * `motive`, `outcome` and `certainty` hold cues, `negation`, `light` and `anaphor` words (kind `-`), and an `opposite` line
 * pairs two kinds. Lines starting with `#` are comments. Later files add to earlier ones.
 */
export function parseCompareLexicon(...texts: readonly string[]): CompareLexicon {
  const lists = { motive: {}, outcome: {}, certainty: {} } as Record<
    'motive' | 'outcome' | 'certainty',
    Record<string, string[]>
  >;
  const opposite = new Map<string, string>();
  const negators = new Set<string>();
  const lightActs = new Set<string>();
  const anaphors = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [list, kind, phrase] = line.split('\t').map((f) => f.trim());
      if (!list || !kind || !phrase) throw new Error(`Expected "list<TAB>kind<TAB>words", not "${line}"`);
      if (list === 'opposite') {
        opposite.set(kind, phrase);
        opposite.set(phrase, kind);
      } else if (list === 'negation') negators.add(phrase);
      else if (list === 'light') lightActs.add(phrase);
      else if (list === 'anaphor') anaphors.add(phrase);
      else if (list === 'motive' || list === 'outcome' || list === 'certainty') {
        const cues = lists[list][kind];
        if (cues) cues.push(phrase);
        else lists[list][kind] = [phrase];
      } else
        throw new Error(
          `Expected the list motive, outcome, certainty, negation, light, anaphor or opposite, not "${list}"`,
        );
    }
  }
  return { ...lists, opposite, negators, lightActs, anaphors };
}
