#!/usr/bin/env node
// Score claim extraction against PolNeAR attributions (brat standoff).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';

const help = `Usage: npm run eval:claims -- POLNEAR_SPLIT_DIR [--verbose]
       node packages/annotator/scripts/eval-claims.mjs /path/to/polnear/dev

Imports the BUILT package (packages/annotator/dist): build it first with
  npx tsc -p packages/core/tsconfig.build.json && npx tsc -p packages/annotator/tsconfig.build.json
Reads SPLIT/text/*.txt and SPLIT/attributions/*.ann (one annotator per article: the first file name in
sorted order), runs the whole pipeline (createAnnotator().annotate(text)) and prints:
  cue P/R/F1       a predicted claim with a cue matches a gold attribution when their cues overlap (one to one)
  content token F1 over all tokens of the split: a token is content when it overlaps some content span
  source token F1  over matched pairs
  speed            MB of text per second for the whole pipeline, and for the stages up to names plus claims
                   (wall clock, and by CPU time of this process, which a busy machine disturbs less)
Claims in the article's own voice (no cue) are not scored: PolNeAR has none.`;

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
if (positional.length === 0 || args.includes('--help') || args.includes('-h')) {
  console.log(help);
  process.exit(positional.length === 0 ? 1 : 0);
}
const verbose = args.includes('--verbose');
const split = path.resolve(positional[0]);
const dist = path.join(path.dirname(new URL(import.meta.url).pathname), '../dist');
const api = await import(path.join(dist, 'index.js'));
const { parseAttributions } = await import(path.join(dist, 'claims/polnear.js'));
const { default: splitSentences } = await import(path.join(dist, 'plugins/split-sentences.js'));

const annFiles = readdirSync(path.join(split, 'attributions'))
  .filter((f) => f.endsWith('.ann'))
  .sort();
const chosen = new Map();
for (const file of annFiles) {
  const name = file.replace(/_[^_]+\.ann$/, '');
  if (!chosen.has(name)) chosen.set(name, file);
}
const articles = [];
for (const [name, file] of [...chosen].sort()) {
  let text;
  try {
    text = readFileSync(path.join(split, 'text', `${name}.txt`), 'utf8');
  } catch {
    continue;
  }
  articles.push({ name, text, gold: parseAttributions(readFileSync(path.join(split, 'attributions', file), 'utf8')) });
}

const annotator = api.createAnnotator();
annotator.annotate('Warm-up: the minister said on Monday that the bridge was closed.');
const overlapsAny = (ranges, s, e) => ranges.some((r) => r.start < e && s < r.end);
let bytes = 0;
let seconds = 0;
let matched = 0;
let predicted = 0;
let goldCount = 0;
const content = { tp: 0, fp: 0, fn: 0 };
const source = { tp: 0, fp: 0, fn: 0 };
const stances = new Map();
for (const article of articles) {
  const { text, gold } = article;
  bytes += Buffer.byteLength(text, 'utf8');
  const started = performance.now();
  const result = annotator.annotate(text);
  seconds += (performance.now() - started) / 1000;
  const claims = result.claims.filter((c) => c.cue);
  for (const c of claims) stances.set(c.stance, (stances.get(c.stance) ?? 0) + 1);
  predicted += claims.length;
  goldCount += gold.length;
  const used = new Uint8Array(gold.length);
  const tokens = api.tokenize(text);
  for (const claim of claims) {
    const index = gold.findIndex((g, k) => used[k] === 0 && overlapsAny(g.cue, claim.cue.start, claim.cue.end));
    if (index < 0) {
      if (verbose)
        console.log(
          `FP ${article.name}: [${claim.source?.text ?? ''}] <${claim.cue.text}> ${claim.content.text.slice(0, 80)}`,
        );
      continue;
    }
    used[index] = 1;
    matched++;
    const g = gold[index];
    for (const t of tokens) {
      const inGold = overlapsAny(g.source, t.start, t.end);
      const inPred = claim.source !== null && claim.source.start < t.end && t.start < claim.source.end;
      if (inGold && inPred) source.tp++;
      else if (inPred) source.fp++;
      else if (inGold) source.fn++;
    }
  }
  if (verbose) {
    gold.forEach((g, k) => {
      if (used[k] === 0)
        console.log(
          `FN ${article.name}: <${g.cue.map((r) => text.slice(r.start, r.end)).join(' … ')}> ${text.slice(g.content[0]?.start ?? 0, (g.content[0]?.start ?? 0) + 80).replace(/\n/g, ' ')}`,
        );
    });
  }
  const goldContent = gold.flatMap((g) => g.content);
  const predContent = claims.map((c) => c.content);
  for (const t of tokens) {
    const inGold = overlapsAny(goldContent, t.start, t.end);
    const inPred = overlapsAny(predContent, t.start, t.end);
    if (inGold && inPred) content.tp++;
    else if (inPred) content.fp++;
    else if (inGold) content.fn++;
  }
}

// The stages up to names (parse … link-entities), then claims alone, timed apart.
const upToNames = unified()
  .use(api.parsePlain)
  .use(api.markProse)
  .use(splitSentences)
  .use(api.tagPos)
  .use(api.tagActors)
  .use(api.tagPlaces)
  .use(api.linkEntities)
  .freeze();
const claimStage = api.tagClaims();
let namesSeconds = 0;
let claimSeconds = 0;
let namesCpu = 0;
let claimCpu = 0;
const cpuSeconds = (usage) => (usage.user + usage.system) / 1e6;
for (const article of articles) {
  const file = new VFile({ value: article.text, data: { format: 'plaintext' } });
  let started = performance.now();
  let cpu = process.cpuUsage();
  const tree = upToNames.parse(file);
  upToNames.runSync(tree, file);
  namesSeconds += (performance.now() - started) / 1000;
  namesCpu += cpuSeconds(process.cpuUsage(cpu));
  started = performance.now();
  cpu = process.cpuUsage();
  claimStage(tree, file);
  claimSeconds += (performance.now() - started) / 1000;
  claimCpu += cpuSeconds(process.cpuUsage(cpu));
}

const f1 = (p, r) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const prf = ({ tp, fp, fn }) => {
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1(p, r).toFixed(3)}`;
};
const mb = bytes / 1e6;
console.log(
  `PolNeAR ${path.basename(split)}: ${articles.length} articles, ${goldCount} gold attributions, ${predicted} predicted claims with a cue`,
);
console.log(`cue detection     ${prf({ tp: matched, fp: predicted - matched, fn: goldCount - matched })}`);
console.log(`content tokens    ${prf(content)}`);
console.log(`source tokens     ${prf(source)}  (over ${matched} matched pairs)`);
console.log(`stances           ${[...stances].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(
  `speed             whole pipeline ${(mb / seconds).toFixed(2)} MB/s (${mb.toFixed(2)} MB in ${seconds.toFixed(2)} s)`,
);
console.log(
  `                  names stages + claims ${(mb / (namesSeconds + claimSeconds)).toFixed(2)} MB/s; claims alone ${(mb / claimSeconds).toFixed(2)} MB/s`,
);
console.log(
  `                  by CPU time (fairer on a busy machine): names stages + claims ${(mb / (namesCpu + claimCpu)).toFixed(2)} MB/s; claims alone ${(mb / claimCpu).toFixed(2)} MB/s`,
);
