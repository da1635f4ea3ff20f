#!/usr/bin/env node
// Score cross-document event coreference on ECB+ (dev topics by default) with the real pipeline.
// Imports the BUILT packages: run `npx tsc -p packages/core/tsconfig.build.json` and
// `npx tsc -p packages/annotator/tsconfig.build.json` first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const devTopics = [2, 5, 12, 18, 21, 23, 34, 35];

const usage = `Usage: node packages/annotator/scripts/eval-events.mjs <ecbplus-folder> [--split dev|train] [--topics 2,5,...]
       [--events JSON] [--cluster JSON] [--no-folds] [--analyse] [--verbose]

Rebuilds each ECB+ document (tokens joined by single spaces, one sentence a line), annotates the documents
of each topic with createAnnotator({linePerSentence: true}), groups their event mentions with clusterEvents,
and scores the gold event mentions (ACTION_* and NEG_ACTION_* in ECBplus_coreference_sentences.csv) with
MUC, B³, CEAF-e and CoNLL F1. Prints the mentions in the checked sentences: gold mentions found (a predicted
mention overlaps one of their tokens) and predicted mentions on a gold one; and the same-lemma baseline (gold
mentions grouped by lemma).
Default topics: the dev topics ${devTopics.join(' ')}, followed by a topic-level 5-fold cross-validation over
the train topics (all others in the folder; --no-folds skips it): per fold, the lexicon's ECB+ statistics and
the event model (weights, lemma rates and threshold) come from the other four fifths, and the fold is
annotated and grouped with them, so it is as unseen as dev. Printed per fold and as means: CoNLL F1 and the
two mention shares. --split train scores the train topics with the shipped data (in-sample).
Without --cluster, mentions are grouped as \`claimlens analyze\` groups them (clusterEvents with the
annotator's defaultEventGrouping(): data/events/model.json, wordnet.tsv.br, background.txt), so the score
is the product's. --events passes tag-events options (e.g. '{"minProbability":0.6}'), --cluster clusterEvents
options (arrays of strings become sets) to compare settings. --analyse prints, for dev and each fold, where the
score is lost: gold mentions missed, gold pairs kept apart (by a missed mention, by the sub-topic split, by
clustering) against pairs wrongly joined, article pairs of one sub-topic joined, and two oracle scores. Imports the built packages (dist/): build them first.`;

/** Read the checked sentences: Map<"topic_file", Set<sentence>>. */
export function readSentenceIndex(folder) {
  const index = new Map();
  const lines = readFileSync(join(folder, 'ECBplus_coreference_sentences.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [topic, file, sentence] = line.split(',');
    if (!topic || !file || sentence === undefined) continue;
    const key = `${topic}_${file}`;
    if (!index.has(key)) index.set(key, new Set());
    index.get(key).add(Number(sentence));
  }
  return index;
}

/** The topics present in the folder. */
export function listTopics(folder) {
  return readdirSync(join(folder, 'topics'))
    .map(Number)
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
}

/**
 * Read one ECB+ document: text (one sentence a line), tokens with offsets, and its event mentions
 * (in checked sentences) with gold cluster ids.
 */
export function readDocument(path, name, checked) {
  const xml = readFileSync(path, 'utf8');
  const tokens = [];
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="(\d+)"\s*>([^<]*)<\/token>/g)) {
    tokens.push({ id: Number(m[1]), sentence: Number(m[2]), word: decodeXml(m[4]) });
  }
  const byId = new Map();
  let text = '';
  let sentence = -1;
  for (const token of tokens) {
    if (token.sentence !== sentence) {
      if (sentence !== -1) text += '\n';
      sentence = token.sentence;
    } else text += ' ';
    token.start = text.length;
    text += token.word;
    token.end = text.length;
    byId.set(token.id, token);
  }
  const markables = new Map();
  const body = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  for (const m of body.matchAll(/<(\w+) m_id="(\d+)"[^>]*?(\/)?>/g)) {
    if (m[3]) continue;
    const close = body.indexOf(`</${m[1]}>`, m.index);
    const inner = body.slice(m.index, close === -1 ? undefined : close);
    const anchors = [...inner.matchAll(/t_id="(\d+)"/g)].map((a) => byId.get(Number(a[1]))).filter(Boolean);
    markables.set(m[2], { tag: m[1], id: m[2], tokens: anchors });
  }
  const cluster = new Map();
  const relations = xml.slice(xml.indexOf('<Relations>'));
  for (const m of relations.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="(\d+)"([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const note = /note="([^"]*)"/.exec(m[3])?.[1];
    const id = m[1] === 'CROSS_DOC_COREF' && note ? note : `${name}:intra:${m[2]}`;
    for (const s of m[4].matchAll(/<source m_id="(\d+)"/g)) cluster.set(s[1], id);
  }
  const mentions = [];
  for (const markable of markables.values()) {
    if (!/^(?:NEG_)?ACTION_/.test(markable.tag) || markable.tokens.length === 0) continue;
    const first = markable.tokens[0];
    const last = markable.tokens[markable.tokens.length - 1];
    const inChecked = checked?.has(first.sentence) ?? false;
    mentions.push({
      id: `${name}:${markable.id}`,
      tag: markable.tag,
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      words: markable.tokens.map((t) => t.word),
      sentence: first.sentence,
      checked: inChecked,
      cluster: cluster.get(markable.id) ?? `${name}:single:${markable.id}`,
    });
  }
  return { name, text, tokens, mentions };
}

