import {
  type AnnotateParams,
  type AnnotateResult,
  annotateRequest,
  type ExplorerAnnotation,
  type Place,
  restoreAnnotationsRequest,
} from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExplorerModel } from './explorer.js';
import { isArticle } from './highlights.js';

const actorKinds = ['person', 'organization', 'government', 'group'];
const placeKinds = ['country', 'region', 'city', 'settlement', 'location'];
const stances = ['assert', 'deny', 'accuse', 'hedge', 'conditional', 'question'];
const canUndo = 'claimlens.canUndoAnnotation';

/**
 * The editor's annotation commands: each sends one `annotate` request for the active article's selection, and
 * keeps what the annotations file was before, so that the editor's undo (while the text is not edited after the
 * command) takes the change back.
 */
export class Annotating implements vscode.Disposable {
  readonly #client: LanguageClient;
  readonly #undo: { uri: string; content: string | null }[] = [];
  readonly #subscriptions: vscode.Disposable[];

  constructor(client: LanguageClient) {
    this.#client = client;
    this.#subscriptions = [
      vscode.workspace.onDidChangeTextDocument(function didChangeText(this: Annotating, change) {
        if (change.contentChanges.length > 0 && this.#undo.some((u) => u.uri === change.document.uri.toString()))
          this.#clear();
      }, this),
      vscode.window.onDidChangeActiveTextEditor(function didChangeEditor(this: Annotating) {
        void this.#setContext();
      }, this),
    ];
  }

  /** Tag the selection as an actor or a place, with a kind picked from a list. */
  async tag(tag: 'actor' | 'place'): Promise<void> {
    const editor = articleEditor();
    if (!editor || !hasSelection(editor)) return;
    const kind = await vscode.window.showQuickPick(tag === 'actor' ? actorKinds : placeKinds, {
      title: `claimlens: tag “${short(editor.document.getText(editor.selection))}” as ${tag === 'actor' ? 'an actor' : 'a place'} — kind`,
    });
    if (!kind) return;
    await this.#send(editor, { action: 'tag', tag, kind });
  }

  /**
   * Mark a claim: the selection is its content. With more selections (multi-cursor), the others are its source
   * and cue, and the user says which is which.
   */
  async markClaim(): Promise<void> {
    const editor = articleEditor();
    if (!editor || !hasSelection(editor)) return;
    const parts = editor.selections.filter((s) => !s.isEmpty);
    const content = parts.reduce((a, b) =>
      editor.document.offsetAt(b.end) - editor.document.offsetAt(b.start) >
      editor.document.offsetAt(a.end) - editor.document.offsetAt(a.start)
        ? b
        : a,
    );
    const others = parts.filter((s) => s !== content).slice(0, 2);
    const fields: Partial<AnnotateParams> = {};
    if (others.length > 0) {
      const text = (s: vscode.Selection) => `“${short(editor.document.getText(s))}”`;
      const source = await vscode.window.showQuickPick(
        [
          ...others.map((s) => ({ label: text(s), selection: s as vscode.Selection | null })),
          { label: 'none of these', selection: null },
        ],
        { title: 'claimlens: which selection names the source (who says it)?' },
      );
      if (!source) return;
      if (source.selection) fields.source = this.#client.code2ProtocolConverter.asRange(source.selection);
      const cue = others.find((s) => s !== source.selection);
      if (cue) fields.cue = this.#client.code2ProtocolConverter.asRange(cue);
    }
    const stance = await vscode.window.showQuickPick(stances, { title: 'claimlens: the claim’s stance' });
    if (!stance) return;
    await this.#send(editor, { action: 'claim', stance, ...fields }, content);
  }

  /** Reject (or accept) what the machine found at the cursor, or at a range given by a code action. */
  async judge(action: 'reject' | 'accept', uri?: string, range?: AnnotateParams['range']): Promise<void> {
    const editor = articleEditor(uri);
    if (!editor) return;
    const selection = range ? this.#client.protocol2CodeConverter.asRange(range) : editor.selection;
    await this.#send(editor, { action }, selection);
  }

