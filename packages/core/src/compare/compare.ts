import type { Article } from '../article.js';
import type { CorpusClaim } from '../claim.js';
import type { Agreement, Contradiction, ContradictionKind, Voice } from '../contradiction.js';
import type { Dispute } from '../dispute.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event } from '../event.js';
import type { WordNet } from '../events/wordnet.js';
import { anaphoricDenials } from './denials.js';
import { comparePair, echoedArguments, type PairResult } from './detect.js';
import { contradictionsFrom, disputesFrom, type FacetDifference } from './disputes.js';
import { explainAgreement, explainContradiction } from './explain.js';
import type { CompareLexicon } from './lexicon.js';
import { relatedEvents, storiesOf } from './related.js';
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
   * Also compare claims across related events of one story: events whose acts are named by one lemma or by
   * lemmas WordNet relates (see `relatedEvents`). The event stage keeps mentions apart when their places,
   * directions or participants differ, and those differences are what disputes are about. Default: true.
   */
  siblings?: boolean;
  /** Buckets of each of two related events compared across them (the best-supported). Default: 4. */
  maxAcross?: number;
  /**
   * Called with every pair of claims compared and what the comparison found (for evaluators asking why a pair was
   * or was not reported). Default: none.
   */
  onCompared?: (a: string, b: string, result: PairResult) => void;
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
  /** WordNet relations between lemmas, to find related events of one story. Default: events relate by lemma only. */
  wordnet?: WordNet;
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
 * Compare claims within each event, and across related events of one story: which agree, which contradict and
 * why. Pairs come only from one event (or two events of one story whose acts WordNet relates, `relatedEvents`),
 * published close in time, and from different voices: different articles,
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
  const maxAcross = options.maxAcross ?? 4;
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

  const differences: FacetDifference[] = [];
  const agreements: Agreement[] = [];
  const agreed = new Set<string>();
  const agree = (a: EventView, b: EventView, event: string) => {
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
  const stories = storiesOf(input.events);
  const compare = (left: Bucket, right: Bucket, agreeing: boolean) => {
    const pair = representatives(left.members, right.members);
    if (!pair) return;
    const [a, b] = pair;
    if (a.base.voice === b.base.voice || !close(a, b, maxMs)) return;
    const sameEvent = left.event === right.event;
    const allowed = sameEvent ? null : siblingKinds(a, b);
    if (allowed && !allowed.size) return;
    const result = comparePair(a, b);
    if (allowed) result.findings = result.findings.filter((f) => allowed.has(f.kind));
    options.onCompared?.(a.base.claim.id, b.base.claim.id, result);
    if (result.relation === 'agree') {
      if (agreeing && sameEvent && a.base.article.id !== b.base.article.id) agree(a, b, left.event.id);
      return;
    }
    for (const finding of result.findings) {
      differences.push({
        finding,
        a,
        b,
        sides: [side(a, left.members, maxSide), side(b, right.members, maxSide)],
        event: left.event.id,
        label: left.event.label,
        story: stories.get(left.event.id) ?? -1,
        sameEvent,
        explanation: explainContradiction(a, b, finding),
      });
    }
  };

  // Within each event: every pair of buckets among the best-supported, then each of the rest against those.
  const bucketsOf = new Map<string, Bucket[]>();
  for (const event of input.events) {
    const groups = buckets(ctx, event, views);
    if (groups.length === 0) continue;
    bucketsOf.set(event.id, groups);
    agreeWithin(groups, maxMs, agree);
    const hubs = Math.min(groups.length, maxHubs);
    for (let i = 0; i < groups.length; i++) {
      for (let j = 0; j < Math.min(i, hubs); j++) compare(groups[j] as Bucket, groups[i] as Bucket, i < hubs);
    }
  }
  // Across related events of one story: the best-supported buckets of each against the other's.
  if (options.siblings ?? true) {
    const scopes = new Map([...bucketsOf].map(([id, groups]) => [id, weeksAndCountries(groups, maxMs)]));
    for (const [x, y] of relatedEvents(input.events, scopes, stories, ctx, input.wordnet)) {
      const left = (bucketsOf.get(x) ?? []).slice(0, maxAcross);
      const right = (bucketsOf.get(y) ?? []).slice(0, maxAcross);
      for (const l of left) for (const r of right) compare(l, r, false);
    }
  }
  differences.push(...anaphoricDenials(ctx, articles, input.claims, input.events, views));
  const disputes = disputesFrom(differences, views);
  const contradictions = contradictionsFrom(disputes, differences, maxSide);
  return { disputes, contradictions, agreements, voices };
}

/** Claims of one event that say the same thing the same way, and how many independent voices say it. */
interface Bucket {
  event: Event;
  members: EventView[];
  support: number;
}

/**
 * An event's claims, each seen through its own mention of the event, bucketed by what decides a comparison
 * (`signature`), best-supported first.
 */
function buckets(ctx: ViewContext, event: Event, views: Map<string, ClaimView>): Bucket[] {
  const mentions = new Map<string, MentionIndex>();
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
  const byKey = new Map<string, EventView[]>();
  for (const id of event.claims) {
    const base = views.get(id);
    if (!base) continue;
    const view = viewInEvent(ctx, base, mentions.get(base.article.id));
    const key = signature(view);
    const bucket = byKey.get(key);
    if (bucket) bucket.push(view);
    else byKey.set(key, [view]);
  }
  return [...byKey.values()]
    .map((members) => ({ event, members, support: new Set(members.map((m) => m.base.voice)).size }))
    .sort((a, b) => b.support - a.support);
}

/**
 * Where and when an event's claims are: each week of the time window its articles fall in (and the next), with each
 * country its claims name ("12|country:UA"), so that events of one lemma close in time about one country meet.
 */
function weeksAndCountries(groups: readonly Bucket[], maxMs: number): string[] {
  const countries = new Set<string>();
  const weeks = new Set<string>();
  const span = Math.max(maxMs, 86_400_000);
  for (const { members } of groups) {
    for (const v of members) {
      for (const a of v.base.anchors) if (a.startsWith('country:')) countries.add(a);
      if (v.base.time === null) weeks.add('none');
      else {
        const w = Math.floor(v.base.time / span);
        weeks.add(String(w));
        weeks.add(String(w + 1));
      }
    }
  }
  const scopes: string[] = [];
  for (const w of weeks) for (const c of countries) scopes.push(`${w}|${c}`);
  return scopes;
}

/**
 * Inside a bucket the claims compare alike with everything else; chain the independent voices from different
 * articles that also tell the happening alike in words or participants.
 */
function agreeWithin(
  groups: readonly Bucket[],
  maxMs: number,
  agree: (a: EventView, b: EventView, event: string) => void,
): void {
  for (const { event, members } of groups) {
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
        agree(previous, view, event.id);
      }
      previous = view;
    }
  }
}

/**
 * What two claims from related events may contradict on. The event stage keeps mentions apart when their
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
