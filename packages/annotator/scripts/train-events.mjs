#!/usr/bin/env node
// Build the event data in packages/annotator/data/events/ from general resources and ECB+ train topics.
// Imports the BUILT annotator (../dist/index.js): run `npx tsc -p packages/annotator/tsconfig.build.json` first.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { devTopics, listTopics, readSentenceIndex, readTopic } from './eval-events.mjs';

const usage = `Usage: node packages/annotator/scripts/train-events.mjs <ecbplus-folder> [out-folder]

Writes to out-folder (default packages/annotator/data/events):
  lemma-exceptions.json  irregular verb and noun forms → lemma, from compromise's lexicon (the forms the
                         suffix rules in src/text/lemma.ts get wrong)
  ecb-lexicon.json       per lemma, from the ECB+ TRAIN topics only (dev ${devTopics.join(' ')} and the held-out
                         test topics are never read): how often it is annotated as an event mention,
                         how often two mentions with this lemma in one sub-topic corefer, and lemma pairs
                         that corefer often (synonyms such as "kill"/"murder").
  model.json             the event grouping model (see events-model.mjs): logistic regression weights over
                         mention pairs of the annotated train topics, per-lemma coreference rates, and the
                         clustering threshold that groups the train topics best (thresholds tried printed).
Imports the built packages (dist/): build them first.`;

async function main(argv) {
  if (argv.length === 0 || argv.includes('--help')) {
    console.log(usage);
    return;
  }
  const folder = argv[0];
  const out = argv[1] ?? new URL('../data/events/', import.meta.url).pathname;
  const { lemmatize } = await import('../dist/index.js');

  // 1. Irregular forms from compromise (a general English lexicon).
  const require = createRequire(import.meta.url);
  const nlp = require('compromise');
  const model = nlp.model();
  const transform = nlp.methods().two.transform;
  const exceptions = {};
  const none = {};
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    if (!/^[a-z]+$/.test(word)) continue;
    if (tag === 'Infinitive') {
      const forms = transform.verb.conjugate(word, model);
      for (const [kind, form] of Object.entries(forms)) {
        if (kind === 'Infinitive' || kind === 'FutureTense' || !/^[a-z]+$/.test(form ?? '')) continue;
        const pos = kind === 'Gerund' ? 'VBG' : kind === 'PresentTense' ? 'VBZ' : 'VBD';
        if (lemmatize(form, { pos, exceptions: none }) !== word) exceptions[form] = word;
      }
    } else if (/^(?:PastTense|Participle|Gerund|PresentTense)$/.test(tag)) {
      const lemma = transform.verb.toInfinitive(word, model, tag);
      const pos = tag === 'Gerund' ? 'VBG' : tag === 'PresentTense' ? 'VBZ' : 'VBD';
      if (/^[a-z]+$/.test(lemma) && lemma !== word && lemmatize(word, { pos, exceptions: none }) !== lemma) {
        exceptions[word] = lemma;
      }
    } else if (tag === 'Singular') {
      const plural = transform.noun.toPlural(word, model);
      if (/^[a-z]+$/.test(plural) && plural !== word && lemmatize(plural, { pos: 'NNS', exceptions: none }) !== word) {
        exceptions[plural] = word;
      }
    }
  }
  for (const [singular, plural] of Object.entries(model.two.irregularPlurals ?? {})) {
    if (/^[a-z]+$/.test(plural)) exceptions[plural] = singular;
  }
  const sorted = Object.fromEntries(Object.entries(exceptions).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(`${out}/lemma-exceptions.json`, `${JSON.stringify(sorted)}\n`);
  console.log(`lemma-exceptions.json: ${Object.keys(sorted).length} forms`);

  // 2. Event statistics from the ECB+ train topics.
  const train = listTopics(folder).filter((t) => !devTopics.includes(t));
  const {
    lemmas,
    nonEvents,
    synonyms: synonymList,
  } = eventStatistics(folder, train, (word) => lemmatize(word, { exceptions: sorted }));
  writeFileSync(
    `${out}/ecb-lexicon.json`,
    `${JSON.stringify({ source: 'ECB+ 1.0 train topics', topics: train, lemmas, synonyms: synonymList, nonEvents })}\n`,
  );
  console.log(
    `ecb-lexicon.json: ${Object.keys(lemmas).length} lemmas, ${nonEvents.length} non-events, ${synonymList.length} synonym pairs from topics ${train.join(' ')}`,
  );

  // 3. The event grouping model, trained on the annotated train topics.
  const { defaultEventGrouping } = await import('../dist/index.js');
  const { eventFeatures } = await import('@claimlens/core');
  const { loadTopics, trainModel } = await import('./events-model.mjs');
  const trained = await trainModel(await loadTopics(folder, train), defaultEventGrouping(), [...eventFeatures]);
  writeFileSync(`${out}/model.json`, `${JSON.stringify(trained.model)}\n`);
  console.log(
    `model.json: ${trained.model.features.length} weights, ${Object.keys(trained.model.lemmas).length} lemma rates, threshold ${trained.model.threshold} (train CoNLL F1 by threshold: ${trained.tried.map(([t, f]) => `${t} ${f.toFixed(4)}`).join(', ')})`,
  );
}

