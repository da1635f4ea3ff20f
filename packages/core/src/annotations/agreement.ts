import type { DocumentAnnotation } from '../document.js';
import { overlaps } from '../span.js';
import { anchorTarget } from './anchor.js';
import type { HumanAnnotation } from './model.js';

/** How the machine's output agrees with the human annotations of one type (`actor`, `place`, `claim`, `event`). */
export interface HumanAgreementRow {
  type: 'actor' | 'place' | 'claim' | 'event';
  /** Human annotations of this type that could be placed in the text. */
  human: number;
  /** The machine found the same span with the same type (a claim: the same content). */
  agree: number;
  /** Of those, for actors and places, with the same kind too (a claim: the same stance). */
  sameKind: number;
  /** The machine found a span of this type overlapping it, not the same. */
  overlap: number;
  /** The machine found exactly this span, as the other mention type (an actor a person called a place). */
  otherType: number;
  /** The machine found nothing of this type there. */
  missed: number;
  /** Machine spans of this type a person rejected (`none`). */
  rejected: number;
  /** agree / (human + rejected): of every human judgement about this type, the share the machine got right. */
  agreement: number;
}

export interface HumanAgreementInput {
  text: string;
  /** The machine's annotation, before human annotations were applied. */
  machine: DocumentAnnotation;
  annotations: readonly HumanAnnotation[];
}

export interface HumanAgreement {
  rows: HumanAgreementRow[];
  /** Human annotations that could not be placed in their text, so were not counted. */
  orphaned: number;
  /** Articles with human annotations. */
  articles: number;
}

const types = ['actor', 'place', 'claim', 'event'] as const;

/**
 * How far the machine's output agrees with people's annotations of the same texts, per type. People annotate
 * what they looked at, not every span, so there is no recall over the whole text: each human tag is matched
 * against the machine's spans there, and each rejection counts against the type the machine gave the span.
 */
export function humanAgreement(inputs: readonly HumanAgreementInput[]): HumanAgreement {
  const rows = new Map(
    types.map((type) => [
      type,
      { type, human: 0, agree: 0, sameKind: 0, overlap: 0, otherType: 0, missed: 0, rejected: 0, agreement: 0 },
    ]),
  );
  let orphaned = 0;
  let articles = 0;
  for (const { text, machine, annotations } of inputs) {
    if (annotations.length > 0) articles++;
    for (const annotation of annotations) {
      const at = anchorTarget(text, annotation.target);
      if (!at) {
        orphaned++;
        continue;
      }
      const same = (s: { start: number; end: number }) => s.start === at.start && s.end === at.end;
      if (annotation.tag === 'none') {
        const found = new Set<(typeof types)[number]>();
        for (const m of machine.mentions) if (same(m)) found.add(m.type);
        if (machine.claims.some((c) => same(c.content) || (c.cue && same(c.cue)))) found.add('claim');
        if (machine.events.some((v) => same(v.trigger))) found.add('event');
        for (const type of found) (rows.get(type) as HumanAgreementRow).rejected++;
        continue;
      }
      const row = rows.get(annotation.tag) as HumanAgreementRow;
      row.human++;
      if (annotation.tag === 'actor' || annotation.tag === 'place') {
        const exactly = machine.mentions.filter(same);
        const match = exactly.find((m) => m.type === annotation.tag);
        if (match) {
          row.agree++;
          if (annotation.kind === undefined || annotation.kind === match.kind) row.sameKind++;
        } else if (exactly.length > 0) row.otherType++;
        else if (machine.mentions.some((m) => m.type === annotation.tag && overlaps(m, at))) row.overlap++;
        else row.missed++;
      } else if (annotation.tag === 'claim') {
        const match = machine.claims.find((c) => same(c.content));
        if (match) {
          row.agree++;
          if (annotation.stance === undefined || annotation.stance === match.stance) row.sameKind++;
        } else if (machine.claims.some((c) => overlaps(c.content, at))) row.overlap++;
        else row.missed++;
      } else {
        if (machine.events.some((v) => same(v.trigger))) {
          row.agree++;
          row.sameKind++;
        } else if (machine.events.some((v) => overlaps(v.trigger, at))) row.overlap++;
        else row.missed++;
      }
    }
  }
  for (const row of rows.values()) {
    const judged = row.human + row.rejected;
    row.agreement = judged === 0 ? 0 : row.agree / judged;
  }
  return { rows: [...rows.values()], orphaned, articles };
}

/** A plain-text table of the agreement, for the terminal. */
export function formatAgreement(agreement: HumanAgreement): string {
  const header = ['', 'human', 'agree', 'kind', 'overlap', 'other type', 'missed', 'rejected', 'agreement'];
  const body = agreement.rows.map((r) => [
    r.type,
    ...[r.human, r.agree, r.sameKind, r.overlap, r.otherType, r.missed, r.rejected].map(String),
    r.human + r.rejected === 0 ? '-' : `${(r.agreement * 100).toFixed(1)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [
    line(header),
    ...body.map(line),
    '',
    'agree: the machine found the same span and type (a claim: the same content); kind: and the same kind (a claim:',
    'stance); rejected: machine spans a person rejected; agreement: agree / (human + rejected).',
    `Articles with human annotations: ${agreement.articles}; annotations that no longer fit their text (not counted): ${agreement.orphaned}.`,
  ].join('\n');
}
