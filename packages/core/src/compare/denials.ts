import type { Article } from '../article.js';
import type { CorpusClaim } from '../claim.js';
import type { Event } from '../event.js';
import type { FacetDifference } from './disputes.js';
import { explainContradiction } from './explain.js';
import { type ClaimView, type ViewContext, viewClaim, viewInEvent, words } from './view.js';
import { distinctVoices, sameSpeaker } from './voices.js';

/** How far back, in characters, a denial's antecedent may start: about two sentences. */
const reach = 400;

/**
 * Denials that name what they deny only by a pronoun ("a charge that the party's leaders denied", "has denied
 * that that was the case"), each set against the claim it points back to: the nearest earlier claim of the same
 * article that tells something as so, from another speaker. Such a denial holds no event mention of its own, so
 * the comparison by events never meets it.
 */
export function anaphoricDenials(
  ctx: ViewContext,
  articles: ReadonlyMap<string, Article>,
  claims: readonly CorpusClaim[],
  events: readonly Event[],
  views: Map<string, ClaimView>,
): FacetDifference[] {
  const eventOf = new Map<string, Event>();
  for (const event of events) for (const id of event.claims) if (!eventOf.has(id)) eventOf.set(id, event);
  const byArticle = new Map<string, CorpusClaim[]>();
  for (const claim of claims) {
    const list = byArticle.get(claim.article);
    if (list) list.push(claim);
    else byArticle.set(claim.article, [claim]);
  }
  const found: FacetDifference[] = [];
  for (const [id, list] of byArticle) {
    const article = articles.get(id);
    if (!article) continue;
    list.sort((x, y) => x.content.start - y.content.start);
    for (const [i, denial] of list.entries()) {
      if (denial.stance !== 'deny' || !pointsBack(denial, ctx.lexicon.anaphors)) continue;
      for (let k = i - 1; k >= 0; k--) {
        const claim = list[k];
        if (!claim || claim.content.end > denial.content.start) continue;
        if (denial.content.start - claim.content.start > reach) break;
        if (claim.stance !== 'assert' && claim.stance !== 'accuse') continue;
        const base = views.get(claim.id) ?? viewClaim(ctx, claim, article, views.size);
        const against = views.get(denial.id) ?? viewClaim(ctx, denial, article, views.size + 1);
        if (!distinctVoices(base, against) || sameSpeaker(base, against)) continue;
        views.set(claim.id, base);
        views.set(denial.id, against);
        const a = viewInEvent(ctx, base, undefined);
        const b = viewInEvent(ctx, against, undefined);
        const finding = { kind: 'polarity' as const, values: ['happened', 'did not happen'] as [string, string] };
        const event = eventOf.get(claim.id) ?? null;
        found.push({
          finding,
          a,
          b,
          sides: [[claim.id], [denial.id]],
          event: event?.id ?? null,
          label: event?.label ?? null,
          // Each denial is a dispute of its own: negative story numbers stay apart from the events' stories.
          story: -1 - found.length,
          sameEvent: true,
          explanation: explainContradiction(a, b, finding),
        });
        break;
      }
    }
  }
  return found;
}

/** Whether a claim's content names what it is about only by a pronoun: "that", "that that was the case". */
function pointsBack(claim: CorpusClaim, anaphors: ReadonlySet<string>): boolean {
  const clause = words(claim.content.text.split(/[,;:]/)[0] ?? '');
  const rest = clause[0] === 'that' && clause.length > 1 ? clause.slice(1) : clause;
  return rest.length > 0 && rest.length <= 4 && anaphors.has(rest[0] ?? '');
}
