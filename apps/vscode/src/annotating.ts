import {
  type AnnotateParams,
  type AnnotateResult,
  annotateRequest,
  type ExplorerAnnotation,
  type Location,
  restoreAnnotationsRequest,
} from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { spanOf, type Word, wordsAroundClaim } from './claim-parts.js';
import type { ExplorerModel } from './explorer.js';
import { isArticle } from './highlights.js';

const actorKinds = ['person', 'organization', 'government', 'group'];
const placeKinds = ['country', 'region', 'city', 'settlement', 'location'];
const stances = ['assert', 'deny', 'accuse', 'hedge', 'conditional', 'question'];
const canUndo = 'claimlens.canUndoAnnotation';
const canRedo = 'claimlens.canRedoAnnotation';

/** One annotation change of an article: its annotations file before and after, and the article's text then. */
interface Change {
  text: string;
  before: string | null;
  after: string | null;
}

/**
 * The editor's annotation commands: each sends one `annotate` request for the active article's selection.
 *
 * Undo: VS Code keeps one undo history per text document, and an annotation lives in another file
 * (`.claimlens/annotations/…`), so each article keeps a history of its annotation changes here, each with the
 * article's text when it was made. The editor's undo and redo keys (`Ctrl+Z`, `Ctrl+Shift+Z`, `Ctrl+Y`) take an
 * annotation change back, or do it again, when the article's text is what it was then; otherwise the keys
 * undo and redo the text as usual. So text edits and annotation changes are undone in the order they were made.
 */
export class Annotating implements vscode.Disposable {
  readonly #client: LanguageClient;
  readonly #history = new Map<string, { undo: Change[]; redo: Change[] }>();
  readonly #subscriptions: vscode.Disposable[];

  constructor(client: LanguageClient) {
    this.#client = client;
    this.#subscriptions = [
      vscode.workspace.onDidChangeTextDocument(function didChangeText(this: Annotating, change) {
        const history = this.#history.get(change.document.uri.toString());
        if (!history || change.contentChanges.length === 0) return;
        // A new edit (not an undo or redo of the text) ends what could be redone, as the editor's own redo.
        if (change.reason === undefined) history.redo.length = 0;
        void this.#setContext();
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
   * and cue, and the user says which is which. With one selection, the user picks the source's words, then the
   * cue's, from the words of the sentence around the content (none picked: no source, or no cue).
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
    } else {
      const picked = await pickSourceAndCue(editor.document, content);
      if (!picked) return;
      if (picked.source) fields.source = this.#client.code2ProtocolConverter.asRange(picked.source);
      if (picked.cue) fields.cue = this.#client.code2ProtocolConverter.asRange(picked.cue);
    }
    const stance = await vscode.window.showQuickPick(stances, { title: 'claimlens: mark a claim — its stance' });
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
    if (editor) await this.#send(editor, { action: 'unlink' });
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

  /** Take back the active article's last annotation change (the editor's undo, when the text is as it was then). */
  async undo(): Promise<void> {
    await this.#step('undo');
  }

  /** Make the last annotation change taken back again (the editor's redo, when the text is as it was then). */
  async redo(): Promise<void> {
    await this.#step('redo');
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
    if (result.undo && result.redo) {
      const history = this.#history.get(params.uri) ?? { undo: [], redo: [] };
      history.undo.push({ text: editor.document.getText(), before: result.undo.content, after: result.redo.content });
      history.redo.length = 0;
      this.#history.set(params.uri, history);
    }
    await this.#setContext();
    vscode.window.setStatusBarMessage(`claimlens: ${result.message}`, 4000);
  }

  async #step(direction: 'undo' | 'redo'): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const history = document && this.#history.get(document.uri.toString());
    const from = history?.[direction];
    const change = from?.[from.length - 1];
    if (!document || !history || !change || change.text !== document.getText()) {
      // The key reached us before the editor heard that the text changed (the context key lags a keystroke):
      // it was meant for the text, so undo or redo the text.
      await vscode.commands.executeCommand(direction);
      return;
    }
    from.pop();
    (direction === 'undo' ? history.redo : history.undo).push(change);
    const content = direction === 'undo' ? change.before : change.after;
    const result = await this.#client.sendRequest<AnnotateResult>(restoreAnnotationsRequest.method, {
      uri: document.uri.toString(),
      content,
    });
    await this.#setContext();
    vscode.window.setStatusBarMessage(
      `claimlens: ${direction === 'undo' ? result.message : 'Annotation change done again.'}`,
      4000,
    );
  }

  /** Whether the active article's last annotation change can be taken back, or done again, at its text now. */
  async #setContext(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const history = document && this.#history.get(document.uri.toString());
    const text = document?.getText();
    const atText = (changes: Change[] | undefined) => changes?.[changes.length - 1]?.text === text;
    await vscode.commands.executeCommand('setContext', canUndo, atText(history?.undo));
    await vscode.commands.executeCommand('setContext', canRedo, atText(history?.redo));
  }
}

/**
 * The source and cue of a claim whose content is `content`, picked in two steps from the words around it (each may be
 * left empty). Undefined when the user cancels.
 */
async function pickSourceAndCue(
  document: vscode.TextDocument,
  content: vscode.Range,
): Promise<{ source?: vscode.Range; cue?: vscode.Range } | undefined> {
  const text = document.getText();
  const words = wordsAroundClaim(text, document.offsetAt(content.start), document.offsetAt(content.end));
  const range = (span: { start: number; end: number } | null) =>
    span ? new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)) : undefined;
  const pick = async (step: string, from: Word[]) => {
    const items = from.map((word) => ({
      label: word.text,
      description: `…${text.slice(Math.max(0, word.start - 25), word.end + 25).replace(/\s+/g, ' ')}…`,
      word,
    }));
    const chosen = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      matchOnDescription: false,
      title: `claimlens: mark a claim — ${step}`,
      placeHolder: 'Tick its words (from the first to the last is taken); tick none if there is none',
    });
    return chosen?.map((item) => item.word);
  };
  const source = await pick('the source: who says it', words);
  if (!source) return undefined;
  const sourceSpan = spanOf(source);
  const rest = words.filter((w) => !sourceSpan || w.end <= sourceSpan.start || w.start >= sourceSpan.end);
  const cue = await pick('the cue: the words that report it, as “told”, “according to”', rest);
  if (!cue) return undefined;
  const picked: { source?: vscode.Range; cue?: vscode.Range } = {};
  const sourceRange = range(sourceSpan);
  const cueRange = range(spanOf(cue));
  if (sourceRange) picked.source = sourceRange;
  if (cueRange) picked.cue = cueRange;
  return picked;
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

async function openArticle(uri: string, place: Location | null): Promise<vscode.TextEditor> {
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