/** Read every document of a topic. */
export function readTopic(folder, topic, index) {
  const dir = join(folder, 'topics', String(topic));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.xml$/, '');
      return { ...readDocument(join(dir, f), name, index.get(name)), subtopic: f.includes('ecbplus') ? 'plus' : 'ecb' };
    });
}

/** The text of an XML text node: the five predefined entities decoded, `&amp;` last so that `&amp;lt;` stays `&lt;`. */
export function decodeXml(s) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

// ---- metrics ----

/** Clusters as arrays of mention keys, from a Map<mention, clusterId>. */
function groups(assignment) {
  const by = new Map();
  for (const [m, c] of assignment) {
    if (!by.has(c)) by.set(c, []);
    by.get(c).push(m);
  }
  return [...by.values()];
}

/** MUC, B³ and CEAF-e counts (numerators and denominators) for one topic. */
export function scoreCounts(gold, predicted) {
  const G = groups(gold);
  const P = groups(predicted);
  const muc = (keys, responses) => {
    let num = 0;
    let den = 0;
    for (const k of keys) {
      const parts = new Set(k.map((m) => responses.get(m)));
      num += k.length - parts.size;
      den += k.length - 1;
    }
    return { num, den };
  };
  const mucR = muc(G, predicted);
  const mucP = muc(P, gold);
  const b3 = (keys, other) => {
    const otherSize = new Map();
    for (const c of other.values()) otherSize.set(c, (otherSize.get(c) ?? 0) + 1);
    let sum = 0;
    for (const k of keys) {
      const counts = new Map();
      for (const m of k) counts.set(other.get(m), (counts.get(other.get(m)) ?? 0) + 1);
      for (const n of counts.values()) sum += (n * n) / k.length;
    }
    return sum;
  };
  const b3R = b3(G, predicted);
  const b3P = b3(P, gold);
  const n = gold.size;
  // CEAF-e: phi = 2|K∩R|/(|K|+|R|), best one-to-one alignment
  const pIndex = new Map(P.map((p, i) => [p, i]));
  const predOf = new Map();
  for (const p of P) for (const m of p) predOf.set(m, p);
  const weights = G.map((g) => {
    const row = new Map();
    for (const m of g) {
      const p = predOf.get(m);
      const j = pIndex.get(p);
      row.set(j, (row.get(j) ?? 0) + 1);
    }
    for (const [j, c] of row) row.set(j, (2 * c) / (g.length + P[j].length));
    return row;
  });
  const ceaf = maxAssignment(weights, P.length);
  return {
    muc: { rNum: mucR.num, rDen: mucR.den, pNum: mucP.num, pDen: mucP.den },
    b3: { rNum: b3R, rDen: n, pNum: b3P, pDen: n },
    ceafe: { rNum: ceaf, rDen: G.length, pNum: ceaf, pDen: P.length },
  };
}

