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
  /** Nouns → the verb they name the happening of, where suffix rules cannot tell ("death" → "die"). */
  derivations: Readonly<Record<string, string>>;
  /** Sets of lemmas that name the same kind of happening ("kill", "slay", "murder"). */
  synsets: readonly (readonly string[])[];
  /** Verb + particle or object phrases → the lemma they stand for ("open fire" → "shoot"). */
  phrases: Readonly<Record<string, string>>;
  /**
   * Two-word verbs ("break out", "take part", "carry out"): a verb trigger followed by the second word (not a
   * preposition before its noun) spans both ("fire" in "opened fire" is no trigger of its own). Its lemma stays the verb's unless `phrases` maps
   * the pair. Default: none.
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
  const ecb = read('ecb-lexicon.json') as Pick<EventLexicon, 'lemmas' | 'synonyms'> & { nonEvents?: string[] };
  const synonyms = read('synonyms.json') as Pick<EventLexicon, 'derivations' | 'synsets' | 'phrases'>;
  cached = {
    types: types.types,
    lemmas: ecb.lemmas,
    synonyms: ecb.synonyms,
    nonEvents: new Set([...(ecb.nonEvents ?? []), ...(types.nonEvents ?? [])]),
    generic: new Set(types.generic ?? []),
    collectives: readList('lexicons/actors-collectives.txt'),
    eventNouns: readList('events/wordnet-event-nouns.txt'),
    verbPhrases: readList('events/wordnet-verb-phrases.txt'),
    exceptions: defaultLemmaExceptions(),
    derivations: synonyms.derivations,
    synsets: synonyms.synsets,
    phrases: synonyms.phrases,
  };
  return cached;
}

const synsetCache = new WeakMap<EventLexicon, Map<number, Map<string, string>>>();

/**
 * The synonym class of each lemma: hand-made synsets joined with annotated pairs that corefer at least
 * `minRate` of the time; each lemma maps to one member of its class.
 */
export function synsetsOf(lexicon: EventLexicon, minRate: number): Map<string, string> {
  const known = synsetCache.get(lexicon)?.get(minRate);
  if (known) return known;
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  const join = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const set of lexicon.synsets) for (const word of set.slice(1)) join(set[0] as string, word);
  for (const [a, b, rate] of lexicon.synonyms) if (rate >= minRate) join(a, b);
  const result = new Map<string, string>();
  for (const word of parent.keys()) result.set(word, find(word));
  if (!synsetCache.has(lexicon)) synsetCache.set(lexicon, new Map());
  synsetCache.get(lexicon)?.set(minRate, result);
  return result;
}
