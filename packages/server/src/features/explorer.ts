import { type Entity, isConflict } from '@claimlens/core';
import type {
  Counts,
  ExplorerClaim,
  ExplorerDispute,
  ExplorerEntity,
  ExplorerEvent,
  ExplorerResult,
} from '../protocol.js';
import type { CorpusState, Entry } from '../workspace.js';
import { disputedClaims, disputeEntry, type FindingFilter, shownDisputes } from './findings.js';
import { claimPlace, placeOf, shorten, viewOf } from './lookup.js';
import { fullNameMention } from './navigation.js';

/**
 * The explorer tree: events with their disputes (each once, with every position) and their claims grouped by
 * outlet, actors and places; optionally one outlet only. Each list keeps its first `limit` items (default 500:
 * events with the most disputes first, then the most mentioned).
 */
export function explorer(
  state: CorpusState | null,
  outlet: string | null,
  filter: FindingFilter,
  limit = 500,
): ExplorerResult {
  if (!state) return { events: [], actors: [], places: [], outlets: [] };
  const { corpus } = state;
  const outlets = [...new Set(corpus.articles.map((a) => state.outlet(a.id)))].sort((a, b) => a.localeCompare(b));
  const shown = shownDisputes(state, filter);
  const contradicted = disputedClaims(shown);
  const eventDisputes = new Map<string, ExplorerDispute[]>();
  for (const d of [...shown].sort((a, b) => Number(isConflict(b)) - Number(isConflict(a)))) {
    if (d.event) eventDisputes.set(d.event, [...(eventDisputes.get(d.event) ?? []), disputeEntry(state, d)]);
  }
  const conflicts = (e: ExplorerEvent) => e.disputes.filter((d) => !d.compatible && !d.update).length;
  const keep = (article: string) => outlet === null || state.outlet(article) === outlet;

  const events: ExplorerEvent[] = [];
  for (const event of corpus.events) {
    const groups = new Map<string, ExplorerClaim[]>();
    const rows = new Map<string, ExplorerClaim>();
    for (const id of event.claims) {
      const claim = corpus.claim(id);
      if (!claim || !keep(claim.article)) continue;
      const place = claimPlace(state, claim);
      if (!place) continue;
      const name = state.outlet(claim.article);
      const speaker = corpus.speakerName(claim);
      const label = shorten(claim.content.text, 90);
      // a paragraph the outlet repeats is one row, marked if either copy is contradicted
      const key = [name, speaker, label, claim.stance].join('\u0000');
      const copy = rows.get(key);
      if (copy) {
        copy.contradicted ||= contradicted.has(id);
        continue;
      }
      const row = { id, label, speaker, outlet: name, stance: claim.stance, place, contradicted: contradicted.has(id) };
      rows.set(key, row);
      const group = groups.get(name);
      if (group) group.push(row);
      else groups.set(name, [row]);
    }
    const mentions = event.mentions.filter((m) => keep(m.article));
    if (mentions.length === 0 && groups.size === 0) continue;
    const first = mentions[0];
    events.push({
      id: event.id,
      label: event.label,
      type: event.type,
      reason: event.reason ?? null,
      outlets: [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, claims]) => ({ outlet: name, claims })),
      mentions: mentions.length,
      disputes: eventDisputes.get(event.id) ?? [],
      place: first ? placeOf(state, first) : null,
    });
  }
  events.sort(
    (a, b) =>
      conflicts(b) - conflicts(a) ||
      b.disputes.length - a.disputes.length ||
      b.mentions - a.mentions ||
      a.label.localeCompare(b.label),
  );

  const entity = (e: Entity): ExplorerEntity | null => {
    const firstPerArticle = new Map<string, Entity['mentions'][number]>();
    for (const m of e.mentions)
      if (keep(m.article) && !firstPerArticle.has(m.article)) firstPerArticle.set(m.article, m);
    if (firstPerArticle.size === 0) return null;
    const mentions = [];
    for (const [article, m] of firstPerArticle) {
      const place = placeOf(state, m);
      if (place) mentions.push({ outlet: state.outlet(article), article, place });
    }
    const full = fullNameMention(e, '');
    const where = e.geo ? [e.geo.region, e.geo.countryName ?? e.geo.country].filter((s) => s).join(', ') : '';
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      detail: `${e.kind}${where ? ` · ${where}` : ''} · ${firstPerArticle.size} article${firstPerArticle.size === 1 ? '' : 's'}`,
      mentions,
      place: full ? placeOf(state, full) : null,
    };
  };
  const byReach = (a: ExplorerEntity, b: ExplorerEntity) =>
    b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);
  const actors = corpus.entities
    .filter((e) => e.type === 'actor')
    .map(entity)
    .filter((e) => e !== null)
    .sort(byReach);
  const places = corpus.entities
    .filter((e) => e.type === 'place')
    .map(entity)
    .filter((e) => e !== null)
    .sort(byReach);
  return { events: events.slice(0, limit), actors: actors.slice(0, limit), places: places.slice(0, limit), outlets };
}

/** Counts for the status bar: the whole workspace, or one document. */
export function counts(state: CorpusState | null, filter: FindingFilter, entry?: Entry): Counts {
  const zero: Counts = { articles: 0, actors: 0, places: 0, claims: 0, events: 0, disputes: 0 };
  const conflicts = () => (state ? shownDisputes(state, filter).filter(isConflict) : []);
  if (entry) {
    const view = viewOf(entry, state);
    if (!view) return zero;
    const { annotation } = view;
    const claimIds = new Set(annotation.claims.map((c) => c.id));
    const distinct = (type: 'actor' | 'place') =>
      new Set(annotation.mentions.filter((m) => m.type === type).map((m) => m.entity)).size;
    const triggers = new Set(annotation.events.map((v) => v.id));
    return {
      articles: 1,
      actors: distinct('actor'),
      places: distinct('place'),
      claims: annotation.claims.filter((c) => c.source !== null).length,
      events: view.state
        ? new Set([...triggers].map((id) => view.state?.corpus.eventOfMention(id)).filter((e) => e !== undefined)).size
        : triggers.size,
      disputes: conflicts().filter((d) => d.positions.some((p) => p.claims.some((x) => claimIds.has(x)))).length,
    };
  }
  if (!state) return zero;
  const { corpus } = state;
  return {
    articles: corpus.articles.length,
    actors: corpus.entities.filter((e) => e.type === 'actor').length,
    places: corpus.entities.filter((e) => e.type === 'place').length,
    claims: corpus.claims.filter((c) => c.source !== null).length,
    events: corpus.events.length,
    disputes: conflicts().length,
  };
}
