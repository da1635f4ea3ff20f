import type { Span } from '../span.js';
import type { ImportedClaim, ImportedDocument, ImportedMention } from './imported.js';
import { offsetConverter } from './offsets.js';

/** What `toBrat` writes: entity mentions and claims of one text (a `DocumentAnnotation` fits). */
export interface BratInput {
  mentions: readonly (Span & { type: string; kind?: string; entity?: string; origin?: string })[];
  claims: readonly {
    id?: string;
    source: Span | null;
    cue: Span | null;
    content: Span;
    stance?: string;
    negated?: boolean;
    origin?: string;
  }[];
}

const claimRoles = new Set(['Source', 'Cue', 'Content', 'Attribution', 'Attribution-no-source']);
const ignoredLabels = new Set(['Discuss', 'Discard']);

/**
 * brat standoff (.ann) for one text, as PolNeAR writes attributions: per claim `Source`, `Cue` and `Content`
 * text-bound annotations and an `Attribution` event (`Attribution-no-source` without a source) whose trigger is
 * the cue; entity mentions as `Actor`/`Place` text-bound annotations with a `Kind` attribute, the claim's stance as
 * a `Stance` attribute, a negated content as a `Negated` attribute, the entity id as an annotator note, and
 * `Origin human` on what a person tagged or confirmed (docs/annotations.md).
 * Offsets are counted in Unicode code points, as brat counts them; a span that crosses a line break is written as
 * fragments (`start end;start end`), as brat requires.
 */
export function toBrat(text: string, input: BratInput): string {
  const convert = offsetConverter(text);
  const lines: string[] = [];
  let t = 0;
  let e = 0;
  let a = 0;
  let n = 0;
  // brat cannot hold a span made only of line breaks; such a part is left out (a claim without content is dropped).
  const writable = (span: Span | null): span is Span =>
    span !== null && /[^\r\n]/.test(text.slice(span.start, span.end));
  const textBound = (label: string, span: Span): string => {
    const id = `T${++t}`;
    const pieces = fragments(text, span.start, span.end);
    const offsets = pieces.map(([s, end]) => `${convert.toCodePoint(s)} ${convert.toCodePoint(end)}`).join(';');
    lines.push(`${id}\t${label} ${offsets}\t${pieces.map(([s, end]) => text.slice(s, end)).join(' ')}`);
    return id;
  };
  for (const mention of input.mentions) {
    if (!writable(mention)) continue;
    const id = textBound(capitalise(mention.type), mention);
    if (mention.kind) lines.push(`A${++a}\tKind ${id} ${mention.kind}`);
    if (mention.origin === 'human') lines.push(`A${++a}\tOrigin ${id} human`);
    if (mention.entity) lines.push(`#${++n}\tAnnotatorNotes ${id}\t${mention.entity}`);
  }
  for (const claim of input.claims) {
    if (!writable(claim.content)) continue;
    const roles: string[] = [];
    const source = writable(claim.source) ? textBound('Source', claim.source) : null;
    const cue = writable(claim.cue) ? textBound('Cue', claim.cue) : null;
    const content = textBound('Content', claim.content);
    const label = source ? 'Attribution' : 'Attribution-no-source';
    const trigger = textBound(label, cue && writable(claim.cue) ? claim.cue : claim.content);
    roles.push(`${label}:${trigger}`, `Content:${content}`);
    if (cue) roles.push(`Cue:${cue}`);
    if (source) roles.push(`Source:${source}`);
    const event = `E${++e}`;
    lines.push(`${event}\t${roles.join(' ')}`);
    if (claim.stance) lines.push(`A${++a}\tStance ${event} ${claim.stance}`);
    if (claim.negated) lines.push(`A${++a}\tNegated ${event}`);
    if (claim.origin === 'human') lines.push(`A${++a}\tOrigin ${event} human`);
    if (claim.id) lines.push(`#${++n}\tAnnotatorNotes ${event}\t${claim.id}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * Read a brat .ann file: `Attribution` events become claims (source, cue, content), other text-bound annotations
 * become mentions typed by their label in lower case (`Actor` → `actor`), with a `Kind` attribute when present.
 * A discontinuous span is read as the stretch from its first to its last fragment. With the text, offsets are
 * converted from code points to UTF-16 and span texts sliced from it; without it, offsets are kept as written.
 * Malformed lines are skipped and counted in `skipped`.
 */
export function parseBrat(ann: string, id: string, text?: string): ImportedDocument & { skipped: number } {
  const convert = text === undefined ? null : offsetConverter(text);
  const spans = new Map<string, { label: string; span: Span }>();
  const kinds = new Map<string, string>();
  const stances = new Map<string, string>();
  const events: { roles: Map<string, string> }[] = [];
  let skipped = 0;
  for (const raw of ann.split(/\r?\n/)) {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const [key = '', body = '', ...rest] = line.split('\t');
    const spanText = rest.join('\t');
    if (key.startsWith('T')) {
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!match) {
        skipped++;
        continue;
      }
      const numbers = (match[2] ?? '').split(/[ ;]/).map(Number);
      let start = Math.min(...numbers);
      let end = Math.max(...numbers);
      if (convert) [start, end] = [convert.toUtf16(start), convert.toUtf16(end)];
      if (text !== undefined && (end > text.length || start > end)) {
        skipped++;
        continue;
      }
      spans.set(key, {
        label: match[1] ?? '',
        span: { start, end, text: text === undefined ? spanText : text.slice(start, end) },
      });
    } else if (key.startsWith('E')) {
      const roles = new Map<string, string>();
      for (const part of body.split(' ')) {
        const [role, target] = part.split(':');
        if (role && target) roles.set(role.replace(/\d+$/, ''), target);
      }
      events.push({ roles });
    } else if (key.startsWith('A') || key.startsWith('M')) {
      const [name, target, value] = body.split(' ');
      if (name === 'Kind' && target && value) kinds.set(target, value);
      if (name === 'Stance' && target && value) stances.set(target, value);
    } else if (!/^[RN*]/.test(key)) {
      skipped++;
    }
  }
  const mentions: ImportedMention[] = [];
  for (const [key, { label, span }] of spans) {
    if (claimRoles.has(label) || ignoredLabels.has(label)) continue;
    mentions.push({ ...span, type: label.toLowerCase(), kind: kinds.get(key) ?? null });
  }
  const claims: ImportedClaim[] = [];
  const eventKeys = [...ann.matchAll(/^(E\d+)\t/gm)].map((m) => m[1] ?? '');
  events.forEach(({ roles }, i) => {
    const trigger = roles.get('Attribution') ?? roles.get('Attribution-no-source');
    const content = roles.get('Content');
    if (!trigger || !content) return;
    const contentSpan = spans.get(content)?.span;
    if (!contentSpan) return;
    const source = roles.get('Source');
    const cue = roles.get('Cue');
    claims.push({
      source: source ? (spans.get(source)?.span ?? null) : null,
      cue: cue ? (spans.get(cue)?.span ?? null) : null,
      content: contentSpan,
      stance: stances.get(eventKeys[i] ?? '') ?? null,
    });
  });
  return { id, mentions: mentions.sort((x, y) => x.start - y.start), claims, skipped };
}

/** The pieces of `start..end` between line breaks, without empty pieces. */
function fragments(text: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  let at = start;
  for (const m of text.slice(start, end).matchAll(/[\r\n]+/g)) {
    const breakStart = start + (m.index ?? 0);
    if (breakStart > at) pieces.push([at, breakStart]);
    at = breakStart + m[0].length;
  }
  if (end > at) pieces.push([at, end]);
  return pieces.length > 0 ? pieces : [[start, end]];
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
