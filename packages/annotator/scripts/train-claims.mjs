#!/usr/bin/env node
// Train the claim taggers (cue tagger and source/content role tagger) on PolNeAR and write their weights
// to data/claims/cue-model.bin and data/claims/role-model.bin, and the words that may begin a cue to
// data/claims/cue-words.txt.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';

const help = `Usage: node packages/annotator/scripts/train-claims.mjs POLNEAR_DIR [--out DIR] [--epochs N] [--bits N]

Imports the BUILT package (packages/annotator/dist): build it first with
  npx tsc -p packages/annotator/tsconfig.build.json
Reads POLNEAR_DIR/train/text/*.txt and POLNEAR_DIR/train/attributions/*.ann (every annotator's file
is a training document of its own), splits and tags the texts with the pipeline's own stages (parse-plain,
mark-prose, split-sentences, tag-pos) and trains two averaged perceptrons. Deterministic.
Options:
  --out DIR     where to write cue-model.bin, role-model.bin and cue-words.txt (default: packages/annotator/data/claims)
  --epochs N    passes over the data (default 10)
  --bits N      bits of the hashed feature space (default 20)`;

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
  console.log(help);
  process.exit(args.length === 0 ? 1 : 0);
}
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(here, '../dist');
const corpus = path.resolve(args[0]);
const outDir = path.resolve(option('--out', path.join(here, '../data/claims')));
const epochs = Number(option('--epochs', '10'));
const bits = Number(option('--bits', '20'));

const { parsePlain, markProse, tagPos } = await import(path.join(dist, 'index.js'));
const { default: splitSentences } = await import(path.join(dist, 'plugins/split-sentences.js'));
const { trainClaimModels } = await import(path.join(dist, 'claims/train.js'));
const { parseAttributions } = await import(path.join(dist, 'claims/polnear.js'));
const { readLexicon } = await import(path.join(dist, 'claims/data.js'));
const { encodeModel } = await import(path.join(dist, 'claims/perceptron.js'));

const processor = unified().use(parsePlain).use(markProse).use(splitSentences).use(tagPos).freeze();
const lexicon = readLexicon(new URL(`file://${path.join(outDir, 'lexicon.json')}`));

const started = performance.now();
const split = path.join(corpus, 'train');
const annFiles = readdirSync(path.join(split, 'attributions'))
  .filter((f) => f.endsWith('.ann'))
  .sort();
const documents = [];
for (const file of annFiles) {
  const name = file.replace(/_[^_]+\.ann$/, '');
  let text;
  try {
    text = readFileSync(path.join(split, 'text', `${name}.txt`), 'utf8');
  } catch {
    continue;
  }
  const real = new VFile({ value: text, data: { format: 'plaintext' } });
  processor.runSync(processor.parse(real), real);
  documents.push({
    sentences: real.data.sentences ?? [],
    blocks: real.data.blocks ?? [],
    attributions: parseAttributions(readFileSync(path.join(split, 'attributions', file), 'utf8')),
  });
}
const withPos = documents.some((d) => d.sentences.some((s) => s.tokens.some((t) => t.pos)));
console.log(
  `read ${documents.length} annotated articles (${withPos ? 'with' : 'without'} part-of-speech tags) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const models = trainClaimModels(documents, lexicon, { epochs, bits, log: (m) => console.log(m) });
mkdirSync(outDir, { recursive: true });
for (const [name, model] of [
  ['cue-model.bin', models.cue],
  ['role-model.bin', models.role],
]) {
  const bytes = encodeModel(model);
  writeFileSync(path.join(outDir, name), bytes);
  console.log(`wrote ${path.join(outDir, name)} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}
const words = [...models.candidates].sort();
writeFileSync(path.join(outDir, 'cue-words.txt'), `${words.join('\n')}\n`);
console.log(`wrote ${path.join(outDir, 'cue-words.txt')} (${words.length} words that may begin a cue)`);
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