  /** Link the mention at the cursor to an entity of the corpus, or to a new one. */
  async link(model: ExplorerModel): Promise<void> {
    const editor = articleEditor();
    if (!editor) return;
    await model.refresh();
    const entities = [...model.data.actors, ...model.data.places];
    const fresh = '$(add) New entity…';
    const picked = await vscode.window.showQuickPick(
      [{ label: fresh, description: '' }, ...entities.map((e) => ({ label: e.name, description: e.detail }))],
      { title: 'claimlens: link this mention to', matchOnDescription: true },
    );
    if (!picked) return;
    const entity =
      picked.label === fresh
        ? await vscode.window.showInputBox({
            title: 'claimlens: the new entity’s name',
            prompt: 'A name of its own starts a new entity.',
          })
        : picked.label;
    if (!entity) return;
    await this.#send(editor, { action: 'link', entity });
  }

  /** Unlink the mention at the cursor from a wrong merge: it becomes an entity of its own, named by its words. */
  async unlink(): Promise<void> {
    const editor = articleEditor();
    if (!editor) return;
    const range = editor.document.getWordRangeAtPosition(editor.selection.active) ?? editor.selection;
    const entity = await vscode.window.showInputBox({
      title: 'claimlens: unlink — the name of the entity this mention stands for alone',
      value: editor.document.getText(editor.selection.isEmpty ? range : editor.selection),
    });
    if (!entity) return;
    await this.#send(editor, { action: 'link', entity });
  }

  /** Remove the human annotations at the cursor, or one picked in the explorer. */
  async remove(item?: { annotation?: ExplorerAnnotation }): Promise<void> {
    const annotation = item?.annotation;
    if (annotation) {
      const editor = await openArticle(annotation.uri, annotation.place);
      if (editor) await this.#send(editor, { action: 'remove', id: annotation.id });
      return;
    }
    const editor = articleEditor();
    if (editor) await this.#send(editor, { action: 'remove' });
  }

  /** Take back the last annotation change (bound to the editor's undo while the text is unchanged since). */
  async undo(): Promise<void> {
    const last = this.#undo.pop();
    await this.#setContext();
    if (!last) return;
    const result = await this.#client.sendRequest<AnnotateResult>(restoreAnnotationsRequest.method, last);
    vscode.window.setStatusBarMessage(`claimlens: ${result.message}`, 4000);
  }

  dispose(): void {
    for (const s of this.#subscriptions) s.dispose();
  }

  async #send(editor: vscode.TextEditor, fields: Partial<AnnotateParams>, selection?: vscode.Range): Promise<void> {
    const params: AnnotateParams = {
      uri: editor.document.uri.toString(),
      version: editor.document.version,
      range: this.#client.code2ProtocolConverter.asRange(selection ?? editor.selection),
      action: 'tag',
      ...fields,
    };
    const result = await this.#client.sendRequest<AnnotateResult>(annotateRequest.method, params);
    if (!result.done) {
      void vscode.window.showWarningMessage(`claimlens: ${result.message}`);
      return;
    }
    if (result.undo) this.#undo.push(result.undo);
    await this.#setContext();
    vscode.window.setStatusBarMessage(`claimlens: ${result.message}`, 4000);
  }

  #clear(): void {
    this.#undo.length = 0;
    void this.#setContext();
  }

  async #setContext(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const last = this.#undo[this.#undo.length - 1];
    await vscode.commands.executeCommand('setContext', canUndo, last !== undefined && last.uri === active);
  }
}

/** The active editor when it shows an article (or the article `uri`). */
function articleEditor(uri?: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticle(editor.document) && (uri === undefined || editor.document.uri.toString() === uri))
    return editor;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (visible) return visible;
  void vscode.window.showWarningMessage('claimlens: open an article (plain text or Markdown) to annotate it.');
  return undefined;
}

async function openArticle(uri: string, place: Place | null): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document);
  if (place) {
    const { start, end } = place.range;
    editor.selection = new vscode.Selection(start.line, start.character, end.line, end.character);
  }
  return editor;
}

function hasSelection(editor: vscode.TextEditor): boolean {
  if (editor.selections.some((s) => !s.isEmpty)) return true;
  void vscode.window.showWarningMessage('claimlens: select the words first.');
  return false;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
