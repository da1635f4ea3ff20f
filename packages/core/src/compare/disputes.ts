import type { Contradiction, ContradictionKind } from '../contradiction.js';
import type { Dispute, DisputePosition, DisputeSource, Facet } from '../dispute.js';
import type { Finding } from './detect.js';
import { who } from './explain.js';
import type { ClaimView, EventView } from './view.js';

/**
 * Two claims that differ on one facet of one happening: the pairwise evidence a dispute is built from. `sides`
 * lists every claim that says the same as each side (the two claims first).
 */
export interface FacetDifference {
  finding: Finding;
  a: EventView;
  b: EventView;
  sides: [string[], string[]];
  /** The event the difference is about: the first claim's, and its label ("the crossing into Ukraine"). */
  event: string | null;
  label: string | null;
  /** The story (articles joined by the events they report) the two claims belong to. */
  story: number;
  /** Both claims hold a mention of the same event (not only of sibling events). */
  sameEvent: boolean;
  /** The pairwise sentence, kept for the version-1 contradiction. */
  explanation: string;
}

/** The facet each kind of pairwise finding is about (a finding may name its own, as times do). */
const facetOfKind: Record<ContradictionKind, Facet> = {
  polarity: 'occurrence',
  quantity: 'count',
  agent: 'agent',
  motive: 'motive',
  outcome: 'outcome',
  place: 'place',
  certainty: 'certainty',
  other: 'other',
};

/** What is disputed, per facet, in a few words. */
const whatOfFacet: Record<Facet, string> = {
  occurrence: 'whether it happened',
  agent: 'who did it',
  affected: 'who or what was affected',
  count: 'how many',
  place: 'where it happened',
  time: 'when it happened',
  motive: 'why it happened',
  outcome: 'how it ended',
  instrument: 'by what means',
  certainty: 'how certain it is',
  other: 'a detail',
};

/** A position while disputes are assembled: its value, claims, and the views behind them. */
interface Building {
  key: string;
  value: string;
  claims: Set<string>;
  views: EventView[];
}

interface Group {
  facet: Facet;
  /** What is disputed: the finding's own words ("how many died") when it has them, else the facet's. */
  what: string;
  event: string | null;
  label: string | null;
  sameEvent: boolean;
  compatible: boolean;
  positions: Map<string, Building>;
  differences: FacetDifference[];
}

/**
 * Disputes from the pairwise differences: all differences on one facet of one family of events (and, for counts,
 * one kind of thing counted) form one dispute, whose positions are the distinct values with every claim that
 * states each. A dispute is `compatible` when no two of its positions exclude each other ("at least 300" and
 * "438"), and an `update` when it is a count whose later reports (by the articles' dates) are all higher.
 */
