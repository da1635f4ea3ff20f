// The event grouping model's training and scoring on ECB+, shared by train-events.mjs (which writes
// data/events/model.json) and eval-events.mjs (which cross-validates over the train topics).
// Imports the BUILT packages (dist/).
import { readFileSync } from 'node:fs';
import { mentionOverlap, readSentenceIndex, readTopic, scoreCounts, summarize } from './eval-events.mjs';

/** Thresholds tried when one is chosen on training topics. */
export const thresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55];
/** L2 penalty of the logistic regression. */
const l2 = 1;

/**
 * Annotate the documents of each topic and resolve their entities, as `claimlens analyze` would.
 * Returns per topic: `topic`, `docs` (the gold, see readTopic), `articles`, `annotations`, `entities`.
 */
export async function loadTopics(folder, topics, eventOptions = {}) {
  const { createAnnotator } = await import('../dist/index.js');
  const { resolveEntities } = await import('@claimlens/core');
  const annotator = createAnnotator({ linePerSentence: true, events: eventOptions });
  const index = readSentenceIndex(folder);
  return topics.map((topic) => {
    const docs = readTopic(folder, topic, index);
    const items = docs.map((d) => ({
      article: {
        id: d.name,
        path: `${d.name}.txt`,
        outlet: null,
        title: null,
        date: null,
        url: null,
        text: d.text,
        format: 'plaintext',
        messages: [],
      },
      annotation: annotator.annotate(d.text),
    }));
    const resolved = resolveEntities(items, {});
    return {
      topic,
      docs,
      articles: items.map((i) => i.article),
      annotations: resolved.annotations,
      entities: resolved.entities,
    };
  });
}

/**
 * Group a topic's mentions with clusterEvents and score them against the gold: the metric counts, and how
 * many gold mentions (in checked sentences) a predicted mention overlaps.
 */
export async function scoreTopic(data, options) {
  const { clusterEvents } = await import('@claimlens/core');
  const events = clusterEvents(data.articles, data.annotations, { ...options, entities: data.entities });
  const spans = new Map();
  for (const event of events) {
    for (const m of event.mentions) {
      if (!spans.has(m.article)) spans.set(m.article, []);
      const lemma = data.annotations.get(m.article)?.events.find((e) => e.id === m.mention)?.lemma;
      spans.get(m.article).push({ start: m.start, end: m.end, event: event.id, lemma });
    }
  }
  const gold = new Map();
  const predicted = new Map();
  const missed = [];
  let found = 0;
  for (const doc of data.docs) {
    for (const m of doc.mentions) {
      if (!m.checked) continue;
      gold.set(m.id, `${data.topic}:${m.cluster}`);
      const hit = bestOverlap(spans.get(doc.name) ?? [], m);
      if (hit) found++;
      else missed.push(m);
      predicted.set(m.id, hit ? `${data.topic}:${hit.event}` : `${m.id}:none`);
    }
  }
  return { counts: scoreCounts(gold, predicted), gold: gold.size, found, missed, spans };
}

/** CoNLL F1 over topics, each grouped with `options`. */
export async function conllOf(topicsData, options) {
  const total = {};
  for (const data of topicsData) addCounts(total, (await scoreTopic(data, options)).counts);
  return summarize(total).conll;
}

/** Add metric counts into a running total. */
export function addCounts(total, counts) {
  for (const metric of Object.keys(counts)) {
    total[metric] ??= { rNum: 0, rDen: 0, pNum: 0, pDen: 0 };
    for (const k of Object.keys(counts[metric])) total[metric][k] += counts[metric][k];
  }
  return total;
}

/**
 * The pairs clusterEvents scores in each topic, with features and a label: 1 when both mentions overlap gold
 * mentions of one gold event, 0 when they overlap gold mentions of different events (pairs with a mention
 * that overlaps no gold mention say nothing and are left out).
 */
