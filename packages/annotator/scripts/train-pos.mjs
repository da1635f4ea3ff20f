#!/usr/bin/env node
// Train the part-of-speech tagger on the POS column of a CoNLL-2003 file and write data/pos/model.bin.br.
// Uses the BUILT package (../dist): run `npx tsc -p packages/annotator/tsconfig.build.json` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeModel, parseConll } from '../dist/learn/index.js';
import { PosTagger, trainPos } from '../dist/pos/index.js';

const [train, dev] = process.argv.slice(2);
if (!train || train === '--help') {
  console.log(
    'Usage: node packages/annotator/scripts/train-pos.mjs <eng.train> [eng.testa] [--out file]\n(imports ../dist: build the package first)',
  );
  process.exit(train ? 0 : 1);
}
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : new URL('../data/pos/model.bin.br', import.meta.url);
const toTagged = (s) => ({ words: s.words, tags: s.pos });
const sentences = parseConll(readFileSync(train, 'utf8')).map(toTagged);
const started = Date.now();
const { trainer, dict } = trainPos(sentences, {
  dictMinCount: Number(process.env.DICT_COUNT ?? 5),
  dictMinShare: Number(process.env.DICT_SHARE ?? 0.97),
  allowedMinCount: Number(process.env.ALLOWED_COUNT ?? 5),
  onEpoch: (epoch, accuracy) => console.log(`epoch ${epoch}: train accuracy ${(accuracy * 100).toFixed(2)}%`),
});
const model = trainer.finish(Number(process.env.PRUNE ?? 0.05));
const bytes = encodeModel(model, { dict }, Number(process.env.STEP ?? 0.01));
writeFileSync(out, bytes);
console.log(
  `trained in ${((Date.now() - started) / 1000).toFixed(1)} s; ${model.rows} rows, ${Object.keys(dict).length} dictionary words, ${(bytes.length / 1024).toFixed(0)} KiB`,
);
if (dev && !dev.startsWith('--')) {
  const { decodeModel } = await import('../dist/learn/index.js');
  const loaded = decodeModel(readFileSync(out));
  const tagger = new PosTagger(loaded.model, loaded.extra.dict);
  let correct = 0;
  let total = 0;
  for (const s of parseConll(readFileSync(dev, 'utf8'))) {
    const tags = tagger.tag(s.words);
    tags.forEach((t, i) => {
      total++;
      if (t === s.pos[i]) correct++;
    });
  }
  console.log(`dev accuracy ${((correct / total) * 100).toFixed(2)}% (${total} tokens)`);
}
