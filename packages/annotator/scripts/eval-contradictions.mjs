#!/usr/bin/env node
// Score the disputes claimlens finds against the hand-annotated contradictions in ../shared/data/contradictions.
// Imports the BUILT packages: run `npm run build` first.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const usage = `Usage: npm run eval:contradictions -- <contradictions-folder> [--polnear <polnear-folder>] [--verbose] [--oracle] [--features <rows.jsonl>]

Analyses each ECB+ topic folder (<folder>/ecbplus/<topic>/) and each PolNeAR story (the docs of a story in
polnear-gold.json, texts in <polnear-folder>/{dev,train}/text; default: ../polnear beside the folder) as one
corpus with analyze(), and scores its disputes with the README's matching rule: a dispute matches a gold entry
when a claim of one position overlaps quote a (or an a_also quote) and a claim of another position overlaps
quote b (or a b_also quote). A dispute counts once for precision; every gold entry it matches is found. Prints per set recall, precision (matching disputes / all
disputes), the share of look-alike pairs (not_contradictions) flagged, each by kind, and the PolNeAR-40
false-alarm check (disputes on the first 40 PolNeAR dev texts by file name). --verbose lists every dispute
and whether it matched. --oracle prints, per gold entry, what links the claims holding its quotes (one event, one
story, related trigger lemmas, a shared participant, the event model's probability, what the comparison made of
them) and the ceiling of each policy of choosing the pairs to compare. --features writes one line per dispute (its
features for the learned filter, whether it matched) for scripts/train-dispute-filter.mjs.`;

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  console.log(usage);
  process.exit(args.length === 0 ? 1 : 0);
}
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const verbose = args.includes('--verbose');
const oracle = args.includes('--oracle');
const featuresFile = flag('--features');
const featureRows = [];
const folder = resolve(args[0]);
const polnearFolder = resolve(flag('--polnear') ?? join(folder, '..', 'polnear'));

const { analyze, createAnnotator, defaultCompareLexicon, defaultEventGrouping } = await import('../dist/index.js');
const { oracleContext, oracleOf, reportOracle } = await import('./pair-oracle.mjs');
const { disputeFeatures } = await import('./eval-contradictions-features.mjs');
const annotator = createAnnotator();

/** Kinds of the gold, in the README's order; a dispute's facet is scored under the kind it maps to. */
const kinds = ['quantity', 'time', 'place', 'agent', 'outcome', 'polarity', 'motive', 'certainty', 'other'];
const kindOfFacet = {
  occurrence: 'polarity',
  count: 'quantity',
  time: 'time',
  place: 'place',
  agent: 'agent',
  affected: 'agent',
  outcome: 'outcome',
  motive: 'motive',
  certainty: 'certainty',
  instrument: 'other',
  other: 'other',
};

/** Character ranges of a quote in its document's text: { doc, start, end }. */
function locate(texts, quote) {
  const text = texts.get(quote.doc);
  if (text === undefined) return null;
  const start = text.indexOf(quote.quote);
  if (start === -1) throw new Error(`Expected the quote "${quote.quote}" in ${quote.doc}, not found`);
  return { doc: quote.doc, start, end: start + quote.quote.length };
}

/** Whether a claim (its source, cue or content) overlaps one of some located quotes. */
function claimHits(claim, doc, quotes) {
  const spans = [claim.source, claim.cue, claim.content].filter(Boolean);
  return quotes.some((q) => q && q.doc === doc && spans.some((s) => s.start < q.end && q.start < s.end));
}

/** Whether a dispute matches a gold entry: one position overlaps side a, another side b. */
function matches(dispute, entry, claimDoc) {
  const sideHits = (position, quotes) =>
    position.claims.some((id) => {
      const found = claimDoc.get(id);
      return found !== undefined && claimHits(found.claim, found.doc, quotes);
    });
  const { positions } = dispute;
  for (let i = 0; i < positions.length; i++) {
    if (!sideHits(positions[i], entry.aQuotes)) continue;
    for (let j = 0; j < positions.length; j++) {
      if (j !== i && sideHits(positions[j], entry.bQuotes)) return true;
    }
  }
  return false;
}

/** Analyse one group of files as a corpus and score its disputes against the group's gold entries. */
async function scoreGroup(name, files, gold, tally) {
  const corpus = await analyze(files, { annotator });
  const docOf = new Map(corpus.articles.map((a) => [a.id, basename(a.path).replace(/\.txt$/, '')]));
  const texts = new Map(corpus.articles.map((a) => [docOf.get(a.id), a.text]));
  const claimDoc = new Map(corpus.claims.map((c) => [c.id, { claim: c, doc: docOf.get(c.article) }]));
  const prepare = (entry) => ({
    ...entry,
    aQuotes: [entry.a, ...(entry.a_also ?? [])].map((q) => locate(texts, q)),
    bQuotes: [entry.b, ...(entry.b_also ?? [])].map((q) => locate(texts, q)),
  });
  const contradictions = gold.contradictions.map(prepare);
  const looks = gold.not_contradictions.map(prepare);
  const found = new Set();
  for (const dispute of corpus.disputes) {
    const kind = kindOfFacet[dispute.facet] ?? 'other';
    // A dispute with several positions can hold several gold pairs ("150 m", "200 m", "60 m"): each is found.
    const hits = contradictions.filter(
      (entry) =>
        matches(dispute, entry, claimDoc) && (!entry.compatible || dispute.compatible || dispute.facet === 'count'),
    );
    const hit = hits[0];
    if (featuresFile) {
      const row = {
        set: tally.set,
        group: name,
        features: disputeFeatures(dispute),
        correct: !!hit,
        hits: hits.map((h) => h.id),
      };
      featureRows.push(JSON.stringify(row));
    }
    tally.predicted[kind] = (tally.predicted[kind] ?? 0) + 1;
    if (hit) tally.correct[kind] = (tally.correct[kind] ?? 0) + 1;
    // A dispute all of whose gold entries an earlier dispute already found tells a disagreement again.
    if (hit && hits.every((h) => found.has(h.id))) tally.repeats++;
    for (const h of hits) found.add(h.id);
    if (verbose) {
      const values = dispute.positions.map((p) => JSON.stringify(p.value)).join(' vs ');
      console.log(
        `  ${name} ${hit ? `MATCH ${hits.map((h) => h.id).join(' ')}` : 'miss'} [${dispute.facet}] ${values}: ${dispute.explanation}`,
      );
    }
  }
  if (featuresFile) featureRows.push(JSON.stringify({ set: tally.set, group: name, gold: contradictions.length }));
  for (const entry of contradictions) {
    tally.gold[entry.kind] = (tally.gold[entry.kind] ?? 0) + 1;
    if (found.has(entry.id)) tally.recalled[entry.kind] = (tally.recalled[entry.kind] ?? 0) + 1;
    else if (verbose) console.log(`  ${name} MISSED ${entry.id} [${entry.kind}]`);
  }
  if (oracle) {
    const overlapping = (quotes) => corpus.claims.filter((c) => claimHits(c, docOf.get(c.article), quotes));
    const entries = contradictions.map((e) => ({
      ...e,
      aClaims: overlapping(e.aQuotes),
      bClaims: overlapping(e.bQuotes),
    }));
    tally.oracle ??= {};
    oracleOf(
      oracleContext(corpus, defaultEventGrouping(), defaultCompareLexicon()),
      entries,
      tally.oracle,
      verbose ? console.log : undefined,
    );
  }
  for (const entry of looks) {
    tally.looks[entry.kind] = (tally.looks[entry.kind] ?? 0) + 1;
    if (corpus.disputes.some((d) => matches(d, entry, claimDoc))) {
      tally.flagged[entry.kind] = (tally.flagged[entry.kind] ?? 0) + 1;
      if (verbose) console.log(`  ${name} FLAGGED look-alike ${entry.id} [${entry.reason}]`);
    }
  }
}

const newTally = (set) => ({
  set,
  predicted: {},
  correct: {},
  gold: {},
  recalled: {},
  looks: {},
  flagged: {},
  repeats: 0,
});
const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
const ratio = (n, d) => (d === 0 ? '   -  ' : (n / d).toFixed(3).padStart(6));

function report(title, tally) {
  const recall = sum(tally.recalled) / sum(tally.gold);
  console.log(`\n${title}`);
  console.log(
    `  recall ${ratio(sum(tally.recalled), sum(tally.gold))} (${sum(tally.recalled)}/${sum(tally.gold)})` +
      `  precision ${ratio(sum(tally.correct), sum(tally.predicted))} (${sum(tally.correct)}/${sum(tally.predicted)})` +
      `  look-alikes flagged ${ratio(sum(tally.flagged), sum(tally.looks))} (${sum(tally.flagged)}/${sum(tally.looks)})`,
  );
  console.log(
    `  matching disputes that only repeat a disagreement another dispute found: ${tally.repeats}; ` +
      `disputes matching no gold entry: ${sum(tally.predicted) - sum(tally.correct)}`,
  );
  console.log('  kind        recall          precision       look-alikes flagged');
  for (const kind of kinds) {
    const cell = (n, d) => `${ratio(n ?? 0, d ?? 0)} ${`${n ?? 0}/${d ?? 0}`.padEnd(8)}`;
    console.log(
      `  ${kind.padEnd(10)}  ${cell(tally.recalled[kind], tally.gold[kind])}` +
        `${cell(tally.correct[kind], tally.predicted[kind])}${cell(tally.flagged[kind], tally.looks[kind])}`,
    );
  }
  return recall;
}

// ECB+: one corpus per topic folder.
const ecbGold = JSON.parse(readFileSync(join(folder, 'ecbplus-gold.json'), 'utf8'));
const ecb = newTally('ECB+');
for (const topic of ecbGold.topics) {
  const dir = join(folder, 'ecbplus', String(topic));
  const gold = {
    contradictions: ecbGold.contradictions.filter((c) => c.topic === topic),
    not_contradictions: ecbGold.not_contradictions.filter((c) => c.topic === topic),
  };
  await scoreGroup(`t${topic}`, [dir], gold, ecb);
}
report('ECB+ dev topics (ecbplus-gold.json)', ecb);
if (oracle) reportOracle('ECB+', ecb.oracle);

// PolNeAR: one corpus per story; a doc's text is in dev/text or train/text.
const polnearGold = JSON.parse(readFileSync(join(folder, 'polnear-gold.json'), 'utf8'));
const textDirs = ['dev', 'train'].map((split) => join(polnearFolder, split, 'text'));
const pathOf = new Map();
for (const dir of textDirs) for (const file of readdirSync(dir)) pathOf.set(file, join(dir, file));
const strip = (q) => ({ ...q, doc: q.doc.replace(/\.txt$/, '') });
const stripEntry = (e) => ({
  ...e,
  a: strip(e.a),
  b: strip(e.b),
  ...(e.a_also ? { a_also: e.a_also.map(strip) } : {}),
  ...(e.b_also ? { b_also: e.b_also.map(strip) } : {}),
});
const polnear = newTally('PolNeAR');
for (const story of polnearGold.stories) {
  const files = story.docs.map((doc) => {
    const path = pathOf.get(doc);
    if (!path) throw new Error(`Expected ${doc} in ${textDirs.join(' or ')}, not found`);
    return path;
  });
  const gold = {
    contradictions: polnearGold.contradictions.filter((c) => c.story === story.id).map(stripEntry),
    not_contradictions: polnearGold.not_contradictions.filter((c) => c.story === story.id).map(stripEntry),
  };
  await scoreGroup(story.id, files, gold, polnear);
}
report('PolNeAR stories (polnear-gold.json)', polnear);
if (oracle) reportOracle('PolNeAR', polnear.oracle);

if (featuresFile) writeFileSync(featuresFile, `${featureRows.join('\n')}\n`);

// The false-alarm check: the first 40 PolNeAR dev texts by file name, mostly unrelated stories.
const first40 = readdirSync(textDirs[0])
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 40)
  .map((f) => join(textDirs[0], f));
const check = await analyze(first40, { annotator });
const compatible = check.disputes.filter((d) => d.compatible).length;
console.log(
  `\nPolNeAR-40 false-alarm check: ${check.disputes.length} disputes (${compatible} marked compatible), ` +
    `${check.contradictions.length} contradiction pairs, ${check.agreements.length} agreements`,
);
if (verbose) for (const d of check.disputes) console.log(`  [${d.facet}] ${d.explanation}`);
