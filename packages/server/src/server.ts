import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Article, fileSelector, formatOf, type Message, readCorpus } from '@claimlens/core';
import {
  CodeActionKind,
  type Connection,
  FileChangeType,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { HumanStore } from './annotations.js';
import type { CorpusBuilder } from './builder.js';
import { annotationActions, annotationChange, explorerAnnotations } from './features/annotating.js';
import { codeActions, diagnostics } from './features/diagnostics.js';
import { counts, explorer } from './features/explorer.js';
import { exportAnnotations } from './features/exporting.js';
import { DismissedStore, disputeItems, type FindingFilter } from './features/findings.js';
import { highlights } from './features/highlights.js';
import { hoverMarkdown } from './features/hover.js';
import { viewOf } from './features/lookup.js';
import { definition, references } from './features/navigation.js';
import { semanticTokens, semanticTokensLegend } from './features/semantic-tokens.js';
import { story } from './features/story.js';
import { toOffset } from './positions.js';
import {
  type AnnotateResult,
  analyzeWorkspaceRequest,
  annotateRequest,
  dismissRequest,
  disputesRequest,
  explorerRequest,
  exportRequest,
  highlightsChangedNotification,
  highlightsRequest,
  type InitializationOptions,
  type Notification,
  type Request,
  restoreAnnotationsRequest,
  type Settings,
  statusNotification,
  storyRequest,
} from './protocol.js';
import type { AnnotationRunner } from './runner.js';
import { defaultSettings, normaliseSettings } from './settings.js';
import { type Entry, Workspace } from './workspace.js';

export interface ServerOptions {
  runner: AnnotationRunner;
  builder: CorpusBuilder;
}

/** Serve claimlens over a connection: wire LSP and the custom requests to a workspace model. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const dismissed = new DismissedStore();
  let settings: Settings = defaultSettings;
  let selectFile = fileSelector(settings.files);
  let folders: string[] = [];
  let init: InitializationOptions = {};
  let canConfigure = false;
  let canRefreshTokens = false;
  let progress: WorkDoneProgressServerReporter | null = null;
  let published = new Set<string>();
  const notified = new Set<string>();
  /** Files abandoned in the background since the queue was last empty: told in one notice when it empties. */
  let abandoned: string[] = [];

  const human = new HumanStore();
  const workspace = new Workspace({
    runner: options.runner,
    builder: options.builder,
    human: (entry) => human.annotations(entry.path),
    timeout: () => settings.analysis.timeout,
    didAnalyse: (entry) => {
      if (entry.open) didChangeHighlights([entry]);
    },
    didFail: (entry, message) => {
      connection.console.warn(message.reason);
      if (entry?.open && !notified.has(entry.uri)) {
        notified.add(entry.uri);
        warn(`claimlens: ${message.reason}`);
      } else if (entry && !entry.open) abandoned.push(entry.id);
    },
    didProgress: (done, total) => {
      if (done >= total && abandoned.length > 0) {
        const names =
          abandoned.slice(0, 5).join(', ') + (abandoned.length > 5 ? ` and ${abandoned.length - 5} more` : '');
        warn(
          `claimlens: ${abandoned.length} file${abandoned.length === 1 ? ' was' : 's were'} left out of the analysis (too slow or unreadable): ${names}. See the claimlens output for why.`,
        );
        abandoned = [];
      }
      if (!progress) return;
      progress.report(Math.round((100 * done) / Math.max(total, 1)), `${done}/${total} articles`);
      if (done >= total) {
        progress.done();
        progress = null;
      }
    },
    didBuildCorpus: () => {
      publishDiagnostics();
      didChangeHighlights(workspace.entries.values());
      sendStatus();
    },
  });

  connection.onInitialize((params): InitializeResult => {
    init = (params.initializationOptions ?? {}) as InitializationOptions;
    canConfigure = params.capabilities.workspace?.configuration === true;
    canRefreshTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    const given = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = given.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true } },
        ...(init.semanticTokens === false
          ? {}
          : { semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: false } }),
      },
      serverInfo: { name: 'claimlens', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    await loadSettings();
    await dismissed.load(folders[0] ?? null);
    await scanFolders();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const before = JSON.stringify(settings.files);
    await loadSettings(change.settings);
    if (JSON.stringify(settings.files) !== before) await scanFolders();
    publishDiagnostics();
    sendStatus();
    didChangeHighlights(workspace.entries.values());
  });

  documents.onDidOpen(({ document }) => {
    const entry = workspace.set({ ...fromDocument(document), open: true }, 0);
    if (!human.get(entry.path)) void loadHuman(entry.uri);
    if (entry.analysed?.version === document.version) {
      didChangeHighlights([entry]);
      sendStatus();
    }
  });
  documents.onDidChangeContent(({ document }) => {
    const entry = workspace.entries.get(document.uri);
    if (entry?.open && entry.version === document.version) return;
    workspace.set({ ...fromDocument(document), open: true }, settings.analysis.delay);
  });
  documents.onDidClose(async ({ document }) => {
    notified.delete(document.uri);
    const file = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : null;
    if (file && isSelected(file)) await readFiles([file]);
    else {
      workspace.delete(document.uri);
      send(connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
    }
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const changed: string[] = [];
    for (const change of changes) {
      if (!change.uri.startsWith('file:') || documents.get(change.uri)) continue;
      const file = fileURLToPath(change.uri);
      if (path.basename(file) === 'dismissed.json') {
        await dismissed.load(folders[0] ?? null);
        publishDiagnostics();
        continue;
      }
      if (file.endsWith('.jsonld') && file.split(path.sep).join('/').includes('/.claimlens/annotations/')) {
        await didChangeAnnotationsFile(file);
        continue;
      }
      if (change.type === FileChangeType.Deleted) workspace.delete(change.uri);
      else if (isSelected(file)) changed.push(file);
    }
    if (changed.length > 0) await readFiles(changed);
  });

  connection.onHover(({ textDocument, position }) => {
    const view = currentView(textDocument.uri);
    if (!view) return null;
    const markdown = hoverMarkdown(view, toOffset(view.snapshot.document, position), {
      commandLinks: init.commandLinks === true,
      ...findingFilter(),
      annotator: annotator(),
    });
    return markdown ? { contents: { kind: 'markdown', value: markdown } } : null;
  });

  connection.onDefinition(({ textDocument, position }) => {
    const view = currentView(textDocument.uri);
    if (!view) return null;
    const place = definition(view, toOffset(view.snapshot.document, position));
    return place ? { uri: place.uri, range: place.range } : null;
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const view = currentView(textDocument.uri);
    if (!view) return [];
    return references(view, toOffset(view.snapshot.document, position), context.includeDeclaration);
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const entry = workspace.entries.get(textDocument.uri);
    const current = entry?.analysed && documents.get(textDocument.uri)?.version === entry.analysed.version;
    return [...codeActions(context), ...(entry && current ? annotationActions(entry, range) : [])];
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const view = currentView(textDocument.uri);
    return view ? semanticTokens(view, settings.highlights, findingFilter()) : { data: [] };
  });

  handle(highlightsRequest, ({ uri }) => {
    const entry = workspace.entries.get(uri);
    if (!entry) return { uri, version: null, highlights: [] };
    return highlights(entry, workspace.state, settings.highlights, findingFilter());
  });

  handle(explorerRequest, (params) => ({
    ...explorer(workspace.state, params.outlet ?? null, findingFilter()),
    annotations: explorerAnnotations(workspace.entries.values()),
  }));

  handle(annotateRequest, async (params): Promise<AnnotateResult> => {
    const entry = workspace.entries.get(params.uri);
    const snapshot = entry?.analysed;
    if (!entry || !snapshot || snapshot.partial)
      return { done: false, message: 'The article is not analysed yet; try again in a moment.' };
    if (snapshot.version !== params.version)
      return { done: false, message: 'The article changed since it was last analysed; try again in a moment.' };
    if (!human.get(entry.path) && !(await loadHuman(entry.uri)))
      return { done: false, message: 'Only articles inside a workspace folder can be annotated.' };
    const change = annotationChange(snapshot, params, annotator());
    if ('refused' in change) return { done: false, message: change.refused };
    const { before, after } = await human.change(entry.path, snapshot.text, change.edit);
    workspace.reapply(entry.uri);
    publishDiagnostics();
    return {
      done: true,
      message: change.message,
      undo: { uri: entry.uri, content: before },
      redo: { uri: entry.uri, content: after },
    };
  });

  handle(restoreAnnotationsRequest, async ({ uri, content }): Promise<AnnotateResult> => {
    const entry = workspace.entries.get(uri);
    if (!entry?.analysed || !human.get(entry.path)) return { done: false, message: 'Nothing to undo here.' };
    await human.write(entry.path, content, entry.analysed.text);
    workspace.reapply(uri);
    publishDiagnostics();
    return { done: true, message: 'Annotation change undone.' };
  });

  handle(analyzeWorkspaceRequest, async () => {
    await scanFolders();
    return { files: workspace.reanalyse() };
  });

  handle(disputesRequest, () => disputeItems(workspace.state, findingFilter()));

  handle(storyRequest, () => story(workspace.state));

  handle(dismissRequest, async ({ key, dismissed: value }) => {
    await dismissed.set(key, value);
    publishDiagnostics();
    didChangeHighlights(workspace.entries.values());
    return { dismissed: [...dismissed.keys] };
  });

  handle(exportRequest, (params) => exportAnnotations(workspace, params, settings.disputes.minConfidence));

  connection.onShutdown(() => workspace.dispose());

  documents.listen(connection);

  function handle<P, R>(request: Request<P, R>, handler: (params: P) => R | Promise<R>): void {
    connection.onRequest(request.method, async (params: P): Promise<unknown> => await handler(params));
  }

  /**
   * Tell the client that the highlights of these entries (those open) changed: the claimlens notification for
   * each, and one `workspace/semanticTokens/refresh` for editors that colour with semantic tokens.
   */
  function didChangeHighlights(entries: Iterable<Entry>): void {
    let any = false;
    for (const entry of entries) {
      if (!entry.open) continue;
      any = true;
      notify(highlightsChangedNotification, { uri: entry.uri, version: entry.version });
    }
    if (any && canRefreshTokens && init.semanticTokens !== false) send(connection.languages.semanticTokens.refresh());
  }

  function notify<P>(notification: Notification<P>, params: P): void {
    send(connection.sendNotification(notification.method, params));
  }

  /** Show a warning (`window/showMessage`, type Warning): a notice with no answer to wait for. */
  function warn(message: string): void {
    send(connection.sendNotification('window/showMessage', { type: 2, message }));
  }

  /** Send without waiting: a failed send is logged, never left as an unhandled rejection. */
  function send(sent: Promise<unknown>): void {
    sent.catch((error: unknown) => connection.console.log(`claimlens: could not send to the client: ${String(error)}`));
  }

  function currentView(uri: string) {
    const entry = workspace.entries.get(uri);
    if (!entry?.analysed) return null;
    const open = documents.get(uri);
    if (open && open.version !== entry.analysed.version) return null;
    return viewOf(entry, workspace.state);
  }

  function fromDocument(document: TextDocument) {
    const file = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : document.uri;
    return {
      uri: document.uri,
      id: articleId(document.uri, file),
      path: file,
      format: document.languageId === 'markdown' ? ('markdown' as const) : formatOf(file),
      text: document.getText(),
      version: document.version,
    };
  }

  function articleId(uri: string, file: string): string {
    for (const folder of folders) {
      const relative = path.relative(folder, file);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
        const id = relative.split(path.sep).join('/');
        return folders.length > 1 ? `${path.basename(folder)}/${id}` : id;
      }
    }
    return uri.startsWith('file:') ? file : uri;
  }

  function isSelected(file: string): boolean {
    for (const folder of folders) {
      const relative = path.relative(folder, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      return selectFile(relative.split(path.sep).join('/'));
    }
    return false;
  }

  async function loadSettings(pushed?: unknown): Promise<void> {
    let value: unknown = (pushed as { claimlens?: unknown } | undefined)?.claimlens;
    if (canConfigure) {
      try {
        value = await connection.workspace.getConfiguration('claimlens');
      } catch {
        // Keep what was pushed, or the defaults.
      }
    }
    settings = normaliseSettings(value);
    selectFile = fileSelector(settings.files);
  }

  async function scanFolders(): Promise<void> {
    if (folders.length === 0) return;
    let read: Awaited<ReturnType<typeof readCorpus>>;
    try {
      read = await readCorpus(folders, {
        maxFileSize: settings.files.maxSize,
        include: settings.files.include,
        exclude: settings.files.exclude,
      });
    } catch (error) {
      connection.console.error(
        `Reading the workspace failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    options.builder.configure(read.config);
    const seen = new Set<string>();
    if (read.articles.length > 0 && !progress) {
      progress = await connection.window.createWorkDoneProgress().catch(() => null);
      progress?.begin('claimlens: analysing articles', 0, `0/${read.articles.length} articles`, true);
      const token = progress?.token;
      token?.onCancellationRequested(() => cancelBackground(token));
    }
    for (const article of read.articles) {
      const uri = pathToFileURL(article.path).href;
      seen.add(uri);
      if (!documents.get(uri)) setArticle(uri, article);
      else
        workspace.describe(uri, { outlet: article.outlet, title: article.title, date: article.date, url: article.url });
    }
    for (const entry of [...workspace.entries.values()]) {
      if (!entry.open && !seen.has(entry.uri)) workspace.delete(entry.uri);
    }
    logMessages(read.messages);
    if (read.articles.length === 0) sendStatus();
  }

  /** The user cancelled the background run: stop it, keep what is done, say how to finish. */
  function cancelBackground(token: unknown): void {
    if (!progress || progress.token !== token) return;
    const removed = workspace.cancel();
    progress.done();
    progress = null;
    if (removed > 0) {
      send(
        connection.sendNotification('window/showMessage', {
          type: 3,
          message: `claimlens: analysis stopped; ${removed} article${removed === 1 ? ' was' : 's were'} left unanalysed. Run "claimlens: Analyse Workspace" to finish.`,
        }),
      );
    }
    sendStatus();
  }

  async function readFiles(files: string[]): Promise<void> {
    const read = await readCorpus(files, { maxFileSize: settings.files.maxSize }).catch(() => null);
    if (!read) return;
    for (const article of read.articles) {
      const uri = pathToFileURL(article.path).href;
      if (!documents.get(uri)) setArticle(uri, article);
    }
    logMessages(read.messages);
  }

  /** The name written as the creator of annotations made here. */
  function annotator(): string {
    if (init.annotator) return init.annotator;
    try {
      return userInfo().username;
    } catch {
      return 'unknown';
    }
  }

  /** The workspace folder an article is in, or null. */
  function folderOf(file: string): string | null {
    for (const folder of folders) {
      const relative = path.relative(folder, file);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return folder;
    }
    return null;
  }

  /** Read an article's annotations file and apply it; false when the article is in no workspace folder. */
  async function loadHuman(uri: string): Promise<boolean> {
    const entry = workspace.entries.get(uri);
    const folder = entry ? folderOf(entry.path) : null;
    if (!entry || !folder) return false;
    const before = human.get(entry.path)?.raw ?? null;
    const loaded = await human.load(folder, entry.path, entry.analysed?.text ?? entry.text);
    // Most articles have no annotations file: nothing to apply or report for them.
    if (loaded.raw !== before) {
      workspace.reapply(uri);
      publishDiagnostics();
    }
    return true;
  }

  /** An annotations file changed on disk: apply it again, unless it is what this server wrote. */
  async function didChangeAnnotationsFile(file: string): Promise<void> {
    for (const [articlePath, known] of human.entries()) {
      if (path.resolve(known.file) !== path.resolve(file)) continue;
      const raw = await readFile(file, 'utf8').catch(() => null);
      if (raw === known.raw) return;
      const entry = [...workspace.entries.values()].find((e) => path.resolve(e.path) === articlePath);
      if (entry) await loadHuman(entry.uri);
      return;
    }
  }

  function setArticle(uri: string, article: Article): void {
    const previous = workspace.entries.get(uri);
    workspace.set({
      uri,
      id: articleId(uri, article.path),
      path: article.path,
      format: article.format,
      text: article.text,
      version: null,
      open: false,
      outlet: article.outlet ?? previous?.outlet ?? null,
      title: article.title ?? previous?.title ?? null,
      date: article.date ?? previous?.date ?? null,
      url: article.url ?? previous?.url ?? null,
      readMessages: article.messages,
    });
    if (!human.get(article.path)) void loadHuman(uri);
  }

  function logMessages(messages: Message[]): void {
    for (const m of messages) if (m.severity !== 'info') connection.console.info(`${m.path ?? ''}: ${m.reason}`);
  }

  /** The findings the settings and the dismissed list let through. */
  function findingFilter(): FindingFilter {
    return { minConfidence: settings.disputes.minConfidence, dismissed: dismissed.keys };
  }

  function publishDiagnostics(): void {
    const found = diagnostics(
      workspace.state,
      workspace.entries.values(),
      settings.diagnostics.severity,
      findingFilter(),
    );
    // Problems in annotations files are shown on the file, at their line.
    for (const [, known] of human.entries()) {
      const uri = pathToFileURL(known.file).href;
      found.set(
        uri,
        known.messages.map((m) => {
          const at = { line: Math.max(0, (m.line ?? 1) - 1), character: 0 };
          return {
            range: { start: at, end: { line: at.line, character: 1000 } },
            severity: 1,
            source: 'claimlens',
            code: m.code,
            message: m.reason,
          };
        }),
      );
    }
    const now = new Set<string>();
    for (const [uri, list] of found) {
      if (list.length === 0 && !published.has(uri)) continue;
      if (list.length > 0) now.add(uri);
      send(connection.sendDiagnostics({ uri, diagnostics: list as Diagnostic[] }));
    }
    for (const uri of published) if (!found.has(uri)) send(connection.sendDiagnostics({ uri, diagnostics: [] }));
    published = now;
  }

  function sendStatus(): void {
    const state = workspace.state;
    const perDocument: Record<string, ReturnType<typeof counts>> = {};
    let failed = 0;
    for (const entry of workspace.entries.values()) {
      if (entry.failure) failed++;
      if (entry.open) perDocument[entry.uri] = counts(state, findingFilter(), entry);
    }
    notify(statusNotification, {
      workspace: counts(state, findingFilter()),
      documents: perDocument,
      pending: workspace.pending,
      failed,
      skipped: workspace.skipped,
    });
  }

  connection.listen();
}