/**
 * Event statistics of ECB+ topics (the ecb-lexicon.json fields): per lemma how often it is annotated as an
 * event mention and how often its mentions in one sub-topic corefer, words almost never annotated
 * (`nonEvents`), and lemma pairs that corefer often (`synonyms`). `lemmaOf` maps a word to its lemma.
 */
export function eventStatistics(folder, topics, lemmaOf) {
  const index = readSentenceIndex(folder);
  const train = topics;
  const seen = new Map(); // lemma → tokens in checked sentences
  const seenLower = new Map(); // the same, written in lower case (common words, not names)
  const tagged = new Map(); // lemma → tokens inside gold event mentions
  const pairs = new Map(); // lemma → [coreferent pairs, pairs] within a sub-topic, across documents
  const synonyms = new Map(); // "a|b" → [coreferent pairs, pairs]
  const bump = (map, key, i = 0, by = 1) => {
    const v = map.get(key) ?? [0, 0];
    v[i] += by;
    map.set(key, v);
  };
  for (const topic of train) {
    const docs = readTopic(folder, topic, index);
    for (const sub of ['ecb', 'plus']) {
      const mentions = [];
      for (const doc of docs.filter((d) => d.subtopic === sub)) {
        const checked = index.get(doc.name) ?? new Set();
        const inMention = new Set();
        for (const m of doc.mentions) {
          if (!m.checked) continue;
          const head = headWord(m.words);
          mentions.push({ doc: doc.name, lemma: lemmaOf(head), cluster: m.cluster });
          for (const w of m.words) inMention.add(w);
          tagged.set(lemmaOf(head), (tagged.get(lemmaOf(head)) ?? 0) + 1);
        }
        for (const token of doc.tokens) {
          if (!checked.has(token.sentence) || !/^[A-Za-z]/.test(token.word)) continue;
          const lemma = lemmaOf(token.word);
          seen.set(lemma, (seen.get(lemma) ?? 0) + 1);
          if (/^[a-z]/.test(token.word)) seenLower.set(lemma, (seenLower.get(lemma) ?? 0) + 1);
        }
      }
      for (let i = 0; i < mentions.length; i++) {
        for (let j = i + 1; j < mentions.length; j++) {
          const a = mentions[i];
          const b = mentions[j];
          if (a.doc === b.doc) continue;
          const same = a.cluster === b.cluster ? 1 : 0;
          if (a.lemma === b.lemma) {
            bump(pairs, a.lemma, 0, same);
            bump(pairs, a.lemma, 1);
          } else {
            const key = a.lemma < b.lemma ? `${a.lemma}|${b.lemma}` : `${b.lemma}|${a.lemma}`;
            bump(synonyms, key, 0, same);
            bump(synonyms, key, 1);
          }
        }
      }
    }
  }
  const lemmas = {};
  for (const [lemma, count] of [...tagged].sort((a, b) => b[1] - a[1])) {
    const total = Math.max(seen.get(lemma) ?? count, count);
    if (count < 2) continue;
    const [co, all] = pairs.get(lemma) ?? [0, 0];
    lemmas[lemma] = { n: count, p: round(count / total), ...(all >= 3 ? { coref: round(co / all) } : {}) };
  }
  // words seen often in checked sentences but almost never annotated as events ("department", "police")
  const nonEvents = [...seen]
    .filter(
      ([lemma, count]) =>
        (seenLower.get(lemma) ?? 0) >= 0.9 * count &&
        count >= 5 &&
        (tagged.get(lemma) ?? 0) / count <= 0.05 &&
        /^[a-z]{4,}$/.test(lemma),
    )
    .map(([lemma]) => lemma)
    .sort();
  const synonymList = [...synonyms]
    .filter(([, [co, all]]) => all >= 4 && co / all >= 0.5)
    .sort((a, b) => b[1][1] - a[1][1])
    .map(([key, [co, all]]) => [...key.split('|'), round(co / all)]);
  return { lemmas, nonEvents, synonyms: synonymList };
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}

/** The head of a multi-word mention: the first verb-like or the last word ("made the rounds" → made). */
function headWord(words) {
  if (words.length === 1) return words[0];
  const light = /^(?:the|a|an|of|to|in|on|out|up|off|'s|,)$/i;
  const content = words.filter((w) => !light.test(w));
  return content[0] ?? words[0];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
