import type { Article } from '../article.js';
import type { CorpusClaim } from '../claim.js';
import type { Agreement, Contradiction, ContradictionKind, Voice } from '../contradiction.js';
import type { Dispute } from '../dispute.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event } from '../event.js';
import { anaphoricDenials } from './denials.js';
import { comparePair, echoedArguments } from './detect.js';
import { contradictionsFrom, disputesFrom, type FacetDifference } from './disputes.js';
import { explainAgreement, explainContradiction } from './explain.js';
import type { CompareLexicon } from './lexicon.js';
import { type ClaimView, type EventView, MentionIndex, ViewContext, viewClaim, viewInEvent } from './view.js';
import { distinctVoices, groupVoices, jaccard, type VoiceOptions } from './voices.js';

export interface CompareOptions {
  /**
   * Within one event, claims that say the same thing the same way share a bucket and only its representative is
   * compared. When an event has more buckets than this, only the this-many best-supported are compared with each
   * other; the rest are compared with those only. Keeps the work linear in the corpus. Default: 64.
   */
  maxHubs?: number;
  /** Claims from articles published more than this many days apart are not compared. Default: 14. */
  maxDaysApart?: number;
  /** Claims listed per side of a contradiction (`sides`). Default: 20. */
  maxSide?: number;
  /** How near-duplicates are recognised. */
  voices?: VoiceOptions;
  /**
   * Also compare claims across sibling events: events with the same lemma, close in time, about the same
   * countries. The event stage keeps mentions apart when their places, directions or participants differ, and
   * those differences are exactly what `agent` and `place` contradictions are about. Default: true.
   */
  siblings?: boolean;
}

export interface CompareInput {
  articles: Article[];
  annotations: Map<string, DocumentAnnotation>;
  entities: Entity[];
  claims: CorpusClaim[];
  events: Event[];
  options?: CompareOptions;
  /** The words claims are compared on (the annotator's `defaultCompareLexicon()`). Default: none. */
  lexicon?: CompareLexicon;
}

export interface CompareResult {
  /** Each disputed facet of an event once, with every position and the sources behind it. */
  disputes: Dispute[];
  /** The disputes as pairs of claims, for readers of the pairwise form. */
  contradictions: Contradiction[];
  agreements: Agreement[];
  /** Independent voices among the claims that belong to events; copies share one. */
  voices: Voice[];
}

/**
 * Compare claims within each event: which agree, which contradict and why.
 * Pairs come only from the same event, published close in time, and from different voices: different articles,
 * or two different named speakers of one article (an article often sets one side's account against the other's;
 * such pairs can contradict, but agreement counts only across articles). Pairs are never formed across all
 * claims: claims are bucketed by what they say, copies count as one voice, and each bucket is compared through
 * one representative.
 */
