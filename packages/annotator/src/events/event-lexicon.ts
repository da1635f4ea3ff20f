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
  /** Lemmas seen often in annotated news but almost never as events ("department"): never triggers by suffix or tense alone. */
  nonEvents: ReadonlySet<string>;
  /**
   * Lemmas that name a happening too generally to tell it across articles by the word alone: light verbs
   * ("take", "use", "see") and anaphoric nouns ("incident", "event"). Default: none.
   */
  generic?: ReadonlySet<string>;
  /**
   * Plural nouns naming collectives that act in news ("troops", "forces", "border guards"): never triggers,
   * and a noun before one ("security forces") says who, not what happened. Default: none.
   */
  collectives?: ReadonlySet<string>;
  /**
   * Nouns that name a happening in general English ("quake", "incursion", "arrest"): triggers when used as
   * nouns, unless annotated news shows them rarely naming one. Default: none.
   */
  eventNouns?: ReadonlySet<string>;
  /** Irregular word forms for the lemmatizer. */
  exceptions: LemmaExceptions;
  /** Event nouns → the verb that names their happening ("death" → "die", "burglary" → "burgle"). Default: none. */
  derivations?: ReadonlyMap<string, string>;
  /**
   * Two-word verbs ("break out", "take part", "carry out"): a verb trigger followed by the second word (not a
   * preposition before its noun) spans both ("fire" in "opened fire" is no trigger of its own); its lemma is
   * the verb's. Default: none.
   */
  verbPhrases?: ReadonlySet<string>;
}

let cached: EventLexicon | undefined;

/**
 * The default lexicon, read once from `data/events/` (with WordNet's event nouns and two-word verbs) and the actors' collective nouns in
 * `data/lexicons/actors-collectives.txt` (see data/README.md for their sources).
 */
export function defaultEventLexicon(): EventLexicon {
  if (cached) return cached;
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../data/events/${name}`, import.meta.url), 'utf8'));
  const readList = (path: string): Set<string> =>
    new Set(
      readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#')),
    );
  const types = read('types.json') as { types: Record<string, string>; nonEvents?: string[]; generic?: string[] };
  const ecb = read('ecb-lexicon.json') as Pick<EventLexicon, 'lemmas'> & { nonEvents?: string[] };
  cached = {
    types: types.types,
    lemmas: ecb.lemmas,
    nonEvents: new Set([...(ecb.nonEvents ?? []), ...(types.nonEvents ?? [])]),
    generic: new Set(types.generic ?? []),
    collectives: readList('lexicons/actors-collectives.txt'),
    eventNouns: readList('events/wordnet-event-nouns.txt'),
    verbPhrases: readList('events/wordnet-verb-phrases.txt'),
    derivations: new Map(
      [...readList('events/wordnet-derivations.txt')].map((line) => line.split(' ') as [string, string]),
    ),
    exceptions: defaultLemmaExceptions(),
  };
  return cached;
}