/** Maximum-weight bipartite matching over sparse rows, solved per connected component with Hungarian. */
function maxAssignment(rows, columns) {
  // components over rows/columns linked by non-zero weights
  const parent = new Map();
  const find = (x) => {
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)));
      x = parent.get(x);
    }
    return x;
  };
  const union = (a, b) => parent.set(find(a), find(b));
  rows.forEach((row, i) => {
    parent.set(`r${i}`, `r${i}`);
    for (const j of row.keys()) {
      if (!parent.has(`c${j}`)) parent.set(`c${j}`, `c${j}`);
      union(`r${i}`, `c${j}`);
    }
  });
  const comps = new Map();
  rows.forEach((_, i) => {
    const root = find(`r${i}`);
    if (!comps.has(root)) comps.set(root, { rows: [], cols: new Set() });
    comps.get(root).rows.push(i);
    for (const j of rows[i].keys()) comps.get(root).cols.add(j);
  });
  let total = 0;
  for (const { rows: rs, cols } of comps.values()) {
    const cs = [...cols];
    if (rs.length === 1 || cs.length === 1) {
      let best = 0;
      for (const i of rs) for (const j of cs) best = Math.max(best, rows[i].get(j) ?? 0);
      total += best;
      continue;
    }
    const size = Math.max(rs.length, cs.length);
    const cost = Array.from({ length: size }, (_, a) =>
      Array.from(
        { length: size },
        (_, b) => -((rs[a] !== undefined && cs[b] !== undefined && rows[rs[a]].get(cs[b])) || 0),
      ),
    );
    const match = hungarian(cost);
    for (let a = 0; a < size; a++) total -= cost[a][match[a]];
  }
  void columns;
  return total;
}

