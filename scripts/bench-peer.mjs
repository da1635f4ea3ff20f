#!/usr/bin/env node
// node scripts/bench-peer.mjs compromise|wink-nlp FILE...: what `bench-runs.mjs` times for the peers: load the
// library, then find the names (people, places, organisations) in every paragraph of every file.
import { readFileSync } from 'node:fs';

const [tool, ...files] = process.argv.slice(2);
let names = 0;
if (tool === 'compromise') {
  const { default: nlp } = await import('compromise');
  for (const paragraph of paragraphs()) {
    const doc = nlp(paragraph);
    names += doc.people().length + doc.places().length + doc.organizations().length;
  }
} else if (tool === 'wink-nlp') {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  for (const paragraph of paragraphs()) names += nlp.readDoc(paragraph).entities().length();
} else {
  console.error(`Expected compromise or wink-nlp, not ${tool}`);
  process.exit(2);
}
console.log(`${tool}: ${names} names`);

function* paragraphs() {
  for (const file of files) yield* readFileSync(file, 'utf8').split(/\n\s*\n/);
}