export async function pairsOf(topicsData, grouping) {
  const { eventPairs } = await import('@claimlens/core');
  const rows = [];
  const labels = [];
  const lemmas = [];
  const topics = [];
  for (const data of topicsData) {
    const goldOf = new Map();
    for (const doc of data.docs) {
      const annotation = data.annotations.get(doc.name);
      const checked = doc.mentions.filter((m) => m.checked);
      for (const mention of annotation?.events ?? []) {
        const hit = bestOverlap(checked, mention.trigger);
        if (hit) goldOf.set(mention, hit.cluster);
      }
    }
    eventPairs(data.articles, data.annotations, { ...grouping, entities: data.entities }, (a, b, x) => {
      const ga = goldOf.get(a.mention);
      const gb = goldOf.get(b.mention);
      if (ga === undefined || gb === undefined) return;
      rows.push(Float64Array.from(x));
      labels.push(ga === gb ? 1 : 0);
      lemmas.push(a.mention.lemma === b.mention.lemma ? a.mention.lemma : undefined);
      topics.push(data.topic);
    });
  }
  return { rows, labels, lemmas, topics };
}

/** Least labelled pairs of one lemma for its coreference rate to be kept. */
const minLemmaPairs = 5;

/**
 * Per lemma with enough labelled same-lemma pairs, the share that corefer (smoothed: (co + 1) / (n + 2)),
 * leaving out the pairs of the topics in `except`.
 */
export function lemmaRates({ labels, lemmas, topics }, except = new Set()) {
  const counts = new Map();
  lemmas.forEach((lemma, n) => {
    if (lemma === undefined || except.has(topics[n])) return;
    const c = counts.get(lemma) ?? [0, 0];
    c[0] += labels[n];
    c[1]++;
    counts.set(lemma, c);
  });
  const rates = {};
  for (const [lemma, [co, all]] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (all >= minLemmaPairs) rates[lemma] = Math.round((1000 * (co + 1)) / (all + 2)) / 1000;
  }
  return rates;
}

/**
 * Fit logistic regression weights by Newton's method with an L2 penalty (not on the bias), over distinct rows
 * (see `distinctRows`): `labels[n]` of the `counts[n]` pairs with row n name one happening.
 */
export function fitLogistic({ rows, labels, counts }) {
  const d = rows[0]?.length ?? 0;
  let w = new Float64Array(d);
  for (let iteration = 0; iteration < 25; iteration++) {
    const gradient = new Float64Array(d);
    const hessian = Array.from({ length: d }, () => new Float64Array(d));
    rows.forEach((x, n) => {
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i] * x[i];
      const p = 1 / (1 + Math.exp(-z));
      const r = counts[n] * p - labels[n];
      const s = counts[n] * p * (1 - p);
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        gradient[i] += r * x[i];
        const hi = hessian[i];
        const sx = s * x[i];
        for (let j = 0; j < d; j++) if (x[j] !== 0) hi[j] += sx * x[j];
      }
    });
    for (let i = 1; i < d; i++) {
      gradient[i] += l2 * w[i];
      hessian[i][i] += l2;
    }
    hessian[0][0] += 1e-6;
    for (let i = 0; i < d; i++) if (hessian[i][i] === 0) hessian[i][i] = 1;
    const step = solve(hessian, gradient);
    const next = w.map((v, i) => v - step[i]);
    const change = Math.max(...step.map(Math.abs));
    w = next;
    if (change < 1e-6) break;
  }
  return [...w].map((v) => Math.round(v * 1e4) / 1e4);
}

/**
 * Train a model on topics: the per-lemma coreference rates; the weights from their pairs (each topic's pairs
 * read with the rates of the other topics, so the weights learn how far rates carry to a new story), then
 * `rounds` boosted trees on what the weights leave; and the threshold chosen inside these topics: in each of
 * `innerFolds` folds of them, a model trained on the others groups the fold at each threshold of `thresholds`,
 * and the threshold with the best CoNLL F1 over all folds is kept. Returns the model and the F1 per threshold.
 */
