#!/usr/bin/env node
// Cross-validate event mention finding over the ECB+ train topics, and score it on the dev topics.
// Imports the BUILT annotator (../dist/): run `npx tsc -p packages/annotator/tsconfig.build.json` first.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { devTopics, listTopics, mentionOverlap, readSentenceIndex, readTopic } from './eval-events.mjs';
import { eventStatistics } from './train-events.mjs';

const usage = `Usage: node packages/annotator/scripts/eval-event-mentions.mjs <ecbplus-folder> [--folds 5]
       [--events JSON] [--without field,...]

Topic-level k-fold cross-validation of the event tagger's mentions over the ECB+ train topics: for each fold
the ECB+ statistics of data/events/ecb-lexicon.json are rebuilt from the other folds' topics (as
train-events.mjs builds them from all train topics), and the fold's documents are annotated with that lexicon.
Then the dev topics (${devTopics.join(' ')}) with the shipped lexicon. Prints, per fold, their mean and dev:
the share of gold event mentions a predicted mention overlaps, and of predicted mentions in the checked
sentences that overlap a gold one. --events passes tag-events options as JSON; --without drops fields of the
lexicon (e.g. eventNouns) to measure what they add. Imports the built annotator (dist/): build it first.`;

async function main(argv) {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  const valued = ['--folds', '--events', '--without'];
  const folder = argv.find((a, i) => !a.startsWith('--') && !valued.includes(argv[i - 1] ?? ''));
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const folds = Number(option('--folds') ?? 5);
  const eventOptions = JSON.parse(option('--events') ?? '{}');
  const without = (option('--without') ?? '').split(',').filter(Boolean);
  const { createAnnotator, lemmatize } = await import('../dist/index.js');
  const { defaultEventLexicon } = await import('../dist/events/event-lexicon.js');
  const shipped = defaultEventLexicon();
  const typed = JSON.parse(readFileSync(new URL('../data/events/types.json', import.meta.url), 'utf8'));
  const index = readSentenceIndex(folder);
  const score = (topics, lexicon) => {
    for (const field of without) delete lexicon[field];
    const annotator = createAnnotator({ linePerSentence: true, events: { ...eventOptions, lexicon } });
    const counts = { gold: 0, goldFound: 0, predicted: 0, predictedGold: 0 };
    for (const topic of topics) {
      const docs = readTopic(folder, topic, index);
      const predicted = new Map(
        docs.map((d) => [d.name, (annotator.annotate(d.text).events ?? []).map((e) => e.trigger)]),
      );
      for (const [k, n] of Object.entries(mentionOverlap(docs, predicted, index))) counts[k] += n;
    }
    return counts;
  };
  const line = (name, c) =>
    `${name}: gold overlapped ${c.goldFound}/${c.gold} (${percent(c.goldFound, c.gold)}), predicted overlapping gold ${c.predictedGold}/${c.predicted} (${percent(c.predictedGold, c.predicted)})`;
  const train = listTopics(folder).filter((t) => !devTopics.includes(t));
  const shares = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = train.filter((_, i) => i % folds === fold);
    const rest = train.filter((_, i) => i % folds !== fold);
    const stats = eventStatistics(folder, rest, (word) => lemmatize(word, { exceptions: shipped.exceptions }));
    const counts = score(held, {
      ...shipped,
      lemmas: stats.lemmas,
      synonyms: stats.synonyms,
      nonEvents: new Set([...stats.nonEvents, ...(typed.nonEvents ?? [])]),
    });
    shares.push([counts.goldFound / counts.gold, counts.predictedGold / counts.predicted]);
    console.log(line(`fold ${fold + 1} (topics ${held.join(' ')})`, counts));
  }
  const mean = (k) => shares.reduce((sum, s) => sum + (s[k] ?? 0), 0) / shares.length;
  console.log(
    `mean over ${folds} train folds: gold overlapped ${(100 * mean(0)).toFixed(1)}%, predicted overlapping gold ${(100 * mean(1)).toFixed(1)}%`,
  );
  console.log(line(`dev (topics ${devTopics.join(' ')})`, score(devTopics, { ...shipped })));
}

function percent(part, whole) {
  return `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
