import {
  type Agreement,
  type Corpus,
  type CorpusClaim,
  type Dispute,
  type DisputeSource,
  isConflict,
} from '@claimlens/core';
import { clip, count, oneLine, stanceMark, wrap } from './text.js';

/** How many agreements an event lists on the board; `--format json` lists all. */
const agreementsPerEvent = 5;

/**
 * The story board: each event sources disagree or agree on, with every point they differ on (disputes first, then
 * figures that differ but can all hold, then later reports that update earlier ones), each named once with all its
 * positions, the sources behind each and one quote, the outlets that report the event but take no position on the
 * point, and the agreements. Events with more disputes come first.
 */
export function storyBoard(
  corpus: Corpus,
  disputes: readonly Dispute[],
  agreements: readonly Agreement[],
  width: number,
): string[] {
  const byEvent = new Map<string | null, { disputes: Dispute[]; agreements: Agreement[] }>();
  const entry = (event: string | null) => {
    const found = byEvent.get(event) ?? { disputes: [], agreements: [] };
    byEvent.set(event, found);
    return found;
  };
  for (const d of disputes) entry(d.event).disputes.push(d);
  for (const a of agreements) entry(a.event).agreements.push(a);
  const conflicts = (e: { disputes: Dispute[] }) => e.disputes.filter(isConflict).length;
  const events = [...byEvent].sort(
    ([x, a], [y, b]) =>
      Number(x === null) - Number(y === null) ||
      conflicts(b) - conflicts(a) ||
      b.disputes.length - a.disputes.length ||
      b.agreements.length - a.agreements.length,
  );

  const out: string[] = [];
  events.forEach(([id, found], i) => {
    const event = id === null ? undefined : corpus.event(id);
    const outlets = event ? [...new Set(event.mentions.map((m) => outletOf(corpus, m.article)))].sort() : [];
    const title = event
      ? `${i + 1}. ${oneLine(event.label)} (${event.type}) · reported by ${count(outlets.length, 'outlet')}: ${outlets.join(', ')}`
      : `${i + 1}. Claims that share no event`;
    out.push('', ...wrap(title, width, '', '   '));
    const ordered = [...found.disputes].sort(
      (a, b) => Number(isConflict(b)) - Number(isConflict(a)) || b.confidence - a.confidence,
    );
    for (const dispute of ordered) out.push(...disputeLines(corpus, dispute, outlets, width));
    for (const agreement of found.agreements.slice(0, agreementsPerEvent))
      out.push(...wrap(agreementLine(corpus, agreement), width, '   ✓ agree: ', '       '));
    const more = found.agreements.length - agreementsPerEvent;
    if (more > 0) out.push(`   ✓ and ${count(more, 'more agreement')}`);
  });
  return out;
}

/** The mark and heading of each sort of dispute. */
function heading(dispute: Dispute): string {
  const score = `${dispute.id}, confidence ${dispute.confidence.toFixed(2)}`;
  if (dispute.update) return `↻ ${dispute.what}: a later report updates an earlier one (${score})`;
  if (dispute.compatible) return `≈ ${dispute.what}: the accounts differ but can all hold (${score})`;
  return `✗ ${dispute.what}: DISPUTED (${score})`;
}

/** One dispute: its heading, each position with every source and one quote, why, and who is silent on it. */
function disputeLines(corpus: Corpus, dispute: Dispute, eventOutlets: readonly string[], width: number): string[] {
  const lines = ['', ...wrap(heading(dispute), width, '   ', '     ')];
  const speaking = new Set<string>();
  for (const position of dispute.positions) {
    const sources = position.sources.map((s) => {
      speaking.add(s.outlet ?? s.article);
      return sourceLabel(corpus, s, dispute.update === true);
    });
    const value = position.value ? `“${oneLine(position.value)}”` : 'as quoted';
    lines.push(...wrap(`${value} — ${sources.join('; ') || 'no named source'}`, width, '     • ', '         '));
    const first = position.claims.map((id) => corpus.claim(id)).find((c) => c !== undefined);
    if (first) lines.push(...wrap(quote(corpus, first), width, '         ', '         '));
  }
  lines.push(...wrap(`why: ${dispute.explanation}`, width, '     ', '          '));
  const silent = eventOutlets.filter((o) => !speaking.has(o));
  if (silent.length > 0) lines.push(...wrap(`no position here: ${silent.join(', ')}`, width, '     ', '       '));
  return lines;
}

/** A source as a reader names it: who, in which outlet (and on which date, for an update). */
function sourceLabel(corpus: Corpus, source: DisputeSource, dated: boolean): string {
  const date = dated ? corpus.article(source.article)?.date : null;
  return `${oneLine(source.name)} (${source.outlet ?? source.article}${date ? `, ${date}` : ''})`;
}

/** What one claim says, clipped, with its stance when it is not a plain assertion and where it was said. */
function quote(corpus: Corpus, claim: CorpusClaim): string {
  return `${stanceMark(claim)}“${clip(claim.content.text, 200)}” (${outletOf(corpus, claim.article)})`;
}

function agreementLine(corpus: Corpus, agreement: Agreement): string {
  if (agreement.explanation) return oneLine(agreement.explanation);
  return agreement.claims
    .map((id) => corpus.claim(id))
    .filter((c): c is CorpusClaim => c !== undefined)
    .map((c) => outletOf(corpus, c.article))
    .join(' and ');
}

export function outletOf(corpus: Corpus, article: string): string {
  return corpus.article(article)?.outlet ?? article;
}
