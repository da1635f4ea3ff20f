import { readFileSync } from 'node:fs';
import { type Gazetteer, loadGazetteer } from './gazetteer.js';

/** Words that frame a place: "the village of X", "X region", "in X". */
export interface PlaceCues {
  settlementNouns: string[];
  regionNouns: string[];
  placePrepositions: string[];
  /** Capitalised words never taken for places without a tagger's say-so (months, weekdays, institutions). */
  notPlaces: string[];
}

/** A demonym and the country it names. */
export interface Demonym {
  country: string;
  countryName: string;
}

/** What the place and actor stages know: gazetteer, cues and actor lexicons. */
export interface PlaceKnowledge {
  gazetteer: Gazetteer;
  cues: PlaceCues;
  /** Demonym ("Ukrainian", "Ukrainians") → country. */
  demonyms: ReadonlyMap<string, Demonym>;
  /** Plural nouns of collectives ("troops", "border guards"). */
  collectives: ReadonlySet<string>;
  /** Verbs after a place that make it a government ("Moscow denied"). */
  subjectVerbs: ReadonlySet<string>;
  /** Verbs before a place that make it a government ("accused Kiev"). */
  objectVerbs: ReadonlySet<string>;
  /** Nouns after a place's possessive or before "with" it that make it a government ("Kiev's allegations"). */
  actorNouns: ReadonlySet<string>;
  /** Seats of government that stand for it ("Kremlin") → ISO country code. */
  seats: ReadonlyMap<string, string>;
}

const data = (name: string) => new URL(`../../data/${name}`, import.meta.url);

/** Files the knowledge is read from; each defaults to the file in `data/`. */
export interface KnowledgeFiles {
  /** Default: `data/gazetteer/places.columns.br`. */
  gazetteer?: string | URL;
  /** Default: `data/gazetteer/cues.json`. */
  cues?: string | URL;
  /** Default: `data/lexicons/actors-demonyms.tsv`. */
  demonyms?: string | URL;
  /** Default: `data/lexicons/actors-collectives.txt`. */
  collectives?: string | URL;
  /** Default: `data/lexicons/actors-verbs.txt`. */
  subjectVerbs?: string | URL;
  /** Default: `data/lexicons/actors-object-verbs.txt`. */
  objectVerbs?: string | URL;
  /** Default: `data/lexicons/actors-nouns.txt`. */
  actorNouns?: string | URL;
  /** Default: `data/lexicons/actors-seats.tsv`. */
  seats?: string | URL;
}

const cache = new Map<string, PlaceKnowledge>();

/** Load (memoised, read-only) the knowledge from files. */
export function loadPlaceKnowledge(files: Readonly<KnowledgeFiles> = {}): PlaceKnowledge {
  const paths = {
    gazetteer: files.gazetteer ?? data('gazetteer/places.columns.br'),
    cues: files.cues ?? data('gazetteer/cues.json'),
    demonyms: files.demonyms ?? data('lexicons/actors-demonyms.tsv'),
    collectives: files.collectives ?? data('lexicons/actors-collectives.txt'),
    subjectVerbs: files.subjectVerbs ?? data('lexicons/actors-verbs.txt'),
    objectVerbs: files.objectVerbs ?? data('lexicons/actors-object-verbs.txt'),
    actorNouns: files.actorNouns ?? data('lexicons/actors-nouns.txt'),
    seats: files.seats ?? data('lexicons/actors-seats.tsv'),
  };
  const key = Object.values(paths).map(String).join('\n');
  let knowledge = cache.get(key);
  if (!knowledge) {
    const demonyms = new Map<string, Demonym>();
    for (const [form, country, countryName] of rows(paths.demonyms)) {
      if (form && country) demonyms.set(form, { country, countryName: countryName ?? country });
    }
    knowledge = {
      gazetteer: loadGazetteer(paths.gazetteer),
      cues: JSON.parse(readFileSync(paths.cues, 'utf8')) as PlaceCues,
      demonyms,
      collectives: new Set(rows(paths.collectives).map((r) => r[0] ?? '')),
      subjectVerbs: new Set(rows(paths.subjectVerbs).map((r) => r[0] ?? '')),
      objectVerbs: new Set(rows(paths.objectVerbs).map((r) => r[0] ?? '')),
      actorNouns: new Set(rows(paths.actorNouns).map((r) => r[0] ?? '')),
      seats: new Map(rows(paths.seats).map((r) => [r[0] ?? '', r[1] ?? ''] as [string, string])),
    };
    cache.set(key, knowledge);
  }
  return knowledge;
}

function rows(file: string | URL): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.trim().split('\t'));
}