export async function trainModel(topicsData, grouping, featureNames, { rounds = defaultRounds, innerFolds = 4 } = {}) {
  const none = { features: featureNames, weights: featureNames.map(() => 0), threshold: 0.5 };
  const counted = await pairsOf(topicsData, { ...grouping, model: none });
  const pairs = { rows: [], labels: [], topics: [] };
  for (const data of topicsData) {
    const except = new Set([data.topic]);
    const own = await pairsOf([data], { ...grouping, model: { ...none, lemmas: lemmaRates(counted, except) } });
    pairs.rows.push(...own.rows);
    pairs.labels.push(...own.labels);
    for (const _ of own.rows) pairs.topics.push(data.topic);
  }
  const fit = (keep, lemmas) => {
    const distinct = distinctRows(
      pairs.rows.filter((_, n) => keep(pairs.topics[n])),
      pairs.labels.filter((_, n) => keep(pairs.topics[n])),
    );
    const weights = fitLogistic(distinct);
    const trees = fitTrees(distinct, weights, rounds);
    return { features: featureNames, weights, ...(trees.length > 0 ? { trees } : {}), threshold: 0.5, lemmas };
  };
  const totals = thresholds.map(() => ({}));
  for (let f = 0; f < innerFolds; f++) {
    const held = new Set(topicsData.filter((_, i) => i % innerFolds === f).map((d) => d.topic));
    const model = fit((topic) => !held.has(topic), lemmaRates(counted, held));
    for (const [k, threshold] of thresholds.entries()) {
      for (const data of topicsData.filter((d) => held.has(d.topic))) {
        addCounts(totals[k], (await scoreTopic(data, { ...grouping, model: { ...model, threshold } })).counts);
      }
    }
  }
  const tried = thresholds.map((threshold, k) => [threshold, summarize(totals[k]).conll]);
  const [threshold] = tried.reduce((best, t) => (t[1] > best[1] ? t : best));
  return { model: { ...fit(() => true, lemmaRates(counted)), threshold }, tried };
}

/**
 * The distinct rows among pair features (each value to two decimals, so that similarities group), with per row
 * how many pairs have it (`counts`) and how many of those name one happening (`labels`).
 */
export function distinctRows(rows, labels) {
  const index = new Map();
  const out = { rows: [], labels: [], counts: [] };
  rows.forEach((x, n) => {
    const row = x.map((v) => Math.round(v * 100) / 100);
    const key = row.join(' ');
    let k = index.get(key);
    if (k === undefined) {
      k = out.rows.length;
      index.set(key, k);
      out.rows.push(row);
      out.labels.push(0);
      out.counts.push(0);
    }
    out.labels[k] += labels[n];
    out.counts[k] += 1;
  });
  return out;
}

/** Boosted trees `trainModel` adds to the linear score. */
export const defaultRounds = 100;
/** Shrinkage of each tree, the L2 penalty of its leaves, and the least hessian a leaf holds. */
const treeRate = 0.1;
const leafPenalty = 1;
const minLeafHessian = 5;
/** Most split points tried per feature (quantiles of its values). */
const maxSplits = 16;

/**
 * Fit `rounds` trees of depth two on the logistic loss, starting from the linear score of `weights` (gradient
 * boosting with Newton leaves) over distinct rows (see `distinctRows`): each tree as `EventModel.trees` keeps it
 * (root, left and right splits, four leaves), leaves rounded to 4 decimals.
 */
