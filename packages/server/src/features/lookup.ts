import type { ArticleSpan, Claim, CorpusClaim, DocumentAnnotation, EventMention, Mention } from '@claimlens/core';
import { toRange } from '../positions.js';
import { commands, type Location } from '../protocol.js';
import type { CorpusState, Entry, Snapshot } from '../workspace.js';

/** What a document position looks at: its annotation, and the corpus when it is up to date with it. */
export interface View {
  entry: Entry;
  snapshot: Snapshot;
  annotation: DocumentAnnotation;
  /** Set when the corpus was built from this very snapshot (entity, claim and event ids are corpus-wide). */
  state: CorpusState | null;
}

/** The view of an entry: null before its first analysis. */
export function viewOf(entry: Entry, state: CorpusState | null): View | null {
  const snapshot = entry.analysed;
  if (!snapshot) return null;
  const id = state?.ids.get(entry.uri);
  const used = id === undefined ? undefined : state?.articles.get(id);
  if (state && id !== undefined && used?.snapshot === snapshot) {
    const annotation = state.corpus.annotations.get(id);
    if (annotation) return { entry, snapshot, annotation, state };
  }
  return { entry, snapshot, annotation: snapshot.annotation, state: null };
}

/** The place of a span of an article of the corpus. */
export function placeOf(
  state: CorpusState,
  span: ArticleSpan | (Claim['content'] & { article: string }),
): Location | null {
  const found = state.articles.get(span.article);
  if (!found) return null;
  return { uri: found.uri, range: toRange(found.snapshot.document, span.start, span.end) };
}

/** The place of a claim (its content) in the corpus. */
export function claimPlace(state: CorpusState, claim: CorpusClaim): Location | null {
  return placeOf(state, { article: claim.article, ...claim.content });
}

export function mentionAt(annotation: DocumentAnnotation, offset: number): Mention | undefined {
  return annotation.mentions.find((m) => m.start <= offset && offset < m.end);
}

export function eventMentionAt(annotation: DocumentAnnotation, offset: number): EventMention | undefined {
  return annotation.events.find((v) => v.trigger.start <= offset && offset < v.trigger.end);
}

/** Claims whose source, cue or content holds the offset, innermost first. */
export function claimsAt(annotation: DocumentAnnotation, offset: number): Claim[] {
  const inside = (s: { start: number; end: number } | null) => s !== null && s.start <= offset && offset < s.end;
  return annotation.claims
    .filter((c) => inside(c.content) || inside(c.cue) || inside(c.source))
    .sort((a, b) => spanOf(a).end - spanOf(a).start - (spanOf(b).end - spanOf(b).start));
}

/** From the first to the last character of a claim's parts. */
export function spanOf(claim: Claim): { start: number; end: number } {
  const parts = [claim.content, claim.cue, claim.source].filter((s) => s !== null);
  return { start: Math.min(...parts.map((s) => s.start)), end: Math.max(...parts.map((s) => s.end)) };
}

/** A claim's content, shortened for a label. */
export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A Markdown link that opens a place: a command link when the client runs them, else a file URI with a line. */
export function link(label: string, place: Location, commandLinks: boolean): string {
  const text = label.replace(/[[\]\\]/g, '\\$&');
  if (commandLinks) {
    const args = encodeURIComponent(JSON.stringify([place]));
    return `[${text}](command:${commands.openPlace}?${args} "Open this passage")`;
  }
  const { line, character } = place.range.start;
  return `[${text}](${place.uri}#L${line + 1},${character + 1})`;
}

/** How an article is named in hovers and lists: its outlet and file, or just the file when no outlet is known. */
export function articleLabel(state: CorpusState, articleId: string): string {
  const outlet = state.outlet(articleId);
  const stem = articleId.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  return outlet && outlet !== stem ? `${outlet} (${articleId})` : articleId;
}
