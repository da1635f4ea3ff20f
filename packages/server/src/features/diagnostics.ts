import { type CorpusClaim, type Dispute, isConflict } from '@claimlens/core';
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  DiagnosticSeverity,
} from 'vscode-languageserver-types';
import { toRange } from '../positions.js';
import { commands, type Location, type Settings } from '../protocol.js';
import type { CorpusState, Entry } from '../workspace.js';
import { type FindingFilter, findingKey, positionClaims, shownDisputes } from './findings.js';
import { articleLabel, claimPlace, shorten } from './lookup.js';

/** What a dispute diagnostic carries for its code actions: its key, and the first claim of another position. */
export interface FindingData {
  key: string;
  other: Location | null;
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * Diagnostics per document uri: in each article that takes a side in a dispute shown, one on the first claim it
 * holds in it, naming every position and its sources, with `relatedInformation` pointing at every claim of the
 * other positions; plus a warning on files whose analysis failed or that were read with problems, and on each
 * human annotation that no longer fits its text (where it was). Differing accounts that can all hold, and updates,
 * are hints.
 */
export function diagnostics(
  state: CorpusState | null,
  entries: Iterable<Entry>,
  severity: Settings['diagnostics']['severity'],
  filter: FindingFilter,
): Map<string, Diagnostic[]> {
  const result = new Map<string, Diagnostic[]>();
  const push = (uri: string, diagnostic: Diagnostic) => result.set(uri, [...(result.get(uri) ?? []), diagnostic]);
  for (const entry of entries) {
    result.set(entry.uri, []);
    const start = { line: 0, character: 0 };
    if (entry.failure) {
      push(entry.uri, {
        range: { start, end: start },
        severity: DiagnosticSeverity.Warning,
        source: 'claimlens',
        code: entry.failure.code,
        message: entry.failure.reason,
      });
    }
    const snapshot = entry.analysed;
    for (const orphan of snapshot?.orphans ?? []) {
      const at = orphan.start !== undefined && snapshot ? toRange(snapshot.document, orphan.start, orphan.start) : null;
      push(entry.uri, {
        range: at ?? { start, end: start },
        severity: DiagnosticSeverity.Warning,
        source: 'claimlens',
        code: orphan.code,
        message: orphan.reason,
      });
    }
    for (const message of entry.readMessages) {
      if (message.severity === 'info') continue;
      push(entry.uri, {
        range: { start, end: start },
        severity: DiagnosticSeverity.Warning,
        source: 'claimlens',
        code: message.code,
        message: message.reason,
      });
    }
  }
  if (!state || severity === 'off') return result;
  for (const dispute of shownDisputes(state, filter)) {
    const key = findingKey(state, dispute);
    const claims = positionClaims(state, dispute);
    // per article, the first claim it holds in the dispute and that claim's position
    const firstIn = new Map<string, { claim: CorpusClaim; position: number }>();
    claims.forEach((list, position) => {
      for (const claim of list) if (!firstIn.has(claim.article)) firstIn.set(claim.article, { claim, position });
    });
    const message = disputeMessage(state, dispute);
    for (const [article, { claim, position }] of firstIn) {
      const found = state.articles.get(article);
      if (!found) continue;
      const related: DiagnosticRelatedInformation[] = [];
      claims.forEach((list, other) => {
        if (other === position) return;
        for (const c of list) {
          const place = related.length < maxRelated ? claimPlace(state, c) : null;
          if (place)
            related.push({ location: place, message: relatedMessage(state, c, dispute.positions[other]?.value) });
        }
      });
      const data: FindingData = { key, other: related[0]?.location ?? null };
      const diagnostic: Diagnostic = {
        range: toRange(found.snapshot.document, claim.content.start, claim.content.end),
        severity: isConflict(dispute) ? severities[severity] : DiagnosticSeverity.Hint,
        source: 'claimlens',
        code: `dispute/${dispute.facet}`,
        message,
        data,
      };
      if (related.length > 0) diagnostic.relatedInformation = related;
      push(found.uri, diagnostic);
    }
  }
  return result;
}

/** How many claims of the other positions one diagnostic links to, at most. */
const maxRelated = 50;

/**
 * One line naming the dispute, every position and the sources behind each:
 * "Disputed — how many: “40” (Maria Okafor, Harbor Daily) vs “120” (Tom Reyes, gazette). Why."
 */
export function disputeMessage(state: CorpusState, dispute: Dispute): string {
  const sort = dispute.update ? 'Updated' : dispute.compatible ? 'Differing accounts that can all hold' : 'Disputed';
  const positions = dispute.positions.map((p) => {
    const who = p.sources.map((s) => `${s.name}, ${state.outlet(s.article)}`).join('; ');
    return `“${p.value || 'as quoted'}” (${who || 'no named source'})`;
  });
  return `${sort} — ${dispute.what}: ${positions.join(' vs ')}. ${dispute.explanation}`;
}

function relatedMessage(state: CorpusState, claim: CorpusClaim, value: string | undefined): string {
  const speaker = state.corpus.speakerName(claim);
  return `${articleLabel(state, claim.article)}${speaker ? ` (${speaker})` : ''}${value ? `, “${value}”` : ''}: “${shorten(claim.content.text)}”`;
}

/** Code actions for claimlens diagnostics: open the other side beside, dismiss the finding. */
export function codeActions(context: { diagnostics: Diagnostic[] }): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics) {
    if (diagnostic.source !== 'claimlens' || !isFindingData(diagnostic.data)) continue;
    const { key, other } = diagnostic.data;
    if (other) {
      actions.push({
        title: 'Open the other side beside',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Open the other side beside', command: commands.openPlace, arguments: [other, true] },
      });
    }
    actions.push({
      title: 'Dismiss this finding',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Dismiss this finding', command: commands.dismissFinding, arguments: [key] },
    });
  }
  return actions;
}

function isFindingData(data: unknown): data is FindingData {
  return data !== null && typeof data === 'object' && typeof (data as FindingData).key === 'string';
}