export function fitTrees({ rows, labels, counts }, weights, rounds) {
  const n = rows.length;
  const d = weights.length;
  if (n === 0 || rounds === 0) return [];
  const margin = Float64Array.from(rows, (x) => x.reduce((z, v, i) => z + v * weights[i], 0));
  // per feature: its split points, and each row's bin (the number of split points below its value)
  const splits = [];
  const bins = [];
  for (let f = 0; f < d; f++) {
    const values = [...new Set(rows.map((x) => x[f]))].sort((a, b) => a - b);
    let cuts = values.slice(0, -1);
    if (cuts.length > maxSplits)
      cuts = Array.from({ length: maxSplits }, (_, k) => cuts[Math.floor(((k + 0.5) * cuts.length) / maxSplits)]);
    cuts = [...new Set(cuts)];
    splits.push(cuts);
    bins.push(Uint8Array.from(rows, (x) => cuts.filter((c) => x[f] > c).length));
  }
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees = [];
  const best = (members) => {
    let G = 0;
    let H = 0;
    for (const k of members) {
      G += g[k];
      H += h[k];
    }
    let found = { gain: 0, feature: 0, split: Number.POSITIVE_INFINITY };
    for (let f = 1; f < d; f++) {
      const cuts = splits[f];
      if (cuts.length === 0) continue;
      const gs = new Float64Array(cuts.length + 1);
      const hs = new Float64Array(cuts.length + 1);
      const bin = bins[f];
      for (const k of members) {
        gs[bin[k]] += g[k];
        hs[bin[k]] += h[k];
      }
      let gl = 0;
      let hl = 0;
      for (let c = 0; c < cuts.length; c++) {
        gl += gs[c];
        hl += hs[c];
        const hr = H - hl;
        if (hl < minLeafHessian || hr < minLeafHessian) continue;
        const gr = G - gl;
        const gain = (gl * gl) / (hl + leafPenalty) + (gr * gr) / (hr + leafPenalty) - (G * G) / (H + leafPenalty);
        if (gain > found.gain) found = { gain, feature: f, split: cuts[c] };
      }
    }
    return found;
  };
  const leaf = (members) => {
    let G = 0;
    let H = 0;
    for (const k of members) {
      G += g[k];
      H += h[k];
    }
    return Math.round((-treeRate * G * 1e4) / (H + leafPenalty)) / 1e4;
  };
  const all = Array.from({ length: n }, (_, k) => k);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < n; k++) {
      const p = 1 / (1 + Math.exp(-margin[k]));
      g[k] = counts[k] * p - labels[k];
      h[k] = counts[k] * Math.max(p * (1 - p), 1e-6);
    }
    const root = best(all);
    if (root.gain <= 0) break;
    const left = [];
    const right = [];
    for (const k of all) (rows[k][root.feature] > root.split ? right : left).push(k);
    const children = [left, right].map((members) => {
      const split = best(members);
      const parts = [[], []];
      for (const k of members) parts[rows[k][split.feature] > split.split ? 1 : 0].push(k);
      return { split, parts };
    });
    const tree = [root.feature, root.split];
    for (const { split } of children) tree.push(split.feature, Number.isFinite(split.split) ? split.split : 1e9);
    for (const { parts } of children) {
      for (const part of parts) {
        const value = leaf(part);
        tree.push(value);
        for (const k of part) margin[k] += value;
      }
    }
    trees.push(tree);
  }
  return trees;
}

/**
 * Topic-level k-fold cross-validation over `topics` (in order, fold = position mod k). For each fold, the ECB+
 * statistics of the event lexicon (ecb-lexicon.json) are rebuilt from the other folds' topics, every topic is
 * annotated with that lexicon, and the model (weights, lemma rates and threshold) is trained on the other folds:
 * the held-out fold is as unseen as the dev and test topics are. Returns per fold its topics, the threshold, the
 * CoNLL F1 and the mention counts (see `mentionOverlap`), and with `analyse` where the score is lost (see
 * `analyseTopic`); `done(fold, index)` is called as each fold is scored.
 */
