#!/usr/bin/env node
// One long article: the seed articles' sentences run together into one paragraph of 0.25, 0.5, 1 and 2 MB,
// each analysed as a corpus of one file (read, annotate, build the corpus). Prints CPU seconds and MB/s per
// size, and how time grows: a path that is quadratic in an article's length shows here long before a user's
// editor freezes on a transcript or a scraped page without line breaks.
//
//   node scripts/bench-long.mjs [--sizes 0.25,0.5,1,2]
//
// Imports the BUILT packages: run `npm run build` first.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = process.argv.indexOf('--sizes');
const sizes = (flag >= 0 ? (process.argv[flag + 1] ?? '') : '0.25,0.5,1,2').split(',').map(Number);

const { analyze } = await import(pathToFileURL(path.join(root, 'packages/annotator/dist/index.js')).href);
const seeds = path.join(root, 'seeds');
const prose = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(seeds, f), 'utf8').replace(/\s+/g, ' ').trim())
  .join(' ');

// the annotator's data loads once, outside the timings
const warm = mkdtempSync(path.join(os.tmpdir(), 'claimlens-long-'));
writeFileSync(path.join(warm, 'warm.txt'), prose.slice(0, 2000));
await analyze([warm], { cache: null });
rmSync(warm, { recursive: true, force: true });

console.log(`${'MB'.padEnd(7)}${'claims'.padEnd(9)}${'events'.padEnd(9)}${'CPU s'.padEnd(8)}MB/s`);
const results = [];
for (const megabytes of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimlens-long-'));
  try {
    const length = Math.round(megabytes * 1e6);
    writeFileSync(path.join(dir, 'long.txt'), prose.repeat(Math.ceil(length / prose.length)).slice(0, length));
    const before = process.cpuUsage();
    const corpus = await analyze([dir], { cache: null });
    const used = process.cpuUsage(before);
    const seconds = (used.user + used.system) / 1e6;
    results.push({ megabytes, seconds });
    console.log(
      `${String(megabytes).padEnd(7)}${String(corpus.claims.length).padEnd(9)}${String(corpus.events.length).padEnd(9)}` +
        `${seconds.toFixed(1).padEnd(8)}${(megabytes / seconds).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const first = results[0];
const last = results.at(-1);
if (first && last && last !== first) {
  const scale = last.megabytes / first.megabytes;
  const growth = last.seconds / first.seconds;
  console.log(
    `growth: ${scale.toFixed(0)}x the length took ${growth.toFixed(2)}x the CPU time (${(growth / scale).toFixed(2)} of linear)`,
  );
}
