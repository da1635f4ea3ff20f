import {
  actorKinds,
  type Claim,
  type DocumentAnnotation,
  type HumanAnnotation,
  newAnnotation,
  placeKinds,
  quoteTarget,
  type Stance,
  stances,
} from '@claimlens/core';
import { type CodeAction, CodeActionKind, type Range } from 'vscode-languageserver-types';
import { toOffset, toRange } from '../positions.js';
import { type AnnotateParams, commands, type ExplorerAnnotation } from '../protocol.js';
import type { Entry, Snapshot } from '../workspace.js';

type Span = { start: number; end: number };

/** A change to an article's human annotations, and what to tell the user. */
export type AnnotationChange =
  | { edit: (annotations: HumanAnnotation[]) => HumanAnnotation[]; message: string }
  | { refused: string };

/**
 * The change an `annotate` request asks for, on the snapshot the editor shows. Refused (with the reason) when
 * there is nothing to act on: no machine annotation to reject or accept, no mention to link, an empty range.
 */
export function annotationChange(snapshot: Snapshot, params: AnnotateParams, creator: string): AnnotationChange {
  const { text } = snapshot;
  const range = offsets(snapshot, params.range);
  const make = (span: Span, fields: Omit<HumanAnnotation, 'id' | 'created' | 'target' | 'creator'>) =>
    newAnnotation(text, span.start, span.end, { creator, ...fields });
  const at = (span: Span) => (a: HumanAnnotation) => {
    const placed = snapshot.placed.find((p) => p.annotation.id === a.id)?.at;
    return placed ? placed.start === span.start && placed.end === span.end : false;
  };
  const words = (span: Span) => `“${text.slice(span.start, span.end).replace(/\s+/g, ' ')}”`;
  switch (params.action) {
    case 'tag': {
      const span = trimmed(text, range);
      if (span.end <= span.start) return { refused: 'Select the words to tag first.' };
      const tag = params.tag === 'place' ? 'place' : 'actor';
      const kinds: readonly string[] = tag === 'actor' ? actorKinds : placeKinds;
      if (params.kind !== undefined && !kinds.includes(params.kind))
        return { refused: `Expected an ${tag} kind (${kinds.join(', ')}), not "${params.kind}".` };
      const annotation = make(span, { tag, ...(params.kind ? { kind: params.kind as 'person' } : {}) });
      return {
        edit: (list) => [...list.filter((a) => !(at(span)(a) && isMentionTag(a))), annotation],
        message: `Tagged ${words(span)} as ${tag}${params.kind ? ` (${params.kind})` : ''}.`,
      };
    }
    case 'claim': {
      const span = trimmed(text, range);
      if (span.end <= span.start) return { refused: 'Select the claim’s content first.' };
      if (params.stance !== undefined && !stances.includes(params.stance as Stance))
        return { refused: `Expected a stance (${stances.join(', ')}), not "${params.stance}".` };
      const part = (r: Range | undefined) => {
        const s = r ? trimmed(text, offsets(snapshot, r)) : null;
        return s && s.end > s.start ? quoteTarget(text, s.start, s.end) : undefined;
      };
      const source = part(params.source);
      const cue = part(params.cue);
      const annotation = make(span, {
        tag: 'claim',
        ...(params.stance ? { stance: params.stance as Stance } : {}),
        ...(source ? { source } : {}),
        ...(cue ? { cue } : {}),
      });
      return {
        edit: (list) => [...list.filter((a) => !(at(span)(a) && a.tag === 'claim')), annotation],
        message: `Marked ${words(span)} as a claim${params.stance ? ` (${params.stance})` : ''}.`,
      };
    }
    case 'reject': {
      const found = machineAt(snapshot.machine, range);
      if (!found) return { refused: 'Nothing the machine found is here to reject.' };
      const annotation = make(found.span, { tag: 'none' });
      return {
        edit: (list) => [...list.filter((a) => !at(found.span)(a)), annotation],
        message: `Rejected the ${found.what} ${words(found.span)}.`,
      };
    }
    case 'accept': {
      const found = machineAt(snapshot.machine, range);
      if (!found) return { refused: 'Nothing the machine found is here to accept.' };
      const { claim } = found;
      const parts = {
        ...(claim?.source ? { source: quoteTarget(text, claim.source.start, claim.source.end) } : {}),
        ...(claim?.cue ? { cue: quoteTarget(text, claim.cue.start, claim.cue.end) } : {}),
      };
      const annotation = make(found.span, { ...found.fields, ...parts, accepted: true });
      return {
        edit: (list) => [...list.filter((a) => !at(found.span)(a)), annotation],
        message: `Accepted the ${found.what} ${words(found.span)}; it stays when the model changes.`,
      };
    }
    case 'link':
    case 'unlink': {
      const mention = snapshot.annotation.mentions.find((m) => overlapsOrTouches(m, range));
      if (!mention) return { refused: `Put the cursor on an actor or place to ${params.action} it.` };
      // Unlinked, a mention stands for an entity of its own, named by its words.
      const name =
        params.action === 'unlink'
          ? text.slice(mention.start, mention.end).replace(/\s+/g, ' ')
          : params.entity?.trim();
      if (!name) return { refused: 'Expected the name of the entity to link to.' };
      const annotation = make(mention, { tag: mention.type, kind: mention.kind, entity: name });
      return {
        edit: (list) => [...list.filter((a) => !(at(mention)(a) && isMentionTag(a))), annotation],
        message:
          params.action === 'unlink'
            ? `Unlinked ${words(mention)}: it is an entity of its own.`
            : `Linked ${words(mention)} to ${name}.`,
      };
    }
    case 'remove': {
      const ids = new Set(
        params.id !== undefined
          ? [params.id]
          : snapshot.placed.filter((p) => p.at && overlapsOrTouches(p.at, range)).map((p) => p.annotation.id),
      );
      if (ids.size === 0) return { refused: 'No human annotation is here to remove.' };
      return {
        edit: (list) => list.filter((a) => !ids.has(a.id)),
        message: `Removed ${ids.size} annotation${ids.size === 1 ? '' : 's'}.`,
      };
    }
    default:
      return { refused: `Unknown action "${String(params.action)}".` };
  }
}