export async function crossValidate(
  folder,
  topics,
  grouping,
  featureNames,
  eventOptions = {},
  { k = 5, analyse = false, done = () => {} } = {},
) {
  const index = readSentenceIndex(folder);
  const folds = [];
  for (let f = 0; f < k; f++) {
    const rest = topics.filter((_, i) => i % k !== f);
    const lexicon = await lexiconOf(folder, rest, eventOptions.lexicon);
    const data = await loadTopics(folder, topics, { ...eventOptions, lexicon });
    const held = data.filter((_, i) => i % k === f);
    const { model } = await trainModel(
      data.filter((_, i) => i % k !== f),
      grouping,
      featureNames,
    );
    const total = {};
    const mentions = { gold: 0, goldFound: 0, predicted: 0, predictedGold: 0 };
    const analysis = {};
    for (const topic of held) {
      const scored = await scoreTopic(topic, { ...grouping, model });
      addCounts(total, scored.counts);
      for (const [key, n] of Object.entries(mentionOverlap(topic.docs, scored.spans, index))) mentions[key] += n;
      if (analyse) addAnalysis(analysis, await analyseTopic(topic, { ...grouping, model }, scored));
    }
    folds.push({
      topics: held.map((d) => d.topic),
      threshold: model.threshold,
      conll: summarize(total).conll,
      mentions,
      ...(analyse ? { analysis } : {}),
    });
    done(folds.at(-1), f);
  }
  return folds;
}

/**
 * The event lexicon with its ECB+ statistics (lemmas and non-events) counted on `topics` only, the rest
 * as `base` (default: the shipped lexicon) has it.
 */
export async function lexiconOf(folder, topics, base) {
  const { defaultEventLexicon } = await import('../dist/events/event-lexicon.js');
  const { lemmatize } = await import('../dist/index.js');
  const shipped = base ?? defaultEventLexicon();
  const typed = JSON.parse(readFileSync(new URL('../data/events/types.json', import.meta.url), 'utf8'));
  const stats = eventStatistics(folder, topics, (word) => lemmatize(word, { exceptions: shipped.exceptions }));
  return {
    ...shipped,
    lemmas: stats.lemmas,
    nonEvents: new Set([...stats.nonEvents, ...(typed.nonEvents ?? [])]),
  };
}

/** The span that overlaps `target` most, if any overlaps it. */
function bestOverlap(spans, target) {
  let best;
  let most = 0;
  for (const s of spans) {
    const o = Math.min(s.end, target.end) - Math.max(s.start, target.start);
    if (o > most) {
      most = o;
      best = s;
    }
  }
  return best;
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a, b) {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      if (f === 0) continue;
      for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let j = r + 1; j < n; j++) s -= m[r][j] * x[j];
    x[r] = s / m[r][r];
  }
  return x;
}

/**
 * Event statistics of ECB+ topics (the ecb-lexicon.json fields): per lemma how often it is annotated as an
 * event mention and how often its mentions in one sub-topic corefer, and words almost never annotated
 * (`nonEvents`). `lemmaOf` maps a word to its lemma.
 */
export function eventStatistics(folder, topics, lemmaOf) {
  const index = readSentenceIndex(folder);
  const seen = new Map(); // lemma → tokens in checked sentences
  const seenLower = new Map(); // the same, written in lower case (common words, not names)
  const tagged = new Map(); // lemma → tokens inside gold event mentions
  const pairs = new Map(); // lemma → [coreferent pairs, pairs] within a sub-topic, across documents
  const bump = (map, key, i = 0, by = 1) => {
    const v = map.get(key) ?? [0, 0];
    v[i] += by;
    map.set(key, v);
  };
  for (const topic of topics) {
    const docs = readTopic(folder, topic, index);
    for (const sub of ['ecb', 'plus']) {
      const mentions = [];
      for (const doc of docs.filter((d) => d.subtopic === sub)) {
        const checked = index.get(doc.name) ?? new Set();
        for (const m of doc.mentions) {
          if (!m.checked) continue;
          const lemma = lemmaOf(headWord(m.words));
          mentions.push({ doc: doc.name, lemma, cluster: m.cluster });
          tagged.set(lemma, (tagged.get(lemma) ?? 0) + 1);
        }
        for (const token of doc.tokens) {
          if (!checked.has(token.sentence) || !/^[A-Za-z]/.test(token.word)) continue;
          const lemma = lemmaOf(token.word);
          seen.set(lemma, (seen.get(lemma) ?? 0) + 1);
          if (/^[a-z]/.test(token.word)) seenLower.set(lemma, (seenLower.get(lemma) ?? 0) + 1);
        }
      }
      for (let i = 0; i < mentions.length; i++) {
        for (let j = i + 1; j < mentions.length; j++) {
          const a = mentions[i];
          const b = mentions[j];
          if (a.doc === b.doc || a.lemma !== b.lemma) continue;
          bump(pairs, a.lemma, 0, a.cluster === b.cluster ? 1 : 0);
          bump(pairs, a.lemma, 1);
        }
      }
    }
  }
  const lemmas = {};
  for (const [lemma, count] of [...tagged].sort((a, b) => b[1] - a[1])) {
    const total = Math.max(seen.get(lemma) ?? count, count);
    if (count < 2) continue;
    const [co, all] = pairs.get(lemma) ?? [0, 0];
    lemmas[lemma] = { n: count, p: round(count / total), ...(all >= 3 ? { coref: round(co / all) } : {}) };
  }
  // words seen often in checked sentences but almost never annotated as events ("department", "police")
  const nonEvents = [...seen]
    .filter(
      ([lemma, count]) =>
        (seenLower.get(lemma) ?? 0) >= 0.9 * count &&
        count >= 5 &&
        (tagged.get(lemma) ?? 0) / count <= 0.05 &&
        /^[a-z]{4,}$/.test(lemma),
    )
    .map(([lemma]) => lemma)
    .sort();
  return { lemmas, nonEvents };
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}

