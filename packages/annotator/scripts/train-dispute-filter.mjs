#!/usr/bin/env node
// Measure a learned filter over candidate disputes (logistic regression over what a reader sees of a dispute:
// its facet, positions and sources; `disputeFeatures` in eval-contradictions.mjs) on the rows that
// `npm run eval:contradictions -- DIR --features rows.jsonl` writes, by leave-one-group-out cross-validation (one
// group = one ECB+ topic or one PolNeAR story), next to the in-sample score. No filter ships: on the disputes of
// 8 Dec 2026 (60, 11 matching) it raised ECB+ precision 0.182 -> 0.400 held out at half the recall (0.137 -> 0.068),
// and PolNeAR held out to 0/3; in-sample 0.667 / 0.123. That is fitting the dev data, not a method.
import { readFileSync, writeFileSync } from 'node:fs';

const usage = `Usage: node packages/annotator/scripts/train-dispute-filter.mjs <rows.jsonl> [--write <filter.json>]

Prints, per set (ECB+, PolNeAR), precision and recall of all disputes, of the disputes the filter keeps when each
group is held out of training (cross-validation), and in-sample. --write saves the weights trained on all rows.`;

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  console.log(usage);
  process.exit(args.length === 0 ? 1 : 0);
}
const out = args.includes('--write') ? args[args.indexOf('--write') + 1] : undefined;
const { disputeFeatureNames } = await import('./eval-contradictions-features.mjs');

const lines = readFileSync(args[0], 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const rows = lines.filter((r) => r.features);
const golds = lines.filter((r) => r.gold !== undefined);
const groups = [...new Set(rows.map((r) => r.group))];

/** L2-regularised logistic regression by gradient descent (the bias is not regularised). */
function train(data, lambda = 1, steps = 3000, rate = 0.1) {
  const n = disputeFeatureNames.length;
  const w = new Array(n).fill(0);
  for (let step = 0; step < steps; step++) {
    const grad = new Array(n).fill(0);
    for (const r of data) {
      const p = sigmoid(dot(w, r.features));
      const e = p - (r.correct ? 1 : 0);
      for (let i = 0; i < n; i++) grad[i] += e * r.features[i];
    }
    for (let i = 0; i < n; i++) w[i] -= (rate * (grad[i] + (i === 0 ? 0 : lambda * w[i]))) / Math.max(1, data.length);
  }
  // The threshold that gives the best F1 of kept disputes on the training rows themselves.
  let best = { f1: -1, threshold: 0.5 };
  for (let t = 0.05; t < 0.95; t += 0.05) {
    const kept = data.filter((r) => sigmoid(dot(w, r.features)) >= t);
    const tp = kept.filter((r) => r.correct).length;
    const p = kept.length ? tp / kept.length : 0;
    const r = tp / Math.max(1, data.filter((x) => x.correct).length);
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    if (f1 > best.f1) best = { f1, threshold: Math.round(t * 100) / 100 };
  }
  return { weights: w.map((x) => Math.round(x * 1e4) / 1e4), threshold: best.threshold };
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const dot = (w, x) => w.reduce((s, wi, i) => s + wi * x[i], 0);

/** Precision and recall of the kept disputes of a set. */
function score(set, keep) {
  const mine = rows.filter((r) => r.set === set);
  const kept = mine.filter(keep);
  const found = new Set(kept.flatMap((r) => r.hits));
  const gold = golds.filter((g) => g.set === set).reduce((s, g) => s + g.gold, 0);
  const tp = kept.filter((r) => r.correct).length;
  return `precision ${(tp / Math.max(1, kept.length)).toFixed(3)} (${tp}/${kept.length})  recall ${(found.size / gold).toFixed(3)} (${found.size}/${gold})`;
}

const held = new Map();
for (const g of groups) {
  const model = train(rows.filter((r) => r.group !== g));
  for (const r of rows.filter((x) => x.group === g))
    held.set(r, sigmoid(dot(model.weights, r.features)) >= model.threshold);
}
const all = train(rows);
for (const set of [...new Set(rows.map((r) => r.set))]) {
  console.log(`${set}`);
  console.log(`  all disputes         ${score(set, () => true)}`);
  console.log(`  filter, held out     ${score(set, (r) => held.get(r))}`);
  console.log(`  filter, in-sample    ${score(set, (r) => sigmoid(dot(all.weights, r.features)) >= all.threshold)}`);
}
console.log(`weights (threshold ${all.threshold}):`);
for (const [i, name] of disputeFeatureNames.entries()) console.log(`  ${name.padEnd(20)} ${all.weights[i]}`);
if (out) {
  writeFileSync(out, `${JSON.stringify({ features: disputeFeatureNames, ...all }, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
