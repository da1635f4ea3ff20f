#!/usr/bin/env node
// node scripts/bench-runs.mjs [FOLDER]: whole-process speed on a folder of news articles (by default
// ../shared/data/polnear/train/text beside the checkout, else the seeds), next to compromise and wink-nlp.
//  1. `claimlens annotate --no-cache` on the folder's first 3.7 MB joined into one text, as a whole process
//     (start-up, data loading, every stage, JSON writing): MB/s of wall time and of CPU time.
//  2. `claimlens analyze` on the folder with an empty annotation cache (cold), again (warm), and after one file
//     changed; then the changed folder with --no-cache, whose JSON must be the same as the incremental run's.
// compromise and wink-nlp tag names on the same text in processes of their own (they keep nothing between runs:
// their cold, warm and one-changed runs cost the same). compromise is about 20x slower than wink-nlp, so it
// reads a sample (an eighth of the files, the first 0.25 MB of the joined text) and its time is scaled up.
// Needs `npm run build` first. The annotation cache of these runs lives in a temporary folder.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'apps/cli/bin/claimlens.js');
const peer = path.join(root, 'scripts/bench-peer.mjs');
const defaultFolder = path.join(root, '..', 'shared', 'data', 'polnear', 'train', 'text');
const folder = process.argv[2] ?? (existsSync(defaultFolder) ? defaultFolder : path.join(root, 'seeds'));
const joinedBytes = 3.7e6;
const compromiseShare = 8;
// Prints this process's CPU time on stderr when it ends, for the parent to read.
const cpuReporter = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-seconds '+(u.user+u.system)/1e6+'\\n')})`;

const work = mkdtempSync(path.join(os.tmpdir(), 'claimlens-bench-runs-'));
try {
  const names = readdirSync(folder)
    .filter((n) => /\.(txt|md)$/.test(n))
    .sort();
  const texts = names.map((n) => readFileSync(path.join(folder, n), 'utf8').trim());
  const joined = [];
  let size = 0;
  for (const text of texts) {
    if (size >= joinedBytes) break;
    joined.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  const oneText = path.join(work, 'joined.txt');
  writeFileSync(oneText, `${joined.join('\n\n')}\n`);
  const sample = path.join(work, 'sample.txt');
  writeFileSync(sample, readFileSync(oneText, 'utf8').slice(0, 250_000));
  const mb = (file) => readFileSync(file).length / 1e6;

  console.log(
    `Whole process, one text of ${mb(oneText).toFixed(2)} MB (the first ${joined.length} articles of ${folder})`,
  );
  console.log(
    `${'tool'.padEnd(34)}${'wall s'.padStart(8)}${'CPU s'.padStart(8)}${'MB/s wall'.padStart(11)}${'MB/s CPU'.padStart(10)}`,
  );
  const row = (label, megabytes, run) =>
    console.log(
      `${label.padEnd(34)}${run.wall.toFixed(1).padStart(8)}${run.cpu.toFixed(1).padStart(8)}` +
        `${(megabytes / run.wall).toFixed(2).padStart(11)}${(megabytes / run.cpu).toFixed(2).padStart(10)}`,
    );
  const annotate = timed([cli, 'annotate', oneText, '--no-cache']);
  const winkText = timed([peer, 'wink-nlp', oneText]);
  const compromiseText = timed([peer, 'compromise', sample]);
  row('claimlens annotate --no-cache', mb(oneText), annotate);
  row('wink-nlp', mb(oneText), winkText);
  row(`compromise (first ${mb(sample).toFixed(2)} MB)`, mb(sample), compromiseText);
  const perMB = (run, megabytes) => run.cpu / megabytes;
  console.log(
    `claimlens's CPU time per MB: ${(perMB(annotate, mb(oneText)) / perMB(winkText, mb(oneText))).toFixed(2)}x wink-nlp's, ` +
      `${(perMB(annotate, mb(oneText)) / perMB(compromiseText, mb(sample))).toFixed(2)}x compromise's`,
  );

  const corpus = path.join(work, 'corpus');
  cpSync(folder, corpus, { recursive: true });
  const cache = { XDG_CACHE_HOME: path.join(work, 'cache') };
  const analyze = (out, ...flags) =>
    timed([cli, 'analyze', corpus, '--format', 'json', '--out', path.join(work, out), '--quiet', ...flags], cache);
  console.log(
    `\nclaimlens analyze on ${names.length} articles (${(size / 1e6).toFixed(1)} MB joined above; the folder)`,
  );
  console.log(`${'run'.padEnd(34)}${'wall s'.padStart(8)}${'CPU s'.padStart(8)}${'CPU of cold'.padStart(13)}`);
  const cold = analyze('cold');
  // shares of the cold run's CPU time: wall-clock time on a shared machine measures the other users too
  const share = (run) => `${Math.round((100 * run.cpu) / cold.cpu)}%`.padStart(13);
  const line = (label, run) =>
    console.log(`${label.padEnd(34)}${run.wall.toFixed(1).padStart(8)}${run.cpu.toFixed(1).padStart(8)}${share(run)}`);
  line('cold (empty cache)', cold);
  line('warm (nothing changed)', analyze('warm'));
  const changed = path.join(corpus, names[Math.floor(names.length / 2)]);
  writeFileSync(
    changed,
    `${readFileSync(changed, 'utf8')}\n\nThe minister said on Monday that the talks would go on.\n`,
  );
  line('one file changed', analyze('changed'));
  const fresh = analyze('fresh', '--no-cache');
  line('the same with --no-cache', fresh);
  const same =
    readFileSync(path.join(work, 'changed', 'corpus.json'), 'utf8') ===
    readFileSync(path.join(work, 'fresh', 'corpus.json'), 'utf8');
  console.log(`one file changed gives the JSON of a fresh run: ${same ? 'yes' : 'NO'}`);
  const files = texts.map((_, i) => path.join(corpus, names[i] ?? ''));
  const wink = timed([peer, 'wink-nlp', ...files]);
  const sampled = files.filter((_, i) => i % compromiseShare === 0);
  const compromise = timed([peer, 'compromise', ...sampled]);
  console.log(
    `${'wink-nlp, every file'.padEnd(34)}${wink.wall.toFixed(1).padStart(8)}${wink.cpu.toFixed(1).padStart(8)}${share(wink)}` +
      '   (no cache: cold, warm and one changed cost the same)',
  );
  const scaled = { wall: compromise.wall * compromiseShare, cpu: compromise.cpu * compromiseShare };
  console.log(
    `${`compromise, 1 file in ${compromiseShare}, x${compromiseShare}`.padEnd(34)}${scaled.wall.toFixed(1).padStart(8)}` +
      `${scaled.cpu.toFixed(1).padStart(8)}${share(scaled)}`,
  );
  if (!same) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Run node with `args` to the end; its wall-clock and CPU seconds. Output is discarded. */
function timed(args, env = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', cpuReporter, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = (performance.now() - started) / 1000;
  const stderr = result.stderr.toString();
  const cpu = /cpu-seconds (\S+)\n$/.exec(stderr);
  if (result.status !== 0 || !cpu) throw new Error(`Expected node ${args.join(' ')} to succeed, not:\n${stderr}`);
  return { wall, cpu: Number(cpu[1]) };
}