/** The head of a multi-word mention: the first verb-like or the last word ("made the rounds" → made). */
function headWord(words) {
  if (words.length === 1) return words[0];
  const light = /^(?:the|a|an|of|to|in|on|out|up|off|'s|,)$/i;
  const content = words.filter((w) => !light.test(w));
  return content[0] ?? words[0];
}

/**
 * Where a topic's score is lost, from a `scoreTopic` result: gold mentions missed (each scored as a singleton),
 * and the pairs of gold mentions of one gold event, split by what kept them apart (a mention missed, their
 * articles in different predicted sub-topics, or clustering), against the pairs wrongly joined (within one
 * gold sub-topic or across the two); how the predicted sub-topics meet the gold ones (article pairs); and
 * two oracle CoNLL counts: every missed mention put in the predicted event that holds most of its gold event
 * (`coverage`), and the mentions grouped with the gold sub-topics as document groups (`subtopics`).
 */
export async function analyseTopic(data, grouping, scored) {
  const { clusterDocuments } = await import('@claimlens/core');
  const documentGroup = clusterDocuments(data.articles, data.annotations, grouping.documents);
  const gold = [];
  for (const doc of data.docs) {
    for (const m of doc.mentions) {
      if (!m.checked) continue;
      const hit = bestOverlap(scored.spans.get(doc.name) ?? [], m);
      gold.push({
        id: m.id,
        cluster: m.cluster,
        doc: doc.name,
        sub: doc.subtopic,
        event: hit?.event,
        lemma: hit?.lemma,
        words: m.words,
      });
    }
  }
  const a = { gold: gold.length, missed: gold.filter((g) => !g.event).length, missedMultiWord: 0 };
  a.missedMultiWord = gold.filter((g) => !g.event && g.words.length > 1).length;
  a.missedWords = {};
  for (const g of gold)
    if (!g.event)
      a.missedWords[g.words.join(' ').toLowerCase()] = (a.missedWords[g.words.join(' ').toLowerCase()] ?? 0) + 1;
  Object.assign(a, {
    goldPairs: 0,
    lostMissed: 0,
    splitDocuments: 0,
    splitClustering: 0,
    splitUnrelated: 0,
    joined: 0,
  });
  Object.assign(a, { wrongSameSubtopic: 0, wrongAcrossSubtopics: 0 });
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const x = gold[i];
      const y = gold[j];
      const together = x.event !== undefined && x.event === y.event;
      if (x.cluster === y.cluster) {
        a.goldPairs++;
        if (!x.event || !y.event) a.lostMissed++;
        else if (together) a.joined++;
        else if (documentGroup.get(x.doc) !== documentGroup.get(y.doc)) a.splitDocuments++;
        else {
          a.splitClustering++;
          const related = x.lemma === y.lemma || grouping.wordnet?.relation(x.lemma, y.lemma) !== 'none';
          if (!related) a.splitUnrelated++;
        }
      } else if (together) {
        if (x.sub === y.sub) a.wrongSameSubtopic++;
        else a.wrongAcrossSubtopics++;
      }
    }
  }
  Object.assign(a, { documentPairs: 0, documentsJoined: 0, documentsWronglyJoined: 0 });
  for (let i = 0; i < data.docs.length; i++) {
    for (let j = i + 1; j < data.docs.length; j++) {
      const x = data.docs[i];
      const y = data.docs[j];
      const together = documentGroup.get(x.name) === documentGroup.get(y.name);
      if (x.subtopic === y.subtopic) {
        a.documentPairs++;
        if (together) a.documentsJoined++;
      } else if (together) a.documentsWronglyJoined++;
    }
  }
  // oracle 1: each missed mention in the predicted event holding most found mentions of its gold event
  const goldMap = new Map(gold.map((g) => [g.id, `${data.topic}:${g.cluster}`]));
  const votes = new Map();
  for (const g of gold) {
    if (!g.event) continue;
    const v = votes.get(g.cluster) ?? new Map();
    v.set(g.event, (v.get(g.event) ?? 0) + 1);
    votes.set(g.cluster, v);
  }
  const covered = new Map();
  for (const g of gold) {
    const best = g.event ?? [...(votes.get(g.cluster) ?? new Map())].sort((p, q) => q[1] - p[1])[0]?.[0];
    covered.set(g.id, best ? `${data.topic}:${best}` : `${g.id}:none`);
  }
  a.coverageCounts = scoreCounts(goldMap, covered);
  // oracle 2: each gold sub-topic grouped on its own
  const subtopicCounts = {};
  for (const sub of ['ecb', 'plus']) {
    const docs = data.docs.filter((d) => d.subtopic === sub);
    const names = new Set(docs.map((d) => d.name));
    const part = {
      ...data,
      docs,
      articles: data.articles.filter((x) => names.has(x.id)),
      annotations: new Map([...data.annotations].filter(([id]) => names.has(id))),
    };
    addCounts(subtopicCounts, (await scoreTopic(part, { ...grouping, documents: { threshold: 0 } })).counts);
  }
  a.subtopicCounts = subtopicCounts;
  return a;
}