export function disputesFrom(
  differences: readonly FacetDifference[],
  views: ReadonlyMap<string, ClaimView>,
): Dispute[] {
  const groups = new Map<number, Group>();
  const disagreement = disagreements(differences);
  differences.forEach((d, index) => {
    const facet = d.finding.facet ?? facetOfKind[d.finding.kind];
    const keys = d.finding.keys ?? d.finding.values.map(normalise);
    const groupKey = disagreement[index] as number;
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        facet,
        what: d.finding.what?.includes(' ') ? d.finding.what : whatOfFacet[facet],
        event: d.event,
        label: d.label,
        sameEvent: d.sameEvent,
        compatible: true,
        positions: new Map(),
        differences: [],
      };
      groups.set(groupKey, group);
    }
    group.differences.push(d);
    group.sameEvent ||= d.sameEvent;
    if (!d.finding.compatible) group.compatible = false;
    [0, 1].forEach((k) => {
      const key = keys[k] ?? '';
      let position = group.positions.get(key);
      if (!position) {
        position = { key, value: d.finding.values[k] ?? '', claims: new Set(), views: [] };
        group.positions.set(key, position);
      }
      for (const id of d.sides[k] ?? []) position.claims.add(id);
      position.views.push(k === 0 ? d.a : d.b);
    });
  });
  const disputes: Dispute[] = [];
  // The same claims taking the same sides on one facet of two events ("the death", "the fall") are one dispute.
  const told = new Set<string>();
  for (const group of groups.values()) {
    // A claim on two sides (it gives both figures) stays on the side where it was first found.
    const placed = new Set<string>();
    const positions: DisputePosition[] = [];
    for (const p of [...group.positions.values()].sort((x, y) => y.claims.size - x.claims.size)) {
      const claims = [...p.claims].filter((id) => !placed.has(id));
      for (const id of claims) placed.add(id);
      if (claims.length) positions.push({ value: p.value, claims, sources: sourcesOf(claims, views) });
    }
    if (positions.length < 2) continue;
    const sides = positions.map((p) => [...p.claims].sort().join(' ')).sort();
    const key = [group.facet, ...sides].join('\u0000');
    if (told.has(key)) continue;
    told.add(key);
    const dispute: Dispute = {
      id: `D${disputes.length + 1}`,
      event: group.event,
      facet: group.facet,
      what: group.what,
      compatible: group.compatible,
      positions,
      confidence: confidenceOf(group, positions, views),
      explanation: explain(group, positions, views),
    };
    if (group.facet === 'count' && isUpdate(positions, views)) dispute.update = true;
    disputes.push(dispute);
  }
  return disputes;
}

/**
 * Which differences tell one disagreement: those on one facet of one story (for counts, of one kind of thing)
 * that share a claim, or a value on one event, directly or through other differences. Two disagreements of a
 * story on the same facet ("how many games he coached" and "how many he won") stay two. Returns per difference the index of the
 * first difference of its disagreement.
 */
