import { type HighlightKind, type HighlightsResult, highlightsRequest } from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** How each kind of highlight looks; colours are themable (`contributes.colors`). */
export const decorationStyles: Record<HighlightKind, vscode.DecorationRenderOptions> = {
  actor: { backgroundColor: new vscode.ThemeColor('claimlens.actorBackground'), borderRadius: '2px' },
  place: { backgroundColor: new vscode.ThemeColor('claimlens.placeBackground'), borderRadius: '2px' },
  source: { color: new vscode.ThemeColor('claimlens.sourceForeground'), fontWeight: '600' },
  cue: { color: new vscode.ThemeColor('claimlens.cueForeground'), fontWeight: 'bold' },
  content: { backgroundColor: new vscode.ThemeColor('claimlens.contentBackground') },
  ownVoice: { backgroundColor: new vscode.ThemeColor('claimlens.ownVoiceBackground') },
  event: {
    borderStyle: 'dotted',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('claimlens.eventBorder'),
  },
  human: {
    borderStyle: 'solid',
    borderWidth: '1px',
    borderRadius: '2px',
    borderColor: new vscode.ThemeColor('claimlens.humanBorder'),
    overviewRulerColor: new vscode.ThemeColor('claimlens.humanBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  },
  contradiction: {
    textDecoration: 'underline wavy var(--vscode-claimlens-contradictionForeground)',
    overviewRulerColor: new vscode.ThemeColor('claimlens.contradictionForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  },
};

const order: HighlightKind[] = [
  'ownVoice',
  'content',
  'actor',
  'place',
  'source',
  'cue',
  'event',
  'human',
  'contradiction',
];

/**
 * Draws the server's highlights as decorations. Each request carries a generation per document; a reply for an
 * older generation, or for another version of the document than the one shown, is dropped.
 */
export class Highlighter implements vscode.Disposable {
  readonly #client: LanguageClient;
  readonly #types = new Map<HighlightKind, vscode.TextEditorDecorationType>();
  readonly #generations = new Map<string, number>();

  constructor(client: LanguageClient) {
    this.#client = client;
    for (const kind of order)
      this.#types.set(kind, vscode.window.createTextEditorDecorationType(decorationStyles[kind]));
  }

  /** Refresh every visible editor that shows `uri` (or all visible editors). */
  didChangeHighlights(uri?: string): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (uri === undefined || editor.document.uri.toString() === uri) void this.refresh(editor.document);
    }
  }

  /** Take every highlight off the visible editors (the analysis was turned off). */
  clear(): void {
    this.#generations.clear();
    for (const editor of vscode.window.visibleTextEditors)
      for (const type of this.#types.values()) editor.setDecorations(type, []);
  }

  async refresh(document: vscode.TextDocument): Promise<void> {
    // A request would start a server that is not running (the language client starts on demand): a folder that did
    // not ask for analysis gets none.
    if (!isArticle(document) || !this.#client.isRunning()) return;
    const uri = document.uri.toString();
    const generation = (this.#generations.get(uri) ?? 0) + 1;
    this.#generations.set(uri, generation);
    let result: HighlightsResult;
    try {
      result = await this.#client.sendRequest<HighlightsResult>(highlightsRequest.method, { uri });
    } catch {
      return;
    }
    if (this.#generations.get(uri) !== generation) return;
    if (result.version !== null && result.version !== document.version) return;
    const byKind = new Map<HighlightKind, vscode.Range[]>(order.map((k) => [k, []]));
    for (const h of result.highlights) byKind.get(h.kind)?.push(this.#client.protocol2CodeConverter.asRange(h.range));
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri) continue;
      for (const [kind, type] of this.#types) editor.setDecorations(type, byKind.get(kind) ?? []);
    }
  }

  dispose(): void {
    for (const type of this.#types.values()) type.dispose();
    this.#types.clear();
  }
}

export function isArticle(document: vscode.TextDocument): boolean {
  return document.languageId === 'plaintext' || document.languageId === 'markdown';
}
