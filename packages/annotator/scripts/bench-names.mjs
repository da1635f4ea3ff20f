#!/usr/bin/env node
// Benchmark name tagging: claimlens (tokenize + sentences + POS + NER) against compromise and wink-nlp.
// Usage: node packages/annotator/scripts/bench-names.mjs <conll-file | text file | folder of .txt/.md> [--mb 1] [--runs 3]
// Speeds are MB of UTF-8 text per second of CPU time (best of the runs), so other load on the machine
// matters less than with wall-clock time.
// The text is generated at run time from the CoNLL file's sentences, joined into paragraphs (not committed),
// or repeated from the plain text / Markdown given.
// Imports the BUILT package (../dist): run `npx tsc -p packages/annotator/tsconfig.build.json` first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { markProse, parsePlain, tagActors, tagClaims, tagPos } from '../dist/index.js';
import { parseConll } from '../dist/learn/index.js';
import splitSentences from '../dist/plugins/split-sentences.js';

const processors = new Map();

/** Run only the name stages (parse, prose, sentences, POS, names) and return the file's data. */
export function annotateNames(text, options = {}) {
  const linePerSentence = options.linePerSentence ?? false;
  let processor = processors.get(linePerSentence);
  if (!processor) {
    processor = unified()
      .use(parsePlain, { linePerSentence })
      .use(markProse)
      .use(splitSentences)
      .use(tagPos)
      .use(tagActors)
      .freeze();
    processors.set(linePerSentence, processor);
  }
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  processor.runSync(processor.parse(file), file);
  return file.data;
}

/**
 * News-like text of about `megabytes` MB. From a CoNLL file: its sentences, detokenised a little, in
 * paragraphs of five. From a folder or another file: its plain text and Markdown, repeated.
 */
export function benchText(source, megabytes = 1) {
  let paragraphs;
  if (statSync(source).isDirectory()) {
    paragraphs = readdirSync(source)
      .filter((name) => /\.(txt|md|markdown)$/i.test(name))
      .sort()
      .flatMap((name) => readFileSync(path.join(source, name), 'utf8').split(/\n\s*\n/));
  } else {
    const content = readFileSync(source, 'utf8');
    const conll = /^\S+ \S+ \S+ [BIO](?:-\w+)?$/m.test(content.slice(0, 2000));
    if (conll) {
      const sentences = parseConll(content).map((s) =>
        s.words
          .join(' ')
          .replace(/ ([.,;:!?)]|'s|n't)/g, '$1')
          .replace(/\( /g, '('),
      );
      paragraphs = [];
      for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
    } else paragraphs = content.split(/\n\s*\n/);
  }
  paragraphs = paragraphs.map((p) => p.trim()).filter((p) => p.length > 0);
  if (paragraphs.length === 0) throw new Error(`Expected text in ${source}, not nothing`);
  const out = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; i++) {
    const value = paragraphs[i % paragraphs.length];
    out.push(value);
    size += value.length + 2;
  }
  return out.join('\n\n');
}

/** Time each tagger on the same text; returns MB/s per tool and the ratios. */
export async function benchNames(conllPath, options = {}) {
  const text = benchText(conllPath, options.megabytes ?? 1);
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  const chunks = text.split('\n\n');
  // CPU time of this process (one core: all of this runs on the main thread), best of `runs`.
  const runs = options.runs ?? 2;
  const time = (run) => {
    let best = Number.POSITIVE_INFINITY;
    let count = 0;
    for (let r = 0; r < runs; r++) {
      const started = process.cpuUsage();
      count = run();
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1e6);
    }
    return { seconds: best, count };
  };
  const results = {};
  annotateNames('Warm up in Paris with Mr. Smith of Reuters.');
  const claimlens = time(() => annotateNames(text).mentions.length);
  results.claimlens = { mbPerSecond: mb / claimlens.seconds, names: claimlens.count };
  const { default: nlp } = await import('compromise');
  const compromise = time(() => {
    let count = 0;
    for (const chunk of chunks) {
      const doc = nlp(chunk);
      count += doc.people().length + doc.places().length + doc.organizations().length;
    }
    return count;
  });
  results.compromise = { mbPerSecond: mb / compromise.seconds, names: compromise.count };
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const wink = winkNLP(model);
  const wink1 = time(() => {
    let count = 0;
    for (const chunk of chunks) count += wink.readDoc(chunk).entities().length();
    return count;
  });
  results.wink = { mbPerSecond: mb / wink1.seconds, names: wink1.count };
  return {
    megabytes: mb,
    results,
    ratios: {
      compromise: results.claimlens.mbPerSecond / results.compromise.mbPerSecond,
      wink: results.claimlens.mbPerSecond / results.wink.mbPerSecond,
    },
  };
}

// ---- Claims (owned by the claims tagger): names stages + claims, timed together ----------------------

/**
 * Time the name stages (as `annotateNames`) followed by the claims stage (`tag-claims`) on the same text:
 * MB of text per second of CPU time, best of `runs`, and the claims stage alone.
 */
export function benchClaims(source, options = {}) {
  const text = benchText(source, options.megabytes ?? 1);
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  const runs = options.runs ?? 2;
  const names = unified().use(parsePlain).use(markProse).use(splitSentences).use(tagPos).use(tagActors).freeze();
  const claims = tagClaims();
  const cpu = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e6;
  };
  const warm = new VFile({ value: 'Warm up: the minister said the bridge was closed.', data: { format: 'plaintext' } });
  claims(names.runSync(names.parse(warm), warm), warm);
  let best = Number.POSITIVE_INFINITY;
  let bestClaims = Number.POSITIVE_INFINITY;
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const file = new VFile({ value: text, data: { format: 'plaintext' } });
    const started = cpu();
    const tree = names.runSync(names.parse(file), file);
    const between = cpu();
    claims(tree, file);
    const ended = cpu();
    best = Math.min(best, ended - started);
    bestClaims = Math.min(bestClaims, ended - between);
    count = (file.data.claims ?? []).filter((c) => c.cue).length;
  }
  return { megabytes: mb, namesAndClaims: mb / best, claimsAlone: mb / bestClaims, claims: count };
}

// ---- end of claims ------------------------------------------------------------------------------------

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path || path === '--help') {
    console.log(
      'Usage: node packages/annotator/scripts/bench-names.mjs <conll-file> [--mb 1] [--runs 3]\n(imports ../dist: build the package first)',
    );
    process.exit(path ? 0 : 1);
  }
  const mbArg = process.argv.indexOf('--mb');
  const runsArg = process.argv.indexOf('--runs');
  // Best of three runs: the first of a tool's runs also pays for compiling its code. Names and claims are timed
  // first, before the peers' libraries fill the heap.
  const settings = {
    megabytes: mbArg > 0 ? Number(process.argv[mbArg + 1]) : 1,
    runs: runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3,
  };
  const claims = benchClaims(path, settings);
  const { megabytes, results, ratios } = await benchNames(path, settings);
  console.log(`text: ${megabytes.toFixed(2)} MB`);
  for (const [name, r] of Object.entries(results))
    console.log(`${name.padEnd(10)} ${r.mbPerSecond.toFixed(2)} MB/s of CPU time (${r.names} names)`);
  console.log(`claimlens/compromise ${ratios.compromise.toFixed(1)}x, claimlens/wink ${ratios.wink.toFixed(1)}x`);
  console.log(
    `names + claims ${claims.namesAndClaims.toFixed(2)} MB/s of CPU time (claims stage alone ${claims.claimsAlone.toFixed(2)} MB/s, ${claims.claims} attributed claims)`,
  );
}
