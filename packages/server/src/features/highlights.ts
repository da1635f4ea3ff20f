import { overlaps } from '@claimlens/core';
import { toRange } from '../positions.js';
import type { Highlight, HighlightsResult, Settings } from '../protocol.js';
import type { CorpusState, Entry } from '../workspace.js';
import { disputedClaims, type FindingFilter, shownDisputes } from './findings.js';
import { viewOf } from './lookup.js';

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
  const { annotation, snapshot } = view;
  const result: Highlight[] = [];
  const add = (kind: Highlight['kind'], start: number, end: number) => {
    if (end > start) result.push({ kind, range: toRange(snapshot.document, start, end) });
  };
  for (const m of annotation.mentions) {
    if (!(m.type === 'actor' ? settings.actors : settings.places)) continue;
    add(m.type, m.start, m.end);
    if (m.origin === 'human') add('human', m.start, m.end);
  }
  for (const claim of annotation.claims) {
    if (claim.source === null) {
      // The outlet's own voice: most sentences of an article. Painted faintly, and only when asked for, so that
      // reported statements (someone said something) stand out.
      if (settings.ownVoice) add('ownVoice', claim.content.start, claim.content.end);
      continue;
    }
    if (!settings.claims) continue;
    if (!annotation.mentions.some((m) => overlaps(m, claim.source!)))
      add('source', claim.source.start, claim.source.end);
    if (claim.cue) add('cue', claim.cue.start, claim.cue.end);
    add('content', claim.content.start, claim.content.end);
    if (claim.origin === 'human') add('human', claim.content.start, claim.content.end);
  }
  if (settings.events) {
    for (const v of annotation.events) {
      add('event', v.trigger.start, v.trigger.end);
      if (v.origin === 'human') add('human', v.trigger.start, v.trigger.end);
    }
  }
  if (settings.contradictions && view.state) {
    // a claim that takes a side in a dispute shown whose positions cannot all hold
    const disputed = disputedClaims(shownDisputes(view.state, filter));
    for (const claim of annotation.claims)
      if (disputed.has(claim.id)) add('contradiction', claim.content.start, claim.content.end);
  }
  return { uri: entry.uri, version: snapshot.version, highlights: result };
}
