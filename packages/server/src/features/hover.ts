import type { Claim, CorpusClaim, Dispute, DocumentEntity, Entity, Geo, Mention } from '@claimlens/core';
import type { CorpusState } from '../workspace.js';
import { type FindingFilter, findingKey, positionClaims, sourceNames } from './findings.js';
import {
  articleLabel,
  claimPlace,
  claimsAt,
  eventMentionAt,
  link,
  mentionAt,
  placeOf,
  shorten,
  type View,
} from './lookup.js';

export interface HoverOptions extends FindingFilter {
  commandLinks: boolean;
  /** The name this editor writes as the creator of annotations ("by you"). */
  annotator?: string;
}

/** Markdown for what is at `offset`: the entity, the event, the claims and their disputes. Null for nothing. */
export function hoverMarkdown(view: View, offset: number, options: HoverOptions): string | null {
  const sections: string[] = [];
  const human = humanSection(view, offset, options.annotator);
  if (human) sections.push(human);
  const mention = mentionAt(view.annotation, offset);
  if (mention) sections.push(entitySection(view, mention, options));
  const eventMention = eventMentionAt(view.annotation, offset);
  if (eventMention && view.state) {
    const event = view.state.corpus.eventOfMention(eventMention);
    if (event) {
      const articles = new Set(event.mentions.map((m) => m.article)).size;
      sections.push(
        `**Event** ${event.label} · ${event.type} · mentioned ${event.mentions.length}× in ${plural(articles, 'article')}` +
          (event.reason ? `  \nGrouped by ${event.reason}` : ''),
      );
    }
  } else if (eventMention) sections.push(`**Event** ${eventMention.lemma} · ${eventMention.type}`);
  for (const claim of claimsAt(view.annotation, offset).slice(0, 2)) sections.push(claimSection(view, claim, options));
  return sections.length > 0 ? sections.join('\n\n---\n\n') : null;
}

/** Who made the human annotations at the offset ("Tagged by you", "Rejected by ana"), one line each. */
function humanSection(view: View, offset: number, annotator: string | undefined): string | null {
  const lines: string[] = [];
  for (const { annotation, at } of view.snapshot.placed) {
    if (!at || offset < at.start || offset >= at.end) continue;
    const who = annotation.creator === annotator ? 'you' : escapeMarkdown(annotation.creator);
    const what =
      annotation.tag === 'none'
        ? 'Rejected'
        : annotation.accepted
          ? 'Accepted'
          : annotation.entity
            ? `Linked to ${escapeMarkdown(annotation.entity)}`
            : annotation.tag === 'claim'
              ? 'Marked as a claim'
              : `Tagged as ${annotation.tag === 'event' ? 'an event word' : `${annotation.tag === 'actor' ? 'an' : 'a'} ${annotation.tag}`}`;
    const date = annotation.created.slice(0, 10);
    lines.push(`✎ ${what} by ${who}${date ? ` · ${date}` : ''}`);
  }
  return lines.length > 0 ? lines.join('  \n') : null;
}

function entitySection(view: View, mention: Mention, options: HoverOptions): string {
  const state = view.state;
  const entity: Entity | DocumentEntity | undefined =
    state?.corpus.entity(mention.entity) ?? view.annotation.entities.find((e) => e.id === mention.entity);
  const name = entity?.name ?? mention.text;
  const lines = [`**${escapeMarkdown(name)}** — ${mention.kind} (${mention.type === 'actor' ? 'actor' : 'place'})`];
  const spelled =
    entity && 'mentions' in entity ? (entity as Entity).mentions.map((m) => m.text.replace(/\s+/g, ' ')) : [];
  const aliases = [...new Set([...(entity?.aliases ?? []), ...spelled])].filter((a) => a !== name);
  if (aliases.length > 0) lines.push(`Also called: ${aliases.slice(0, 8).map(escape).join(', ')}`);
  if (entity?.geo) lines.push(geoLine(entity.geo));
  if (entity?.place && state) {
    const place = state.corpus.entity(entity.place);
    if (place) lines.push(`Stands for: ${escapeMarkdown(place.name)}`);
  }
  const corpusEntity = state && entity && 'mentions' in entity ? (entity as Entity) : null;
  if (state && corpusEntity) {
    const byArticle = new Map<string, Entity['mentions']>();
    for (const m of corpusEntity.mentions) byArticle.set(m.article, [...(byArticle.get(m.article) ?? []), m]);
    lines.push(`Appears in ${plural(byArticle.size, 'article')}:`);
    let shown = 0;
    for (const [article, mentions] of byArticle) {
      if (shown++ >= 12) {
        lines.push(`- and ${byArticle.size - 12} more`);
        break;
      }
      const first = mentions[0];
      const place = first ? placeOf(state, first) : null;
      const label = `${articleLabel(state, article)}: ${plural(mentions.length, 'mention')}`;
      lines.push(
        `- ${place ? link(label, place, options.commandLinks) : escapeMarkdown(label)}${article === view.entry.id ? ' — this article' : ''}`,
      );
    }
  } else if (!state) lines.push('_Workspace analysis is updating…_');
  return lines.join('  \n');
}

