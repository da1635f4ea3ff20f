import type { Article } from '../article.js';
import type { CorpusClaim } from '../claim.js';
import type { DocumentAnnotation } from '../document.js';
import type { Entity } from '../entity.js';
import type { Event } from '../event.js';
import { timeName } from '../time/when.js';
import { comparePair, type Finding } from './detect.js';
import { type CompareLexicon, emptyCompareLexicon } from './lexicon.js';
import { type EventView, MentionIndex, ViewContext, viewClaim, viewInEvent } from './view.js';

/** What one claim says on each facet, as the comparison reads it. */
export interface ClaimFacets {
  claim: string;
  /** The lemma of the event mention the claim is read through, or null when it holds none of its events'. */
  act: string | null;
  occurrence: 'happened' | 'did not happen' | 'neither';
  certainty: number;
  agent: string | null;
  affected: string | null;
  place: string | null;
  /** The claim's own count of the act, then every count written in it ("at least 300 soldiers"). */
  count: string | null;
  counts: string[];
  time: string | null;
  clock: string | null;
  motive: string | null;
  outcome: string | null;
}

/** How two claims compare when set side by side, whatever events they were put in. */
export interface ProbeResult {
  facets: [ClaimFacets, ClaimFacets];
  /** What the comparison decides, judging for itself whether the two tell one happening. */
  relation: 'agree' | 'contradict' | 'unrelated';
  findings: Finding[];
  /** How the two differ when they are taken to tell one happening: the facet reading alone. */
  differences: Finding[];
}

/**
 * Compare two claims directly, each read through its own events' mentions: what each says on every facet and
 * what the pairwise comparison makes of them. For measuring facet reading apart from which pairs the corpus
 * compares (an oracle over hand-annotated contradictions); `compareClaims` is what analysis uses.
 */
export function probeClaims(
  input: {
    articles: readonly Article[];
    annotations: Map<string, DocumentAnnotation>;
    entities: readonly Entity[];
    claims: readonly CorpusClaim[];
    events: readonly Event[];
    lexicon?: CompareLexicon;
  },
  ids: [string, string],
): ProbeResult {
  const ctx = new ViewContext([...input.entities], input.annotations, input.lexicon ?? emptyCompareLexicon);
  const claims = ids.map((id) => input.claims.find((c) => c.id === id));
  const [first, second] = claims.map((claim, i) => {
    if (!claim) throw new Error(`Expected a claim of the corpus, not "${ids[i]}"`);
    const article = input.articles.find((a) => a.id === claim.article);
    if (!article) throw new Error(`Expected the article of claim "${claim.id}", not found`);
    const index = new MentionIndex();
    for (const event of input.events) {
      if (!event.claims.includes(claim.id)) continue;
      for (const m of event.mentions) {
        const mention = m.article === article.id ? ctx.eventMention(m.article, m.mention) : undefined;
        if (mention) index.add(mention);
      }
    }
    return viewInEvent(ctx, viewClaim(ctx, claim, article, i), index);
  }) as [EventView, EventView];
  const result = comparePair(first, second);
  const differences = comparePair(first, second, true).findings;
  return {
    facets: [facetsOf(first), facetsOf(second)],
    relation: result.relation,
    findings: result.findings,
    differences,
  };
}

function facetsOf(v: EventView): ClaimFacets {
  const where = v.place ?? v.destination;
  return {
    claim: v.base.claim.id,
    act: v.mention?.lemma ?? null,
    occurrence: v.polarity > 0 ? 'happened' : v.polarity < 0 ? 'did not happen' : 'neither',
    certainty: v.base.certainty,
    agent: v.agent?.name ?? null,
    affected: v.patient?.name ?? null,
    place: where?.name ?? v.base.bearing?.text ?? null,
    count: v.quantity?.phrase ?? null,
    counts: v.base.quantities.map((q) => `${q.phrase}${q.unitClass ? ` (${q.unitClass})` : ''}`),
    time: v.when ? timeName(v.when) : null,
    clock: v.clock?.text ?? null,
    motive: v.base.motive?.cue ?? null,
    outcome: v.outcome?.cue ?? null,
  };
}