function offsets(snapshot: Snapshot, range: Range): Span {
  return { start: toOffset(snapshot.document, range.start), end: toOffset(snapshot.document, range.end) };
}

/** What the machine found at a range: a mention, else an event word, else a claim by its cue or content. */
function machineAt(
  machine: DocumentAnnotation,
  range: Span,
): {
  span: Span;
  what: string;
  fields: Omit<HumanAnnotation, 'id' | 'created' | 'target' | 'creator'>;
  claim?: Claim;
} | null {
  const mention = machine.mentions.find((m) => overlapsOrTouches(m, range));
  if (mention) return { span: mention, what: mention.type, fields: { tag: mention.type, kind: mention.kind } };
  const event = machine.events.find((v) => overlapsOrTouches(v.trigger, range));
  if (event) return { span: event.trigger, what: 'event word', fields: { tag: 'event', eventType: event.type } };
  const claim =
    machine.claims.find((c) => c.cue && overlapsOrTouches(c.cue, range)) ??
    machine.claims.find((c) => c.source !== null && overlapsOrTouches(c.content, range));
  if (!claim) return null;
  return { span: claim.content, what: 'claim', fields: { tag: 'claim', stance: claim.stance }, claim };
}

/** Code actions on a range of an article: reject or accept what the machine found there. */
export function annotationActions(entry: Entry, range: Range): CodeAction[] {
  const snapshot = entry.analysed;
  if (!snapshot) return [];
  const found = machineAt(snapshot.machine, offsets(snapshot, range));
  if (!found) return [];
  const words = snapshot.text.slice(found.span.start, found.span.end).replace(/\s+/g, ' ');
  const short = words.length > 40 ? `${words.slice(0, 39)}…` : words;
  const args = [entry.uri, toRange(snapshot.document, found.span.start, found.span.end)];
  return [
    {
      title: `claimlens: Reject the ${found.what} “${short}”`,
      kind: CodeActionKind.QuickFix,
      command: { title: 'Reject', command: commands.rejectAnnotation, arguments: args },
    },
    {
      title: `claimlens: Accept the ${found.what} “${short}”`,
      kind: CodeActionKind.QuickFix,
      command: { title: 'Accept', command: commands.acceptAnnotation, arguments: args },
    },
  ];
}

/** The human annotations of the given entries, for the explorer: by article, then position. */
export function explorerAnnotations(entries: Iterable<Entry>): ExplorerAnnotation[] {
  const items: ExplorerAnnotation[] = [];
  for (const entry of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const snapshot = entry.analysed;
    if (!snapshot) continue;
    const placed = [...snapshot.placed].sort(
      (a, b) => (a.at?.start ?? Number.MAX_SAFE_INTEGER) - (b.at?.start ?? Number.MAX_SAFE_INTEGER),
    );
    for (const { annotation, at } of placed) {
      items.push({
        id: annotation.id,
        uri: entry.uri,
        label: describeAnnotation(annotation),
        text: annotation.target.exact,
        creator: annotation.creator,
        place: at ? { uri: entry.uri, range: toRange(snapshot.document, at.start, at.end) } : null,
      });
    }
  }
  return items;
}

/** "actor · person", "rejected", "claim · deny", "accepted place · city", "actor → Anders Fogh Rasmussen". */
export function describeAnnotation(annotation: HumanAnnotation): string {
  if (annotation.tag === 'none') return 'rejected';
  const detail = annotation.kind ?? annotation.stance ?? annotation.eventType;
  const label = `${annotation.accepted ? 'accepted ' : ''}${annotation.tag}${detail ? ` · ${detail}` : ''}`;
  return annotation.entity ? `${label} → ${annotation.entity}` : label;
}

function isMentionTag(a: HumanAnnotation): boolean {
  return a.tag === 'actor' || a.tag === 'place' || a.tag === 'none';
}

function overlapsOrTouches(span: Span, range: Span): boolean {
  return range.start === range.end
    ? span.start <= range.start && range.start <= span.end
    : span.start < range.end && range.start < span.end;
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}