function geoLine(geo: Geo): string {
  const where = [geo.region, geo.countryName ?? geo.country].filter((s) => s).join(', ');
  const coordinates = `${geo.lat.toFixed(3)}, ${geo.lon.toFixed(3)}`;
  return `${where ? `In ${escapeMarkdown(where)} · ` : ''}${coordinates}${geo.geonameId ? ` · GeoNames ${geo.geonameId}` : ''}`;
}

function claimSection(view: View, claim: Claim, options: HoverOptions): string {
  const state = view.state;
  const outlet = state ? state.outlet(view.entry.id) : (view.entry.outlet ?? view.entry.id);
  const lines = [
    `**Claim** by ${escapeMarkdown(speakerName(view, claim))} · ${escapeMarkdown(outlet)} · ${claim.stance}${claim.negated ? ' (negated)' : ''}`,
    `> ${escapeMarkdown(shorten(claim.content.text, 200))}`,
  ];
  if (!state) return [...lines, '_Other sources: workspace analysis is updating…_'].join('  \n');
  const corpusClaim = state.corpus.claim(claim.id);
  if (!corpusClaim) return lines.join('  \n');
  for (const dispute of state.corpus.disputesOf(claim)) {
    if (dispute.confidence >= options.minConfidence) lines.push('', ...disputeLines(state, dispute, claim.id, options));
  }
  const others = state.corpus.otherSources(corpusClaim);
  const events = state.corpus.eventsOf(corpusClaim);
  if (events.length > 0 || others.length > 0) {
    // name the events other articles also tell; an event of this article alone says nothing about other sources
    const shared = events.filter((e) => e.mentions.some((m) => m.article !== view.entry.id));
    const labels = [...new Set(shared.map((e) => escapeMarkdown(e.label)))];
    lines.push('', `**Other sources on this event**${labels.length > 0 ? ` (${labels.join(', ')})` : ''}:`);
    if (others.length === 0) lines.push('- none yet in this workspace');
    const order = { contradict: 0, agree: 1, unrelated: 2 } as const;
    const rows = new Map<string, string>();
    for (const other of [...others].sort((a, b) => order[a.relation] - order[b.relation])) {
      const mark =
        other.relation === 'contradict' ? '✗ contradicts' : other.relation === 'agree' ? '✓ agrees' : '· related';
      // a paragraph an article repeats is one row, with the strongest relation of its copies
      const label = sourceLabel(state, other.claim);
      if (!rows.has(label)) rows.set(label, `- ${mark} — ${sourceLink(state, other.claim, options)}`);
      if (rows.size === 15) break;
    }
    lines.push(...rows.values());
  }
  return lines.join('  \n');
}

/**
 * A dispute once, with every position: its value, the sources behind it, and a link to one of its claims (another
 * than the one hovered); the hovered claim's position is marked.
 */
function disputeLines(state: CorpusState, dispute: Dispute, claimId: string, options: HoverOptions): string[] {
  const sort = dispute.update ? 'Update' : dispute.compatible ? 'Differing accounts (they can all hold)' : 'Dispute';
  const dismissed = options.dismissed.has(findingKey(state, dispute)) ? ' _(dismissed)_' : '';
  const lines = [
    `**${sort}** — ${escapeMarkdown(dispute.what)} · ${dispute.facet} · confidence ${dispute.confidence.toFixed(2)}${dismissed}`,
  ];
  const claims = positionClaims(state, dispute);
  dispute.positions.forEach((position, i) => {
    const mine = position.claims.includes(claimId);
    const other = claims[i]?.find((c) => c.id !== claimId);
    const who = sourceNames(state, position.sources).join('; ') || 'no named source';
    lines.push(
      `- ${mine ? '▸ ' : ''}“${escapeMarkdown(position.value || 'as quoted')}”${mine ? ' (this claim)' : ''}: ${escapeMarkdown(who)}${other ? ` — ${sourceLink(state, other, options)}` : ''}`,
    );
  });
  lines.push(`_Why:_ ${escapeMarkdown(dispute.explanation)}`);
  return lines;
}

/** Outlet, speaker, stance and the start of what a claim says, on one line. */
function sourceLabel(state: CorpusState, claim: CorpusClaim): string {
  const speaker = state.corpus.speakerName(claim);
  return `${articleLabel(state, claim.article)} · ${speaker ?? 'the article itself'} · ${claim.stance}: “${shorten(claim.content.text, 70)}”`;
}

function sourceLink(state: CorpusState, claim: CorpusClaim, options: HoverOptions): string {
  const label = sourceLabel(state, claim);
  const place = claimPlace(state, claim);
  return place ? link(label, place, options.commandLinks) : escapeMarkdown(label);
}

function speakerName(view: View, claim: Claim): string {
  if (claim.speaker) {
    const entity =
      view.state?.corpus.entity(claim.speaker) ?? view.annotation.entities.find((e) => e.id === claim.speaker);
    if (entity) return entity.name;
  }
  return claim.source?.text ?? 'the article itself';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}
