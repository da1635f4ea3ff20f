import { readFileSync } from 'node:fs';
import { defaultLemmaExceptions, type LemmaExceptions } from '../text/lemma.js';

/** What the event tagger knows about words: coarse types and how often each lemma names an event. */
export interface EventLexicon {
  /** Lemma → coarse type (`movement`, `attack`, `statement`, …). */
  types: Readonly<Record<string, string>>;
  /**
   * Lemma → statistics from annotated news: `p`, the share of its occurrences annotated as an event
   * mention; `coref`, the share of same-lemma mention pairs in one happening's articles that corefer.
   */
  lemmas: Readonly<Record<string, { n: number; p: number; coref?: number }>>;
  /** Lemma pairs that often name the same happening ("kill"/"murder"), with their coreference rate. */
  synonyms: readonly (readonly [string, string, number])[];
  /** Irregular word forms for the lemmatizer. */
  exceptions: LemmaExceptions;
}

let cached: EventLexicon | undefined;

/** The default lexicon, read once from `data/events/` (see data/README.md for its sources). */
export function defaultEventLexicon(): EventLexicon {
  if (cached) return cached;
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../data/events/${name}`, import.meta.url), 'utf8'));
  const types = read('types.json') as { types: Record<string, string> };
  const ecb = read('ecb-lexicon.json') as Pick<EventLexicon, 'lemmas' | 'synonyms'>;
  cached = { types: types.types, lemmas: ecb.lemmas, synonyms: ecb.synonyms, exceptions: defaultLemmaExceptions() };
  return cached;
}