function disagreements(differences: readonly FacetDifference[]): number[] {
  const parent = differences.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const owner = new Map<string, number>();
  differences.forEach((d, i) => {
    const topic = [d.story, d.finding.facet ?? facetOfKind[d.finding.kind], d.finding.what ?? ''].join('\u0000');
    // Claims of one event giving one value are one position, whichever pair of claims it was found between.
    const keys = d.finding.keys ?? d.finding.values.map(normalise);
    const values = d.sameEvent && d.event ? keys.map((k) => `${d.event}\u0001${k}`) : [];
    for (const id of [...d.sides.flat(), ...values]) {
      const key = `${topic}\u0000${id}`;
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  return differences.map((_, i) => find(i));
}

/**
 * The version-1 pairs: one per dispute, between its two best-supported positions, with every claim of each
 * position as its sides, so that readers of the pairwise form see each disagreement once.
 */
export function contradictionsFrom(
  disputes: readonly Dispute[],
  differences: readonly FacetDifference[],
  maxSide: number,
): Contradiction[] {
  const byClaims = new Map<string, FacetDifference>();
  for (const d of differences) byClaims.set(`${d.a.base.claim.id}\u0000${d.b.base.claim.id}`, d);
  return disputes.map((dispute, i) => {
    const [left, right] = dispute.positions as [DisputePosition, DisputePosition];
    // The pairwise sentence of a difference between the two positions, when one was found between them.
    let found: FacetDifference | undefined;
    let pair: [string, string] = [left.claims[0] ?? '', right.claims[0] ?? ''];
    for (const a of left.claims) {
      for (const b of right.claims) {
        found = byClaims.get(`${a}\u0000${b}`) ?? byClaims.get(`${b}\u0000${a}`);
        if (found) {
          pair = [a, b];
          break;
        }
      }
      if (found) break;
    }
    const contradiction: Contradiction = {
      id: `C${i + 1}`,
      kind: kindOfFacet(dispute.facet),
      claims: pair,
      event: dispute.event,
      explanation: found?.explanation ?? dispute.explanation,
      values: [left.value, right.value],
      dispute: dispute.id,
      sides: [
        [pair[0], ...left.claims.filter((c) => c !== pair[0])].slice(0, maxSide),
        [pair[1], ...right.claims.filter((c) => c !== pair[1])].slice(0, maxSide),
      ],
    };
    if (dispute.facet === 'count') contradiction.compatible = dispute.compatible;
    return contradiction;
  });
}

function kindOfFacet(facet: Facet): ContradictionKind {
  for (const [kind, f] of Object.entries(facetOfKind)) if (f === facet) return kind as ContradictionKind;
  return 'other';
}

function normalise(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * How sure a reader can be that the sources truly disagree, from what they would check: how many independent
 * voices stand behind each side, whether the difference is explicit (a denial, a count of a named kind of
 * thing), and whether both sides tell one event (not two the event stage kept apart). Compatible differences
 * are discrepancies and score low.
 */
function confidenceOf(group: Group, positions: DisputePosition[], views: ReadonlyMap<string, ClaimView>): number {
  const voicesOf = (p: DisputePosition) => new Set(p.claims.map((id) => views.get(id)?.voice ?? id)).size;
  const support = positions.map(voicesOf).sort((a, b) => b - a);
  const weaker = support[1] ?? 1;
  let score = 0.35;
  if (weaker >= 2) score += 0.15;
  if (weaker >= 3) score += 0.1;
  if (group.sameEvent) score += 0.1;
  const d = group.differences[0];
  const explicit =
    (group.facet === 'occurrence' &&
      group.differences.some((x) => x.a.base.claim.stance === 'deny' || x.b.base.claim.stance === 'deny')) ||
    (group.facet === 'count' && !!d?.a.quantity && !!d?.b.quantity) ||
    group.facet === 'place' ||
    group.facet === 'time';
  if (explicit) score += 0.15;
  if (group.compatible) score *= 0.5;
  return Math.round(Math.min(1, score) * 100) / 100;
}

/** The positions in one or two sentences: each value with who holds it. */
function explain(group: Group, positions: DisputePosition[], views: ReadonlyMap<string, ClaimView>): string {
  const holders = (p: DisputePosition) => {
    const names = [
      ...new Set(
        p.claims
          .map((id) => views.get(id))
          .filter((v): v is ClaimView => !!v)
          .map(who),
      ),
    ];
    return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  };
  const parts = positions.map((p) => `${p.value} (${holders(p)})`);
  const what = group.what;
  const about = group.label ? `On ${group.label}, s` : 'S';
  const lead = group.compatible
    ? `${about}ources give different figures for ${what} that can all hold`
    : `${about}ources differ on ${what}`;
  return `${lead}: ${parts.join('; ')}.`;
}

/**
 * Whether a count's positions are successive reports: every claim of a higher figure comes from an article
 * dated after every claim of each lower figure.
 */
function isUpdate(positions: DisputePosition[], views: ReadonlyMap<string, ClaimView>): boolean {
  const spans = positions.map((p) => {
    const times = p.claims.map((id) => views.get(id)?.time ?? null);
    if (times.some((t) => t === null)) return null;
    const ts = times as number[];
    return { value: Number.parseFloat(p.value.replace(/[^\d.]/g, '')), first: Math.min(...ts), last: Math.max(...ts) };
  });
  if (spans.some((s) => s === null || !Number.isFinite(s.value))) return false;
  const sorted = (spans as { value: number; first: number; last: number }[]).sort((a, b) => a.value - b.value);
  return sorted.every((s, i) => i === 0 || (sorted[i - 1] as { last: number }).last < s.first);
}

/** The distinct speakers (one per speaker and article) behind some claims. */
function sourcesOf(claims: readonly string[], views: ReadonlyMap<string, ClaimView>): DisputeSource[] {
  const seen = new Set<string>();
  const sources: DisputeSource[] = [];
  for (const id of claims) {
    const view = views.get(id);
    if (!view) continue;
    const key = `${view.speakerName}\u0000${view.article.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({
      speaker: view.speaker,
      name: view.speakerName,
      article: view.article.id,
      outlet: view.article.outlet,
    });
  }
  return sources;
}