/** Add up `analyseTopic` results. */
export function addAnalysis(total, a) {
  for (const [key, value] of Object.entries(a)) {
    if (typeof value === 'number') total[key] = (total[key] ?? 0) + value;
    else if (key === 'missedWords') {
      total[key] ??= {};
      for (const [word, n] of Object.entries(value)) total[key][word] = (total[key][word] ?? 0) + n;
    } else {
      total[key] ??= {};
      addCounts(total[key], value);
    }
  }
  return total;
}

/** One line of an added-up `analyseTopic`. */
export function analysisLine(a) {
  const share = (n, d) => `${n}/${d} (${((100 * n) / Math.max(d, 1)).toFixed(1)}%)`;
  return [
    `missed mentions ${share(a.missed, a.gold)} (multi-word ${a.missedMultiWord})`,
    `gold pairs ${a.goldPairs}: joined ${share(a.joined, a.goldPairs)}, lost to a missed mention ${a.lostMissed}, split by sub-topics ${a.splitDocuments}, split by clustering ${a.splitClustering} (words unrelated in WordNet ${a.splitUnrelated})`,
    `wrong pairs joined: same sub-topic ${a.wrongSameSubtopic}, across sub-topics ${a.wrongAcrossSubtopics}`,
    `article pairs of one sub-topic joined ${share(a.documentsJoined, a.documentPairs)}, of two joined ${a.documentsWronglyJoined}`,
    `oracle CoNLL: missed mentions placed ${summarize(a.coverageCounts).conll.toFixed(4)}, gold sub-topics ${summarize(a.subtopicCounts).conll.toFixed(4)}`,
  ].join('\n    ');
}
