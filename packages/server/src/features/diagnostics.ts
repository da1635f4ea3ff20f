import { type CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { toRange } from '../positions.js';
import { commands, type Place, type Settings } from '../protocol.js';
import type { CorpusState, Entry } from '../workspace.js';
import { findingKey } from './findings.js';
import { articleLabel, claimPlace, shorten } from './lookup.js';

/** What a contradiction diagnostic carries for its code actions. */
export interface FindingData {
  key: string;
  other: Place | null;
}

const severities = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * Diagnostics per document uri: one per side of each contradiction not dismissed, pointing at the other side
 * through `relatedInformation`; plus a warning on files whose analysis failed or that were read with problems, and
 * on each human annotation that no longer fits its text (where it was).
 */
export function diagnostics(
  state: CorpusState | null,
  entries: Iterable<Entry>,
  severity: Settings['diagnostics']['severity'],
  dismissed: ReadonlySet<string>,
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
  for (const contradiction of state.corpus.contradictions) {
    const key = findingKey(state, contradiction);
    if (dismissed.has(key)) continue;
    const [a, b] = contradiction.claims.map((id) => state.corpus.claim(id));
    if (!a || !b) continue;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const found = state.articles.get(self.article);
      if (!found) continue;
      const otherPlace = claimPlace(state, other);
      const speaker = other.speaker
        ? (state.corpus.entity(other.speaker)?.name ?? other.source?.text)
        : other.source?.text;
      const data: FindingData = { key, other: otherPlace };
      const diagnostic: Diagnostic = {
        range: toRange(found.snapshot.document, self.content.start, self.content.end),
        severity: severities[severity],
        source: 'claimlens',
        code: `contradiction/${contradiction.kind}`,
        // Two speakers of one article: name the other speaker, not the article the reader is in.
        message:
          other.article === self.article && speaker
            ? `Contradicted in this article by ${speaker}: ${contradiction.explanation}`
            : `Contradicted by ${articleLabel(state, other.article)}${speaker ? ` (${speaker})` : ''}: ${contradiction.explanation}`,
        data,
      };
      if (otherPlace) {
        diagnostic.relatedInformation = [
          { location: otherPlace, message: `${articleLabel(state, other.article)}: “${shorten(other.content.text)}”` },
        ];
      }
      push(found.uri, diagnostic);
    }
  }
  return result;
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
