import type { ContradictionKind } from '../contradiction.js';
import { motiveConflicts } from './lexicon.js';
import { compareQuantities, type Quantity, sameThing } from './quantity.js';
import type { EventView, Place } from './view.js';
import { jaccard } from './voices.js';

/** One way two claims differ. */
export interface Finding {
  kind: ContradictionKind;
  /** What each side says on the point they differ on ("at least 300", "438"). */
  values: [string, string];
  /** For quantities: whether both figures can hold. */
  compatible?: boolean;
  /** For agents: whether the two accounts also run in opposite directions. */
  reversed?: boolean;
}

export interface PairResult {
  relation: 'agree' | 'contradict' | 'unrelated';
  findings: Finding[];
}

const unrelated = (): PairResult => ({ relation: 'unrelated', findings: [] });

/** Compare two claims about the same event, from different articles. */
export function comparePair(a: EventView, b: EventView): PairResult {
  const x = a.base;
  const y = b.base;
  if (x.polarity === 0 || y.polarity === 0) return unrelated();
  const overlap = jaccard(x.words, y.words);
  const shared = sharedAnchors(a, b);
  // Entity blocking: claims about disjoint sets of actors and places, in different words, are about other things.
  if (x.anchors.size && y.anchors.size && shared === 0 && overlap < 0.1) return unrelated();
  if (a.lemma && b.lemma && a.lemma !== b.lemma && shared === 0) return unrelated();

  const sameAction = !a.lemma || !b.lemma || a.lemma === b.lemma;
  const agentDiffers = sameAction && !!a.agent && !!b.agent && a.agent.key !== b.agent.key;
  const whereA = a.place ?? a.destination;
  const whereB = b.place ?? b.destination;
  if (x.polarity !== y.polarity) {
    // Denying that one party did it does not contradict saying that another party did, or did it elsewhere.
    if (agentDiffers || placesDiffer(whereA, whereB) || placesDiffer(a.destination, b.destination)) return unrelated();
    return { relation: 'contradict', findings: [{ kind: 'polarity', values: [polarityWord(a), polarityWord(b)] }] };
  }
  const similar = overlap >= 0.15 || shared > 0;
  if (x.polarity < 0) return similar ? { relation: 'agree', findings: [] } : unrelated();

  const findings: Finding[] = [];
  if (agentDiffers && a.agent && b.agent) {
    const reversed = placesDiffer(a.destination, b.destination) || placesDiffer(a.origin, b.origin);
    findings.push({ kind: 'agent', values: [a.agent.name, b.agent.name], reversed });
  }
  if (sameAction && !agentDiffers && whereA && whereB && placesDiffer(whereA, whereB)) {
    findings.push({ kind: 'place', values: [placeName(whereA), placeName(whereB)] });
  }
  const quantities = quantityPair(a, b);
  if (quantities) {
    const relation = compareQuantities(quantities[0], quantities[1]);
    if (relation !== 'same') {
      findings.push({
        kind: 'quantity',
        values: [quantities[0].phrase, quantities[1].phrase],
        compatible: relation === 'compatible',
      });
    }
  }
  if (x.motive && y.motive && conflicts(x.motive.kind, y.motive.kind)) {
    findings.push({ kind: 'motive', values: [x.motive.cue, y.motive.cue] });
  }
  if (x.outcome && y.outcome && x.outcome.kind !== y.outcome.kind) {
    findings.push({ kind: 'outcome', values: [x.outcome.cue, y.outcome.cue] });
  }
  if (x.speaker && x.speaker === y.speaker && Math.abs(x.certainty - y.certainty) >= 1) {
    findings.push({ kind: 'certainty', values: [certaintyWord(x.certainty), certaintyWord(y.certainty)] });
  }
  if (a.day !== null && b.day !== null && Math.abs(a.day - b.day) > 1) {
    findings.push({ kind: 'other', values: [dayName(a.day), dayName(b.day)] });
  }
  if (findings.length) return { relation: 'contradict', findings };
  return similar ? { relation: 'agree', findings: [] } : unrelated();
}

/** Whether two places cannot be the same place: different countries, or different regions of one country. */
export function placesDiffer(a: Place | null, b: Place | null): boolean {
  if (!a || !b || a.key === b.key) return false;
  if (a.country && b.country && a.country !== b.country) return true;
  if (a.country && a.country === b.country && a.region && b.region) return regionKey(a.region) !== regionKey(b.region);
  return false;
}

/** The two counts to compare: the events' quantity arguments, else counts of the same kind of thing in the claims. */
function quantityPair(a: EventView, b: EventView): [Quantity, Quantity] | null {
  if (a.quantity && b.quantity && sameThing(a.quantity, b.quantity)) return [a.quantity, b.quantity];
  const left = a.quantity ? [a.quantity] : a.base.quantities;
  const right = b.quantity ? [b.quantity] : b.base.quantities;
  for (const q of left) {
    if (q.unit === null) continue;
    for (const r of right) {
      if (r.unit === null) continue;
      if (sameThing(q, r)) return [q, r];
    }
  }
  return null;
}

function sharedAnchors(a: EventView, b: EventView): number {
  let n = 0;
  const skip = new Set([a.base.speaker, b.base.speaker]);
  for (const x of a.base.anchors) if (!skip.has(x) && b.base.anchors.has(x)) n++;
  return n;
}

function conflicts(m: string, n: string): boolean {
  return motiveConflicts.some(([p, q]) => (p === m && q === n) || (p === n && q === m));
}

function regionKey(region: string): string {
  return region
    .toLowerCase()
    .replace(/\b(oblast|region|province|krai|kray|state|district|governorate|county|prefecture|republic of)\b/g, '')
    .replace(/[^a-z]/g, '');
}

function placeName(p: Place): string {
  const within = p.region && regionKey(p.region) !== regionKey(p.name) ? p.region : null;
  const parts = [p.name, within, p.countryName && p.countryName !== p.name ? p.countryName : null].filter(Boolean);
  return parts.join(', ');
}

function polarityWord(v: EventView): string {
  return v.base.polarity > 0 ? 'happened' : 'did not happen';
}

function certaintyWord(c: number): string {
  return c >= 2 ? 'confirmed' : c >= 1 ? 'stated' : c > 0 ? 'claimed' : 'unconfirmed';
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayName(day: number): string {
  const date = new Date(day * 86_400_000);
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}`;
}
