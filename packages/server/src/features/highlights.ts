import type { MentionKind, Stance } from '@claimlens/core';
import { overlaps } from '@claimlens/core';
import { toRange } from '../positions.js';
import type { Highlight, HighlightsResult, Settings } from '../protocol.js';
import type { CorpusState, Entry } from '../workspace.js';
import { disputedClaims, type FindingFilter, shownDisputes } from './findings.js';
import { type View, viewOf } from './lookup.js';

/** A highlighted stretch of a document, by offsets, with what kind of name or claim it belongs to. */
export interface HighlightSpan {
  kind: Highlight['kind'];
  start: number;
  end: number;
  /** The kind of actor or place a name stands for. */
  mention?: MentionKind;
  /** The stance of the claim a source, cue, content or contradiction belongs to. */
  stance?: Stance;
}

/**
 * The highlights of one document, by category, as enabled in the settings; spans a person tagged, marked or
 * accepted are also marked `human`.
 */
export function highlights(
  entry: Entry,
  state: CorpusState | null,
  settings: Settings['highlights'],
  filter: FindingFilter,
): HighlightsResult {
  const view = viewOf(entry, state);
  if (!view) return { uri: entry.uri, version: entry.version, highlights: [] };
  const document = view.snapshot.document;
  return {
    uri: entry.uri,
    version: view.snapshot.version,
    highlights: highlightSpans(view, settings, filter).map((span) => ({
      kind: span.kind,
      range: toRange(document, span.start, span.end),
    })),
  };
}

/** What the highlights (and the semantic tokens) of a document mark, as offsets, in the settings' categories. */
export function highlightSpans(view: View, settings: Settings['highlights'], filter: FindingFilter): HighlightSpan[] {
  const { annotation } = view;
  const result: HighlightSpan[] = [];
  const add = (span: HighlightSpan) => {
    if (span.end > span.start) result.push(span);
  };
  for (const m of annotation.mentions) {
    if (!(m.type === 'actor' ? settings.actors : settings.places)) continue;
    add({ kind: m.type, start: m.start, end: m.end, mention: m.kind });
    if (m.origin === 'human') add({ kind: 'human', start: m.start, end: m.end });
  }
  for (const claim of annotation.claims) {
    const { stance } = claim;
    if (claim.source === null) {
      // The outlet's own voice: most sentences of an article. Painted faintly, and only when asked for, so that
      // reported statements (someone said something) stand out.
      if (settings.ownVoice) add({ kind: 'ownVoice', start: claim.content.start, end: claim.content.end, stance });
      continue;
    }
    if (!settings.claims) continue;
    if (!annotation.mentions.some((m) => overlaps(m, claim.source!)))
      add({ kind: 'source', start: claim.source.start, end: claim.source.end, stance });
    if (claim.cue) add({ kind: 'cue', start: claim.cue.start, end: claim.cue.end, stance });
    add({ kind: 'content', start: claim.content.start, end: claim.content.end, stance });
    if (claim.origin === 'human') add({ kind: 'human', start: claim.content.start, end: claim.content.end });
  }
  if (settings.events) {
    for (const v of annotation.events) {
      add({ kind: 'event', start: v.trigger.start, end: v.trigger.end });
      if (v.origin === 'human') add({ kind: 'human', start: v.trigger.start, end: v.trigger.end });
    }
  }
  if (settings.contradictions && view.state) {
    // a claim that takes a side in a dispute shown whose positions cannot all hold
    const disputed = disputedClaims(shownDisputes(view.state, filter));
    for (const claim of annotation.claims) {
      if (disputed.has(claim.id))
        add({ kind: 'contradiction', start: claim.content.start, end: claim.content.end, stance: claim.stance });
    }
  }
  return result;
}
