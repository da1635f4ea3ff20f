import type { ImportedCorpus } from './imported.js';

/** Precision, recall and F1 of one kind of annotation. */
export interface ScoreRow {
  name: string;
  gold: number;
  predicted: number;
  /** Spans match when start and end are equal. */
  exact: Counts;
  /** Spans match one to one when they share at least one code unit. */
  overlap: Counts;
}

export interface Counts {
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  rows: ScoreRow[];
  /** Layers left out because gold has none of them at all (gold that does not annotate entities, or claims). */
  notScored: ('entities' | 'claims')[];
  /** Document ids found in both, only in gold, only in the prediction. */
  documents: { both: string[]; goldOnly: string[]; predictedOnly: string[] };
}

type Range = { start: number; end: number };

/**
 * Compare predicted annotations with gold ones, document by document (by id): entity mentions per type and in
 * all, and each claim part (source, cue, content). A document missing from the prediction counts as predicting
 * nothing; one missing from gold is reported but not scored. A layer gold has nothing of (PolNeAR has no entity
 * mentions) is left out and named in `notScored`.
 */
export function scoreAnnotations(gold: ImportedCorpus, predicted: ImportedCorpus): Score {
  const both = [...gold.keys()].filter((id) => predicted.has(id)).sort();
  const goldOnly = [...gold.keys()].filter((id) => !predicted.has(id)).sort();
  const predictedOnly = [...predicted.keys()].filter((id) => !gold.has(id)).sort();
  const layers = new Map<string, { gold: Range[][]; predicted: Range[][] }>();
  const add = (name: string, g: Range[], p: Range[]) => {
    const layer = layers.get(name) ?? { gold: [], predicted: [] };
    layers.set(name, layer);
    layer.gold.push(g);
    layer.predicted.push(p);
  };
  const types = new Set<string>();
  for (const doc of [...gold.values(), ...predicted.values()]) for (const m of doc.mentions) types.add(m.type);
  const goldHas = (layer: 'mentions' | 'claims') => [...gold.values()].some((doc) => doc[layer].length > 0);
  const notScored: Score['notScored'] = [];
  if (!goldHas('mentions')) notScored.push('entities');
  if (!goldHas('claims')) notScored.push('claims');
  for (const id of [...both, ...goldOnly]) {
    const g = gold.get(id);
    const p = predicted.get(id) ?? { id, mentions: [], claims: [] };
    if (!g) continue;
    if (!notScored.includes('entities')) {
      for (const type of [...types].sort()) {
        add(
          `entity ${type}`,
          g.mentions.filter((m) => m.type === type),
          p.mentions.filter((m) => m.type === type),
        );
      }
      add('entity (all)', g.mentions, p.mentions);
    }
    if (notScored.includes('claims')) continue;
    for (const part of ['source', 'cue', 'content'] as const) {
      const spans = (claims: typeof g.claims) => claims.flatMap((c) => (c[part] ? [c[part]] : []));
      add(`claim ${part}`, spans(g.claims), spans(p.claims));
    }
  }
  const rows: ScoreRow[] = [];
  for (const [name, layer] of layers) {
    let goldCount = 0;
    let predictedCount = 0;
    let exact = 0;
    let overlap = 0;
    layer.gold.forEach((g, i) => {
      const p = layer.predicted[i] ?? [];
      goldCount += g.length;
      predictedCount += p.length;
      exact += matchCount(g, p, (a, b) => a.start === b.start && a.end === b.end);
      overlap += matchCount(g, p, (a, b) => a.start < b.end && b.start < a.end);
    });
    rows.push({
      name,
      gold: goldCount,
      predicted: predictedCount,
      exact: counts(exact, goldCount, predictedCount),
      overlap: counts(overlap, goldCount, predictedCount),
    });
  }
  return { rows, notScored, documents: { both, goldOnly, predictedOnly } };
}

/** A plain-text table of a score, for the terminal. */
export function formatScore(score: Score): string {
  const header = ['', 'gold', 'pred', 'P', 'R', 'F1', 'P~', 'R~', 'F1~'];
  const pct = (n: number) => (n * 100).toFixed(1);
  const body = score.rows.map((r) => [
    r.name,
    String(r.gold),
    String(r.predicted),
    pct(r.exact.precision),
    pct(r.exact.recall),
    pct(r.exact.f1),
    pct(r.overlap.precision),
    pct(r.overlap.recall),
    pct(r.overlap.f1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const { both, goldOnly, predictedOnly } = score.documents;
  return [
    line(header),
    ...body.map(line),
    '',
    'P R F1: exact span match; P~ R~ F1~: overlapping spans, matched one to one.',
    ...score.notScored.map(
      (layer) => `Not scored: gold has no ${layer === 'entities' ? 'entity mentions' : 'claims'}.`,
    ),
    `Documents: ${both.length} in both, ${goldOnly.length} only in gold (scored as missed), ${predictedOnly.length} only in the prediction (not scored).`,
  ].join('\n');
}

/** The size of a one-to-one matching between gold and predicted spans (greedy, in order of start). */
function matchCount(gold: Range[], predicted: Range[], same: (a: Range, b: Range) => boolean): number {
  const used = new Set<number>();
  let matched = 0;
  const sorted = [...predicted].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const g of [...gold].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const i = sorted.findIndex((p, j) => !used.has(j) && same(g, p));
    if (i >= 0) {
      used.add(i);
      matched++;
    }
  }
  return matched;
}

function counts(matched: number, gold: number, predicted: number): Counts {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : matched / predicted;
  const recall = gold === 0 ? (predicted === 0 ? 1 : 0) : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { matched, precision, recall, f1 };
}
