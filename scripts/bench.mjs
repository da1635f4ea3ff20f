#!/usr/bin/env node
// npm run bench [-- TEXT_FILE]: the speed of claimlens next to compromise and wink-nlp (name tagging, and whole
// processes: annotate, a cold and a warm analyze, one changed file), how corpus analysis grows from 1,000 to
// 10,000 articles, and how one article's time grows with its length.
// Needs `npm run build` first.
// TEXT_FILE is real news text to time name tagging on (CoNLL-2003 style token lines or plain text); by
// default ../shared/data/conll2003/eng.train beside the checkout, else the seed articles.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [given] = process.argv.slice(2);
const defaultText = path.join(root, '..', 'shared', 'data', 'conll2003', 'eng.train');
const text = given ?? (existsSync(defaultText) ? defaultText : path.join(root, 'seeds'));

for (const dist of ['packages/core/dist/index.js', 'packages/annotator/dist/index.js']) {
  if (!existsSync(path.join(root, dist))) {
    console.error(`claimlens bench: ${dist} is missing; run \`npm run build\` first.`);
    process.exit(2);
  }
}

const runs = [
  ['Names and claims: MB/s next to compromise and wink-nlp', 'packages/annotator/scripts/bench-names.mjs', [text]],
  ['Whole processes: annotate, analyze cold, warm and after one change', 'scripts/bench-runs.mjs', []],
  ['Corpus scale: 1,000 to 10,000 articles', 'scripts/bench-scale.mjs', []],
  ['One long article: 0.25 to 2 MB in one paragraph', 'scripts/bench-long.mjs', []],
];
let failed = 0;
for (const [title, script, args] of runs) {
  console.log(`\n== ${title}`);
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
