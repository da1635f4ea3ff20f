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
      spans.get(m.article).push({ start: m.start, end: m.end, event: event.id });
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
 * leaving out the pairs of topic `except`.
 */
export function lemmaRates({ labels, lemmas, topics }, except) {
  const counts = new Map();
  lemmas.forEach((lemma, n) => {
    if (lemma === undefined || topics[n] === except) return;
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

/** Fit logistic regression weights by Newton's method with an L2 penalty (not on the bias). */
export function fitLogistic({ rows, labels }) {
  const d = rows[0]?.length ?? 0;
  let w = new Float64Array(d);
  for (let iteration = 0; iteration < 25; iteration++) {
    const gradient = new Float64Array(d);
    const hessian = Array.from({ length: d }, () => new Float64Array(d));
    rows.forEach((x, n) => {
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i] * x[i];
      const p = 1 / (1 + Math.exp(-z));
      const r = p - labels[n];
      const s = p * (1 - p);
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
 * Train a model on topics: the per-lemma coreference rates, the weights from their pairs (each topic's pairs
 * read with the rates of the other topics, so the weights learn how far rates carry to a new story), then
 * the threshold that gives the best CoNLL F1 when those same topics are grouped. Returns the model and the
 * F1 per threshold tried.
 */
export async function trainModel(topicsData, grouping, featureNames) {
  const none = { features: featureNames, weights: featureNames.map(() => 0), threshold: 0.5 };
  const counted = await pairsOf(topicsData, { ...grouping, model: none });
  const lemmas = lemmaRates(counted);
  const pairs = { rows: [], labels: [] };
  for (const data of topicsData) {
    const own = await pairsOf([data], { ...grouping, model: { ...none, lemmas: lemmaRates(counted, data.topic) } });
    for (const row of own.rows) pairs.rows.push(row);
    for (const label of own.labels) pairs.labels.push(label);
  }
  const weights = fitLogistic(pairs);
  let best = { threshold: thresholds[0], f1: -1 };
  const tried = [];
  for (const threshold of thresholds) {
    const model = { features: featureNames, weights, threshold, lemmas };
    const f1 = await conllOf(topicsData, { ...grouping, model });
    tried.push([threshold, f1]);
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return { model: { features: featureNames, weights, threshold: best.threshold, lemmas }, tried };
}

/**
 * Topic-level k-fold cross-validation over `topics` (in order, fold = position mod k). For each fold, the ECB+
 * statistics of the event lexicon (ecb-lexicon.json) are rebuilt from the other folds' topics, every topic is
 * annotated with that lexicon, and the model (weights, lemma rates and threshold) is trained on the other folds:
 * the held-out fold is as unseen as the dev and test topics are. Returns per fold its topics, the threshold, the
 * CoNLL F1 and the mention counts (see `mentionOverlap`).
 */
export async function crossValidate(folder, topics, grouping, featureNames, eventOptions = {}, k = 5) {
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
    for (const topic of held) {
      const scored = await scoreTopic(topic, { ...grouping, model });
      addCounts(total, scored.counts);
      for (const [key, n] of Object.entries(mentionOverlap(topic.docs, scored.spans, index))) mentions[key] += n;
    }
    folds.push({
      topics: held.map((d) => d.topic),
      threshold: model.threshold,
      conll: summarize(total).conll,
      mentions,
    });
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