export function compareClaims(input: CompareInput): CompareResult {
  const options = input.options ?? {};
  const maxHubs = options.maxHubs ?? 64;
  const maxMs = (options.maxDaysApart ?? 14) * 86_400_000;
  const maxSide = options.maxSide ?? 20;
  const ctx = new ViewContext(input.entities, input.annotations, input.lexicon);
  const articles = new Map(input.articles.map((a) => [a.id, a]));
  const claimById = new Map(input.claims.map((c) => [c.id, c]));

  // Views of every claim that belongs to an event, and their voices.
  const views = new Map<string, ClaimView>();
  for (const event of input.events) {
    for (const id of event.claims) {
      if (views.has(id)) continue;
      const claim = claimById.get(id);
      const article = claim && articles.get(claim.article);
      if (claim && article) views.set(id, viewClaim(ctx, claim, article, 0));
    }
  }
  const list = [...views.values()];
  const roots = groupVoices(
    list.map((v) => v.sentence),
    options.voices,
  );
  const voiceMembers = new Map<number, ClaimView[]>();
  list.forEach((v, i) => {
    const root = roots[i] ?? i;
    v.voice = root;
    let members = voiceMembers.get(root);
    if (!members) {
      members = [];
      voiceMembers.set(root, members);
    }
    members.push(v);
  });
  const voices: Voice[] = [...voiceMembers.values()].map((members, i) => ({
    id: `voice${i + 1}`,
    claims: members.map((m) => m.claim.id),
    articles: [...new Set(members.map((m) => m.article.id))],
  }));

  const labels = new Map(input.events.map((e) => [e.id, e.label]));
  const differences: FacetDifference[] = [];
  const agreements: Agreement[] = [];
  const agreed = new Set<string>();
  const agree = (a: EventView, b: EventView, event: string | null) => {
    const key = [a.base.claim.id, b.base.claim.id].sort().join('\u0000');
    if (agreed.has(key)) return;
    agreed.add(key);
    agreements.push({
      claims: [a.base.claim.id, b.base.claim.id],
      event,
      explanation: explainAgreement(a, b),
      confidence: agreementConfidence(a, b),
    });
  };
  for (const [familyIndex, family] of families(ctx, input.events, views, options.siblings ?? true, maxMs).entries()) {
    if (!manyVoices(family, views)) continue;
    const mentions = new Map<string, MentionIndex>();
    const eventOf = new Map<string, string>();
    const buckets = new Map<string, EventView[]>();
    for (const event of family) {
      for (const m of event.mentions) {
        const mention = ctx.eventMention(m.article, m.mention);
        if (!mention) continue;
        let index = mentions.get(m.article);
        if (!index) {
          index = new MentionIndex();
          mentions.set(m.article, index);
        }
        index.add(mention);
      }
    }
    for (const event of family) {
      for (const id of event.claims) {
        const base = views.get(id);
        if (!base || eventOf.has(id)) continue;
        eventOf.set(id, event.id);
        const view = viewInEvent(ctx, base, mentions.get(base.article.id));
        const key = `${event.id}\u0000${signature(view)}`;
        let bucket = buckets.get(key);
        if (!bucket) {
          bucket = [];
          buckets.set(key, bucket);
        }
        bucket.push(view);
      }
    }
    const eventId = (v: EventView) => eventOf.get(v.base.claim.id) ?? null;
    const groups = [...buckets.values()].map((members) => ({
      members,
      support: new Set(members.map((m) => m.base.voice)).size,
    }));

    // Inside a bucket the claims compare alike with everything else; chain the independent voices from different
    // articles that also tell the happening alike in words or participants.
    for (const { members } of groups) {
      let previous: EventView | undefined;
      const voicesSeen = new Set<number>();
      for (const view of members) {
        if (voicesSeen.has(view.base.voice)) continue;
        voicesSeen.add(view.base.voice);
        if (
          previous &&
          previous.base.article.id !== view.base.article.id &&
          close(previous, view, maxMs) &&
          comparePair(previous, view).relation === 'agree'
        ) {
          agree(previous, view, eventId(previous));
        }
        previous = view;
      }
    }

    // Across buckets: every pair among the best-supported, then each of the rest against those.
    groups.sort((a, b) => b.support - a.support);
    const hubs = Math.min(groups.length, maxHubs);
    for (let i = 0; i < groups.length; i++) {
      const limit = Math.min(i, hubs);
      for (let j = 0; j < limit; j++) {
        const left = groups[j];
        const right = groups[i];
        if (!left || !right) continue;
        const pair = representatives(left.members, right.members);
        if (!pair) continue;
        const [a, b] = pair;
        if (a.base.voice === b.base.voice || !close(a, b, maxMs)) continue;
        const sameEvent = eventId(a) === eventId(b);
        const allowed = sameEvent ? null : siblingKinds(a, b);
        if (allowed && !allowed.size) continue;
        const result = comparePair(a, b);
        if (allowed) result.findings = result.findings.filter((f) => allowed.has(f.kind));
        if (result.relation === 'agree') {
          if (i < hubs && sameEvent && a.base.article.id !== b.base.article.id) {
            agree(a, b, eventId(a));
          }
          continue;
        }
        for (const finding of result.findings) {
          differences.push({
            finding,
            a,
            b,
            sides: [side(a, left.members, maxSide), side(b, right.members, maxSide)],
            event: eventId(a),
            label: labels.get(eventId(a) ?? '') ?? null,
            family: familyIndex,
            sameEvent,
            explanation: explainContradiction(a, b, finding),
          });
        }
      }
    }
  }
  differences.push(...anaphoricDenials(ctx, articles, input.claims, input.events, views));
  const disputes = disputesFrom(differences, views);
  const contradictions = contradictionsFrom(disputes, differences, maxSide);
  return { disputes, contradictions, agreements, voices };
}

/**
 * Families of events compared together: each event alone, or with `siblings` also events of the same lemma,
 * with articles within the time window (by week), that share a country. Linear: events meet through keys.
 */
function families(
  ctx: ViewContext,
  events: readonly Event[],
  views: Map<string, ClaimView>,
  siblings: boolean,
  maxMs: number,
): Event[][] {
  const withClaims = events.filter((e) => e.claims.some((c) => views.has(c)));
  if (!siblings) return withClaims.map((e) => [e]);
  const parent = withClaims.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const owner = new Map<string, number>();
  const span = Math.max(maxMs, 86_400_000);
  withClaims.forEach((event, i) => {
    const lemmas = new Set<string>();
    const countries = new Set<string>();
    const weeks = new Set<string>();
    for (const id of event.claims) {
      const v = views.get(id);
      if (!v) continue;
      for (const a of v.anchors) if (a.startsWith('country:')) countries.add(a);
      if (v.time === null) weeks.add('none');
      else {
        const w = Math.floor(v.time / span);
        weeks.add(String(w));
        weeks.add(String(w + 1));
      }
    }
    for (const m of event.mentions) lemmas.add(ctx.eventMention(m.article, m.mention)?.lemma ?? event.label);
    for (const l of lemmas) {
      for (const w of weeks) {
        for (const c of countries) {
          const key = `${l}|${w}|${c}`;
          const other = owner.get(key);
          if (other === undefined) owner.set(key, i);
          else parent[find(i)] = find(other);
        }
      }
    }
  });
  const out = new Map<number, Event[]>();
  withClaims.forEach((event, i) => {
    const root = find(i);
    let list = out.get(root);
    if (!list) {
      list = [];
      out.set(root, list);
    }
    list.push(event);
  });
  return [...out.values()];
}