/** Hungarian algorithm (minimum cost, square matrix): row → column. */
function hungarian(a) {
  const n = a.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = a[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const result = new Array(n);
  for (let j = 1; j <= n; j++) result[p[j] - 1] = j - 1;
  return result;
}

/** F1 per metric and CoNLL from summed counts. */
export function summarize(total) {
  const out = {};
  for (const [metric, c] of Object.entries(total)) {
    const r = c.rDen ? c.rNum / c.rDen : 0;
    const p = c.pDen ? c.pNum / c.pDen : 0;
    out[metric] = { r, p, f: r + p ? (2 * r * p) / (r + p) : 0 };
  }
  out.conll = (out.muc.f + out.b3.f + out.ceafe.f) / 3;
  return out;
}

// ---- main ----

async function main(argv) {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    console.log(usage);
    return;
  }
  const valued = ['--split', '--topics', '--events', '--cluster'];
  const folder = argv.find((a, i) => !a.startsWith('--') && !valued.includes(argv[i - 1] ?? ''));
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const split = option('--split') ?? 'dev';
  const topicsArg = option('--topics');
  const trainTopics = listTopics(folder).filter((t) => !devTopics.includes(t));
  const topics = topicsArg ? topicsArg.split(',').map(Number) : split === 'train' ? trainTopics : devTopics;
  const verbose = argv.includes('--verbose');
  const eventOptions = JSON.parse(option('--events') ?? '{}');
  const clusterOptions = JSON.parse(option('--cluster') ?? '{}');
  for (const [key, value] of Object.entries(clusterOptions)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) clusterOptions[key] = new Set(value);
  }
  const { defaultEventGrouping, lemmatize } = await import('../dist/index.js');
  const { eventFeatures } = await import('@claimlens/core');
  const { addAnalysis, addCounts, analyseTopic, analysisLine, crossValidate, loadTopics, scoreTopic } = await import(
    './events-model.mjs'
  );
  const analyse = argv.includes('--analyse');
  const analysis = {};
  const grouping = { ...defaultEventGrouping(), ...clusterOptions };
  const started = Date.now();
  const data = await loadTopics(folder, topics, eventOptions);
  const index = readSentenceIndex(folder);
  const system = {};
  const baseline = {};
  const mentions = {};
  let goldCount = 0;
  for (const topic of data) {
    const scored = await scoreTopic(topic, grouping);
    goldCount += scored.gold;
    addCounts(system, scored.counts);
    if (analyse) addAnalysis(analysis, await analyseTopic(topic, grouping, scored));
    for (const [k, n] of Object.entries(mentionOverlap(topic.docs, scored.spans, index))) {
      mentions[k] = (mentions[k] ?? 0) + n;
    }
    const gold = new Map();
    const lemmaBased = new Map();
    for (const doc of topic.docs) {
      for (const m of doc.mentions) {
        if (!m.checked) continue;
        gold.set(m.id, `${topic.topic}:${m.cluster}`);
        lemmaBased.set(m.id, `${topic.topic}:${m.words.map((w) => lemmatize(w)).join(' ')}`);
      }
    }
    const lemmaCounts = scoreCounts(gold, lemmaBased);
    addCounts(baseline, lemmaCounts);
    if (verbose) {
      for (const m of scored.missed) console.log(`missed ${m.id} ${m.tag} "${m.text}"`);
      const s = summarize(scored.counts);
      const b = summarize(lemmaCounts);
      console.log(
        `topic ${topic.topic}: ${topic.docs.length} docs, CoNLL ${s.conll.toFixed(4)} (lemma ${b.conll.toFixed(4)})`,
      );
    }
  }
  const fmt = (s) =>
    ['muc', 'b3', 'ceafe']
      .map((k) => `${k.toUpperCase()} R ${s[k].r.toFixed(4)} P ${s[k].p.toFixed(4)} F1 ${s[k].f.toFixed(4)}`)
      .concat(`CoNLL F1 ${s.conll.toFixed(4)}`)
      .join('\n  ');
  console.log(
    `ECB+ topics ${topics.join(' ')}: ${goldCount} gold event mentions, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`mentions in the scored sentences: ${mentionLine(mentions)}`);
  console.log(`system:\n  ${fmt(summarize(system))}`);
  console.log(`same-lemma baseline (gold mentions):\n  ${fmt(summarize(baseline))}`);
  if (analyse) console.log(`where the score is lost:\n    ${analysisLine(analysis)}`);
  if (topicsArg || split !== 'dev' || argv.includes('--no-folds')) return;
  // each fold unseen: its lexicon statistics and model (weights and threshold) come from the other four fifths
  const folds = await crossValidate(folder, trainTopics, grouping, [...eventFeatures], eventOptions, {
    analyse,
    done: (f, i) => {
      console.log(
        `train fold ${i + 1} (topics ${f.topics.join(' ')}): CoNLL F1 ${f.conll.toFixed(4)}, threshold ${f.threshold}, ${mentionLine(f.mentions)}`,
      );
      if (f.analysis) console.log(`    ${analysisLine(f.analysis)}`);
      if (f.analysis && verbose) console.log(`    missed: ${JSON.stringify(f.analysis.missedWords)}`);
    },
  });
  const mean = (value) => folds.reduce((sum, f) => sum + value(f), 0) / folds.length;
  console.log(
    `train topics, ${folds.length}-fold cross-validation by topic: mean CoNLL F1 ${mean((f) => f.conll).toFixed(4)}, gold mentions found ${percent(mean((f) => f.mentions.goldFound / f.mentions.gold))}, predicted mentions on a gold one ${percent(mean((f) => f.mentions.predictedGold / f.mentions.predicted))}`,
  );
}

/** "found/gold gold mentions found (x%), on/predicted predicted mentions on a gold one (y%)". */
function mentionLine({ gold, goldFound, predicted, predictedGold }) {
  return `${goldFound}/${gold} gold mentions found (${percent(goldFound / Math.max(gold, 1))}), ${predictedGold}/${predicted} predicted mentions on a gold one (${percent(predictedGold / Math.max(predicted, 1))})`;
}

function percent(share) {
  return `${(100 * share).toFixed(1)}%`;
}

/**
 * How the predicted mentions meet the gold ones in the scored (checked) sentences, by any token overlap:
 * gold mentions overlapped by a predicted mention, and predicted mentions that overlap a gold mention.
 */
export function mentionOverlap(docs, predictedByDoc, index) {
  const counts = { gold: 0, goldFound: 0, predicted: 0, predictedGold: 0 };
  const meets = (a, b) => a.start < b.end && b.start < a.end;
  for (const doc of docs) {
    const checked = index.get(doc.name) ?? new Set();
    const sentenceAt = new Map(doc.tokens.map((t) => [t.start, t.sentence]));
    const gold = doc.mentions.filter((m) => m.checked);
    const predicted = (predictedByDoc.get(doc.name) ?? []).filter((p) => checked.has(sentenceAt.get(p.start)));
    counts.gold += gold.length;
    counts.goldFound += gold.filter((m) => predicted.some((p) => meets(p, m))).length;
    counts.predicted += predicted.length;
    counts.predictedGold += predicted.filter((p) => gold.some((m) => meets(p, m))).length;
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
