#!/usr/bin/env node
// Facet reading measured apart from pairing: for every hand-annotated contradiction, the two claims are set side by
// side whatever events they are in, and the table says whether the facet was read from both and compared right.
// Imports the BUILT packages: run `npm run build` first.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const usage = `Usage: node packages/annotator/scripts/oracle-facets.mjs <contradictions-folder> [--polnear <polnear-folder>] [--verbose]

For each gold contradiction of ecbplus-gold.json and polnear-gold.json (the same folders as eval:contradictions), takes
every claim overlapping quote a (or an a_also quote) and every claim overlapping quote b (or a b_also quote) and
compares each such pair directly with probeClaims(). Prints per set and kind: entries, entries with a claim on both
sides, entries whose two values were read (both claims carry the entry's facet), entries whose facet reading differs
when the two are taken to tell one happening (for compatible entries: a count difference of any kind), entries the
pairwise comparison flags when it judges sameness itself, and how many of those share an event in the corpus. --verbose prints each entry's best pair and what was read.`;

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
const folder = resolve(args[0]);
const polnearFolder = resolve(flag('--polnear') ?? join(folder, '..', 'polnear'));

const { analyze, createAnnotator, defaultCompareLexicon } = await import('../dist/index.js');
const { probeClaims } = await import('@claimlens/core');
const annotator = createAnnotator();
const lexicon = defaultCompareLexicon();

const kinds = ['quantity', 'time', 'place', 'agent', 'outcome', 'polarity', 'motive', 'certainty', 'other'];
/** The finding kinds and facets that answer a gold kind. */
const answers = {
  quantity: (f) => f.kind === 'quantity',
  time: (f) => f.facet === 'time',
  place: (f) => f.kind === 'place',
  agent: (f) => f.kind === 'agent' || f.facet === 'affected',
  outcome: (f) => f.kind === 'outcome',
  polarity: (f) => f.kind === 'polarity',
  motive: (f) => f.kind === 'motive',
  certainty: (f) => f.kind === 'certainty',
  other: (f) => f.kind === 'other' && f.facet !== 'time',
};
/** Whether both claims carry a value of the gold kind's facet. */
const read = {
  quantity: (x, y) => x.counts.length > 0 && y.counts.length > 0,
  time: (x, y) => !!(x.time || x.clock) && !!(y.time || y.clock),
  place: (x, y) => !!x.place && !!y.place,
  agent: (x, y) => !!(x.agent || x.affected) && !!(y.agent || y.affected),
  outcome: (x, y) => !!(x.outcome || y.outcome),
  polarity: (x, y) => x.occurrence !== y.occurrence,
  motive: (x, y) => !!x.motive && !!y.motive,
  certainty: (x, y) => x.certainty !== y.certainty,
  other: () => false,
};

function locate(texts, quote) {
  const text = texts.get(quote.doc);
  if (text === undefined) return null;
  const start = text.indexOf(quote.quote);
  return start === -1 ? null : { doc: quote.doc, start, end: start + quote.quote.length };
}

function claimsAt(corpus, docOf, quotes) {
  return corpus.claims.filter((c) => {
    const doc = docOf.get(c.article);
    const spans = [c.source, c.cue, c.content].filter(Boolean);
    return quotes.some((q) => q && q.doc === doc && spans.some((s) => s.start < q.end && q.start < s.end));
  });
}

/** The stage an entry reaches: 0 no claim on a side, 1 claims, 2 values read, 3 compared right. */
async function probeGroup(name, files, entries, tally) {
  const corpus = await analyze(files, { annotator });
  const docOf = new Map(corpus.articles.map((a) => [a.id, basename(a.path).replace(/\.txt$/, '')]));
  const texts = new Map(corpus.articles.map((a) => [docOf.get(a.id), a.text]));
  const eventsOf = new Map();
  for (const e of corpus.events) for (const c of e.claims) eventsOf.set(c, [...(eventsOf.get(c) ?? []), e.id]);
  const input = { ...corpus, articles: corpus.articles, lexicon };
  for (const entry of entries) {
    const left = claimsAt(
      corpus,
      docOf,
      [entry.a, ...(entry.a_also ?? [])].map((q) => locate(texts, q)),
    );
    const right = claimsAt(
      corpus,
      docOf,
      [entry.b, ...(entry.b_also ?? [])].map((q) => locate(texts, q)),
    );
    let best = { stage: left.length && right.length ? 1 : 0, note: '', shared: false };
    for (const x of left) {
      for (const y of right) {
        if (x.id === y.id) continue;
        const probe = probeClaims(input, [x.id, y.id]);
        const [fx, fy] = probe.facets;
        const answered = (findings) =>
          findings.some((f) => answers[entry.kind](f) && (!entry.compatible || f.kind === 'quantity'));
        const flagged = answered(probe.findings);
        const stage = flagged ? 4 : answered(probe.differences) ? 3 : read[entry.kind](fx, fy) ? 2 : 1;
        const shared = (eventsOf.get(x.id) ?? []).some((e) => (eventsOf.get(y.id) ?? []).includes(e));
        if (stage > best.stage || (stage === best.stage && shared && !best.shared)) {
          const list = (findings) => JSON.stringify(findings.map((f) => [f.kind, f.facet, ...f.values]));
          best = {
            stage,
            shared,
            note: `${JSON.stringify(fx)}\n      ${JSON.stringify(fy)}\n      ${probe.relation} ${list(probe.findings)} as one happening: ${list(probe.differences)}`,
          };
        }
      }
    }
    tally[entry.kind] ??= { n: 0, claims: 0, read: 0, differs: 0, flagged: 0, shared: 0 };
    const row = tally[entry.kind];
    row.n++;
    if (best.stage >= 1) row.claims++;
    if (best.stage >= 2) row.read++;
    if (best.stage >= 3) row.differs++;
    if (best.stage >= 4) row.flagged++;
    if (best.stage >= 4 && best.shared) row.shared++;
    if (verbose) {
      const stageName = ['no claim', 'claims', 'read', 'DIFFERS', 'FLAGGED'][best.stage];
      console.log(
        `${name} ${entry.id} [${entry.kind}${entry.compatible ? ', compatible' : ''}] ${stageName}${best.shared ? ' (same event)' : ''}`,
      );
      if (best.note) console.log(`      ${best.note}`);
    }
  }
}

const cells = (r) =>
  [r.n, r.claims, r.read, r.differs, r.flagged, r.shared]
    .map((n, i) => String(n).padStart([7, 6, 4, 7, 7, 5][i]))
    .join('  ');

function report(title, tally) {
  console.log(`\n${title}`);
  console.log('  kind        entries  claims  read  differs  flagged  flagged in one event');
  const total = { n: 0, claims: 0, read: 0, differs: 0, flagged: 0, shared: 0 };
  for (const kind of kinds) {
    const r = tally[kind];
    if (!r) continue;
    for (const k of Object.keys(total)) total[k] += r[k];
    console.log(`  ${kind.padEnd(10)}  ${cells(r)}`);
  }
  console.log(`  ${'all'.padEnd(10)}  ${cells(total)}`);
}

const ecbGold = JSON.parse(readFileSync(join(folder, 'ecbplus-gold.json'), 'utf8'));
const ecb = {};
for (const topic of ecbGold.topics) {
  const entries = ecbGold.contradictions.filter((c) => c.topic === topic);
  await probeGroup(`t${topic}`, [join(folder, 'ecbplus', String(topic))], entries, ecb);
}
report('ECB+ dev topics: facet reading with both claims in hand', ecb);

const polnearGold = JSON.parse(readFileSync(join(folder, 'polnear-gold.json'), 'utf8'));
const textDirs = ['dev', 'train'].map((split) => join(polnearFolder, split, 'text'));
const pathOf = new Map();
for (const dir of textDirs) for (const file of readdirSync(dir)) pathOf.set(file, join(dir, file));
const strip = (q) => ({ ...q, doc: q.doc.replace(/\.txt$/, '') });
const polnear = {};
for (const story of polnearGold.stories) {
  const entries = polnearGold.contradictions
    .filter((c) => c.story === story.id)
    .map((e) => ({
      ...e,
      a: strip(e.a),
      b: strip(e.b),
      a_also: (e.a_also ?? []).map(strip),
      b_also: (e.b_also ?? []).map(strip),
    }));
  await probeGroup(
    story.id,
    story.docs.map((d) => pathOf.get(d)),
    entries,
    polnear,
  );
}
report('PolNeAR stories: facet reading with both claims in hand', polnear);
