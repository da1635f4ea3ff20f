import { type StoryModelResult, storyRequest } from '@claimlens/server/protocol';
import { firstRows, packView, splitPassages, type ViewName, webviewHtml } from '@claimlens/views/page';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const titles: Record<ViewName, string> = {
  board: 'claimlens: Story Board',
  timeline: 'claimlens: Timeline',
  map: 'claimlens: Map',
};

/** What a view's page sends: it is ready for the model, the reader opened a passage, or it needs a claim's passage. */
type PageMessage =
  | { type: 'ready' }
  | { type: 'rest'; generation: number }
  | { type: 'open'; article: string; start: number; end: number }
  | { type: 'passage'; index: number; generation: number };

/**
 * The story board, timeline and map as webview panels, one per view, drawn by the same app as the HTML report
 * (`@claimlens/views`). Each gets the workspace's story model from the server when it opens and again whenever
 * the corpus changes; a newer request supersedes an older one. A page that opens gets the board's first rows
 * first and asks for the rest once it has painted them; it never gets the passages, but asks for a claim's
 * passage when the reader opens it.
 */
export class StoryPanels implements vscode.Disposable {
  readonly #client: LanguageClient;
  readonly #panels = new Map<ViewName, vscode.WebviewPanel>();
  #model: StoryModelResult = null;
  /** Counts requests for the model; the one the pages have is `#posted`. */
  #generation = 0;
  #posted = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(client: LanguageClient) {
    this.#client = client;
  }

  /** Show a view: reveal its panel, or open one beside the editor. */
  show(view: ViewName): void {
    const open = this.#panels.get(view);
    if (open) {
      open.reveal();
      // The reader may have switched the panel to another view with its tabs.
      void open.webview.postMessage({ type: 'view', view });
      return;
    }
    // All three in one editor group: the group of one already open, else beside the editor.
    const column = [...this.#panels.values()][0]?.viewColumn ?? vscode.ViewColumn.Beside;
    const panel = vscode.window.createWebviewPanel(`claimlens.${view}`, titles[view], column, {
      enableScripts: true,
      localResourceRoots: [],
    });
    panel.webview.html = webviewHtml({
      nonce: nonce(),
      cspSource: panel.webview.cspSource,
      view,
      title: titles[view],
    });
    this.#panels.set(view, panel);
    panel.onDidDispose(() => this.#panels.delete(view));
    panel.webview.onDidReceiveMessage((message: PageMessage) => this.didReceiveMessage(panel, message));
  }

  /** The corpus changed: once it settles, send the new model to every open panel; with none open, forget it. */
  didChangeCorpus(): void {
    clearTimeout(this.#timer);
    if (this.#panels.size === 0) {
      this.#model = null;
      return;
    }
    this.#timer = setTimeout(async () => {
      await this.#refresh();
      for (const panel of this.#panels.values()) this.#post(panel);
    }, 250);
  }

  async didReceiveMessage(panel: vscode.WebviewPanel, message: PageMessage): Promise<void> {
    if (message?.type === 'ready') {
      if (this.#model === null) await this.#refresh();
      this.#post(panel, 'first');
    } else if (message?.type === 'rest') {
      if (message.generation === this.#posted) this.#post(panel);
    } else if (message?.type === 'open') {
      const uri = this.#model?.articles.find((a) => a.id === message.article)?.uri;
      if (!uri) return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const range = new vscode.Range(document.positionAt(message.start), document.positionAt(message.end));
      // In the first editor group, or beside the panel when the panel is the first group.
      const editor = await vscode.window.showTextDocument(document, {
        selection: range,
        viewColumn: panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (message?.type === 'passage') {
      // A passage of an older model than the one this holds is not sent: the page has a newer model coming.
      const current = message.generation === this.#posted ? this.#model : null;
      void panel.webview.postMessage({
        type: 'passage',
        index: message.index,
        generation: message.generation,
        passage: current?.passages[message.index] ?? null,
      });
    }
  }

  /** Close every panel and forget the model (also when the analysis is turned off; a later `show` opens anew). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#model = null;
    for (const panel of [...this.#panels.values()]) panel.dispose();
  }

  async #refresh(): Promise<void> {
    const generation = ++this.#generation;
    const model = await this.#client.sendRequest<StoryModelResult>(storyRequest.method, null);
    if (generation === this.#generation) {
      this.#model = model;
      this.#posted = generation;
    }
  }

  /** Send a page the model without its passages (written compactly), or only the board's first rows. */
  #post(panel: vscode.WebviewPanel, part: 'first' | 'all' = 'all'): void {
    if (!this.#model) return;
    const { view } = splitPassages(this.#model);
    void panel.webview.postMessage({
      type: 'model',
      // As JSON text: one string crosses into the webview far faster than the objects it holds.
      model: JSON.stringify(part === 'first' ? firstRows(view) : packView(view)),
      generation: this.#posted,
    });
  }
}

/** A fresh nonce for a page's script and style. */
function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}
