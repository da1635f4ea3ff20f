#!/usr/bin/env node
// Score claimlens's names (actors, places) against a CoNLL-2003 file, through the real pipeline.
// Usage: node packages/annotator/scripts/eval-names.mjs <eng.testa> [--names-only]
// Imports the BUILT package (../dist): run `npx tsc -p packages/annotator/tsconfig.build.json` first.
// Text is rebuilt as the data README says: a sentence's tokens joined by single spaces, one sentence a line;
// each -DOCSTART- document is annotated on its own, as claimlens annotates one article at a time.
// Exact-span, typed matches: actor = PER + ORG, place = LOC; MISC is not scored. How claimlens's mentions map
// to CoNLL's types: persons and organisations are actors; places are places; a `government` mention ("Moscow
// denied", "the White House said") names a country, capital or seat, which CoNLL tags LOC, so it is scored as a
// place. Mentions that are not names are not scored (CoNLL tags only names): groups ("Ukrainian troops",
// "police") and definite descriptions ("the ministry"); their count is printed.
import { readFileSync } from 'node:fs';
import { createAnnotator } from '../dist/index.js';
import { parseConll } from '../dist/learn/index.js';
import { spansFromBio } from '../dist/ner/index.js';
import { annotateNames } from './bench-names.mjs';

const path = process.argv[2];
if (!path || path === '--help') {
  console.log(
    'Usage: node packages/annotator/scripts/eval-names.mjs <conll-file>\n(imports ../dist: build the package first)',
  );
  process.exit(path ? 0 : 1);
}

const { text, gold, tokens, documents } = conllText(readFileSync(path, 'utf8'));
const mb = Buffer.byteLength(text, 'utf8') / 1e6;
const annotator = createAnnotator({ linePerSentence: true });
annotator.annotate('Warm up the models in Paris.');
annotateNames('Warm up the models in Paris.', { linePerSentence: true });

/** Mentions of every document, at offsets into the whole text. */
const each = (run) =>
  documents.flatMap(({ start, end }) =>
    run(text.slice(start, end)).map((m) => ({ ...m, start: m.start + start, end: m.end + start })),
  );
const pipeline = measure(() => each((value) => annotator.annotate(value).mentions));
const names = measure(() => each((value) => annotateNames(value, { linePerSentence: true }).mentions));
// Warm runs: the taggers cache per-word scores, so a second pass over text shows the steady state.
const warm = [1, 2].map(() => measure(() => each((value) => annotateNames(value, { linePerSentence: true }).mentions)));
const namesWarm = warm.reduce((a, b) => (b.cpu < a.cpu ? b : a));

console.log(
  `${path}: ${documents.length} documents, ${gold.length} gold names (actor ${gold.filter((g) => g.type === 'actor').length}, place ${gold.filter((g) => g.type === 'place').length}), ${tokens} tokens, ${mb.toFixed(2)} MB`,
);
const notNames = pipeline.result.filter((m) => !isName(m));
console.log(
  `not scored (not names): ${notNames.filter((m) => m.kind === 'group').length} group mentions, ${notNames.filter((m) => m.kind !== 'group').length} definite descriptions; scored as places: ${pipeline.result.filter((m) => m.kind === 'government').length} government mentions`,
);
console.log('\nfull pipeline (createAnnotator({linePerSentence: true}).annotate):');
report(score(pipeline.result));
console.log('\nname stage alone (parse, sentences, tag-pos, tag-actors; before entity linking):');
report(score(names.result));
console.log('\nspeed on one core (CPU time of this process; wall-clock in brackets):');
for (const [name, m] of [
  ['full pipeline', pipeline],
  ['names only (tokenize + sentences + POS + NER), first run', names],
  ['names only, warm (best of 2 more runs)', namesWarm],
]) {
  console.log(
    `${name}: ${(tokens / m.cpu).toFixed(0)} tokens/s, ${(mb / m.cpu).toFixed(2)} MB/s  [wall ${(tokens / m.wall).toFixed(0)} tokens/s, ${(mb / m.wall).toFixed(2)} MB/s]`,
  );
}

/** Run once; the result with its CPU and wall-clock seconds. */
function measure(run) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = run();
  const cpu = process.cpuUsage(cpu0);
  return { result, cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - wall0) / 1000 };
}

/** Whether a mention is a name: not a group ("police", "Russian troops") nor a description ("the ministry"). */
function isName(m) {
  return m.kind !== 'group' && /^[\p{Lu}\d]/u.test(m.text.replace(/^the\s+/i, ''));
}

/** CoNLL's type of a mention: a government is named by its place (LOC). */
function conllType(m) {
  return m.kind === 'government' ? 'place' : m.type;
}

function score(mentions) {
  const counts = { actor: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
  const key = (m) => `${m.start}:${m.end}:${m.type}`;
  const goldKeys = new Set(gold.map(key));
  const guessKeys = new Set(
    mentions
      .filter(isName)
      .map((m) => ({ start: m.start, end: m.end, type: conllType(m) }))
      .filter((m) => m.type in counts)
      .map(key),
  );
  for (const k of guessKeys) counts[k.split(':')[2]][goldKeys.has(k) ? 'tp' : 'fp']++;
  for (const k of goldKeys) if (!guessKeys.has(k)) counts[k.split(':')[2]].fn++;
  return counts;
}

function report(counts) {
  const line = (name, { tp, fp, fn }) => {
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    const f = (2 * p * r) / Math.max(1e-9, p + r);
    return `  ${name.padEnd(6)} precision ${p.toFixed(4)}  recall ${r.toFixed(4)}  F1 ${f.toFixed(4)}  (tp ${tp}, fp ${fp}, fn ${fn})`;
  };
  const micro = Object.values(counts).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  console.log(line('actor', counts.actor));
  console.log(line('place', counts.place));
  console.log(line('micro', micro));
}

/** The text of a CoNLL file, one sentence a line, its gold actor/place spans and its documents' ranges. */
function conllText(source) {
  const lines = [];
  const gold = [];
  const documents = [];
  let offset = 0;
  let tokens = 0;
  for (const part of source.split(/^-DOCSTART-.*$/m)) {
    const sentences = parseConll(part);
    if (sentences.length === 0) continue;
    const start = offset;
    for (const sentence of sentences) addSentence(sentence);
    documents.push({ start, end: offset - 1 });
  }
  return { text: lines.join('\n'), gold, tokens, documents };

  function addSentence(sentence) {
    const starts = [];
    let at = offset;
    for (const word of sentence.words) {
      starts.push(at);
      at += word.length + 1;
    }
    for (const span of spansFromBio(sentence.ner)) {
      const type = span.label === 'LOC' ? 'place' : span.label === 'PER' || span.label === 'ORG' ? 'actor' : null;
      if (!type) continue;
      const start = starts[span.start];
      const end = starts[span.end - 1] + sentence.words[span.end - 1].length;
      gold.push({ start, end, type });
    }
    const value = sentence.words.join(' ');
    lines.push(value);
    offset += value.length + 1;
    tokens += sentence.words.length;
  }
}
