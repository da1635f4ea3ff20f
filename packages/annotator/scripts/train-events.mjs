#!/usr/bin/env node
// Build the event data in packages/annotator/data/events/ from general resources and ECB+ train topics.
// Imports the BUILT annotator (../dist/index.js): run `npx tsc -p packages/annotator/tsconfig.build.json` first.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { devTopics, listTopics } from './eval-events.mjs';
import { eventStatistics } from './events-model.mjs';

const usage = `Usage: node packages/annotator/scripts/train-events.mjs <ecbplus-folder> [out-folder]

Writes to out-folder (default packages/annotator/data/events):
  lemma-exceptions.json  irregular verb and noun forms → lemma, from compromise's lexicon (the forms the
                         suffix rules in src/text/lemma.ts get wrong)
  ecb-lexicon.json       per lemma, from the ECB+ TRAIN topics only (dev ${devTopics.join(' ')} and the held-out
                         test topics are never read): how often it is annotated as an event mention,
                         and how often two mentions with this lemma in one sub-topic corefer.
  model.json             the event grouping model (see events-model.mjs): logistic regression weights and
                         boosted trees of depth two over mention pairs of the annotated train topics,
                         per-lemma coreference rates, and the clustering threshold chosen inside the train
                         topics (4 folds of them: a model trained on three groups the fourth at each
                         threshold; the CoNLL F1 over the four held-out parts per threshold is printed).
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
  const { lemmas, nonEvents } = eventStatistics(folder, train, (word) => lemmatize(word, { exceptions: sorted }));
  writeFileSync(
    `${out}/ecb-lexicon.json`,
    `${JSON.stringify({ source: 'ECB+ 1.0 train topics', topics: train, lemmas, nonEvents })}\n`,
  );
  console.log(
    `ecb-lexicon.json: ${Object.keys(lemmas).length} lemmas, ${nonEvents.length} non-events from topics ${train.join(' ')}`,
  );

  // 3. The event grouping model, trained on the annotated train topics.
  const { defaultEventGrouping } = await import('../dist/index.js');
  const { eventFeatures } = await import('@claimlens/core');
  const { loadTopics, trainModel } = await import('./events-model.mjs');
  const trained = await trainModel(await loadTopics(folder, train), defaultEventGrouping(), [...eventFeatures]);
  writeFileSync(`${out}/model.json`, `${JSON.stringify(trained.model)}\n`);
  console.log(
    `model.json: ${trained.model.features.length} weights, ${Object.keys(trained.model.lemmas).length} lemma rates, ${trained.model.trees?.length ?? 0} trees, threshold ${trained.model.threshold} (CoNLL F1 of the held-out parts of the train topics by threshold: ${trained.tried.map(([t, f]) => `${t} ${f.toFixed(4)}`).join(', ')})`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