/** Whether a family's claims come from more than one voice: only then is there anything to compare. */
function manyVoices(family: readonly Event[], views: Map<string, ClaimView>): boolean {
  let first: ClaimView | undefined;
  for (const event of family) {
    for (const id of event.claims) {
      const view = views.get(id);
      if (!view) continue;
      first ??= view;
      if (distinctVoices(first, view)) return true;
    }
  }
  return false;
}

/**
 * What two claims from sibling events may contradict on. The event stage keeps mentions apart when their
 * dates or places differ, and that split is trusted; but it also splits when participants or directions
 * differ, which is what an `agent` contradiction is, and when a denial names the actor differently ("its
 * troops"). So: nothing on different days; `agent` and `polarity` when both name the same two countries;
 * `polarity` alone when they share an entity and much of their wording, or when a denial and an account share
 * an entity and one names the other's doer or destination ("Moscow denied its forces crossed" / "Russian
 * vehicles crossed into Ukraine").
 */
function siblingKinds(a: EventView, b: EventView): ReadonlySet<ContradictionKind> {
  if (a.day !== null && b.day !== null && a.day !== b.day) return noKinds;
  let countries = 0;
  let shared = 0;
  for (const x of a.base.anchors) {
    if (!b.base.anchors.has(x)) continue;
    shared++;
    if (x.startsWith('country:')) countries++;
  }
  if (countries >= 2) return agentOrPolarity;
  if (shared >= 1 && jaccard(a.base.words, b.base.words) >= 0.3) return polarityOnly;
  const denial = a.polarity * b.polarity < 0;
  if (denial && shared >= 1 && echoedArguments(a, b) + echoedArguments(b, a) >= 1) return polarityOnly;
  return noKinds;
}

/** What `siblingKinds` answers, made once: it runs for every pair of buckets from sibling events. */
const noKinds: ReadonlySet<ContradictionKind> = new Set();
const agentOrPolarity: ReadonlySet<ContradictionKind> = new Set(['agent', 'polarity']);
const polarityOnly: ReadonlySet<ContradictionKind> = new Set(['polarity']);

/** What decides a comparison: claims with equal signatures in one event compare the same with everything. */
function signature(v: EventView): string {
  const q = v.quantity ?? v.base.quantities.find((x) => x.unit !== null) ?? null;
  return [
    v.polarity,
    v.base.speaker ?? '',
    v.base.certainty,
    v.lemma,
    v.agent?.key ?? '',
    v.patient?.key ?? '',
    v.origin?.key ?? '',
    v.destination?.key ?? '',
    v.place?.key ?? '',
    q ? `${q.low}-${q.high}-${q.unitClass ?? q.unit}` : '',
    v.base.quantities.length,
    v.base.motive?.kind ?? '',
    v.outcome?.kind ?? '',
    v.day ?? '',
  ].join('|');
}

/** A claim from each bucket, with different voices: from different articles first, else from two speakers of one. */
function representatives(left: EventView[], right: EventView[]): [EventView, EventView] | undefined {
  let within: [EventView, EventView] | undefined;
  // indexes, not slices: this runs for every pair of buckets
  for (let i = 0; i < Math.min(3, left.length); i++) {
    const a = left[i] as EventView;
    for (let j = 0; j < Math.min(3, right.length); j++) {
      const b = right[j] as EventView;
      if (a.base.article.id !== b.base.article.id) return [a, b];
      if (!within && distinctVoices(a.base, b.base)) within = [a, b];
    }
  }
  return within;
}

function close(a: EventView, b: EventView, maxMs: number): boolean {
  const s = a.base.time;
  const t = b.base.time;
  return s === null || t === null || Math.abs(s - t) <= maxMs;
}

function side(first: EventView, members: EventView[], max: number): string[] {
  const ids = [first.base.claim.id];
  for (const m of members) {
    if (ids.length >= max) break;
    if (m !== first) ids.push(m.base.claim.id);
  }
  return ids;
}

/**
 * How sure an agreement is: half for being paired at all (same act, enough evidence of one happening), the rest
 * from the share of wording the two claims have in common and whether they name a participant more specific
 * than a country.
 */
function agreementConfidence(a: EventView, b: EventView): number {
  const overlap = jaccard(a.base.words, b.base.words);
  let specific = false;
  for (const x of a.base.specific)
    if (x !== a.base.speaker && x !== b.base.speaker && b.base.specific.has(x)) specific = true;
  const score = 0.5 + 0.3 * Math.min(1, overlap / 0.6) + (specific ? 0.2 : 0);
  return Math.round(Math.min(1, score) * 100) / 100;
}
