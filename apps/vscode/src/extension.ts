import { highlightsChangedNotification, type StatusParams, statusNotification } from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { configFile, createConfig, FileWatchers, openSamples, shouldAnalyse } from './activation.js';
import { Annotating } from './annotating.js';
import { createClient } from './client.js';
import {
  analyzeWorkspace,
  dismissFinding,
  exportAnnotations,
  filterOutlet,
  openPlace,
  showContradictions,
  showLegend,
} from './commands.js';
import { ExplorerModel, ExplorerTree } from './explorer.js';
import { Highlighter } from './highlights.js';
import { toggleAll, toggleCategory } from './settings.js';
import { StatusItem } from './status.js';
import { StoryPanels } from './story.js';

let client: LanguageClient | undefined;

/**
 * Register the highlights, explorer, status item and commands; start the language server only for a folder that
 * asks for analysis (a `claimlens.json` at its root, or `claimlens.workspace.analyse`), or when the user runs
 * Analyse Workspace. Elsewhere (a README in a code repository) nothing is analysed.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('claimlens', { log: true });
  const started = createClient(context, output);
  client = started;
  const highlighter = new Highlighter(started);
  const status = new StatusItem();
  const model = new ExplorerModel(started);
  const stories = new StoryPanels(started);
  const annotating = new Annotating(started);
  const watchers = new FileWatchers(started);
  let starting: Promise<void> | undefined;
  /** Start the server once: the analysis of the workspace folders begins. */
  const start = () => {
    starting ??= (async () => {
      await vscode.commands.executeCommand('setContext', 'claimlens.active', true);
      status.show();
      watchers.watch();
      await started.start();
      highlighter.didChangeHighlights();
    })();
    return starting;
  };
  /** Start when a folder now asks for analysis (a claimlens.json appeared, or the setting was turned on). */
  const startIfAsked = async () => {
    if (!starting && (await shouldAnalyse())) await start();
  };
  /**
   * Stop at once, without a reload, when no folder asks for analysis any more (the setting was turned off, the
   * claimlens.json deleted): the server ends, and its highlights, problems, explorer entries and views go.
   */
  const stopIfNotAsked = async () => {
    if (!starting || (await shouldAnalyse())) return;
    await starting.catch(() => undefined);
    starting = undefined;
    watchers.dispose();
    stories.dispose();
    status.hide();
    highlighter.clear();
    await started.stop();
    model.clear();
    await vscode.commands.executeCommand('setContext', 'claimlens.active', false);
  };
  /** A command that needs the server: it starts the analysis when the user asks for it. */
  const serverCommand = (name: string, run: (...args: never[]) => unknown) =>
    command(name, async (...args: never[]) => {
      await start();
      return run(...args);
    });
  const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${configFile}`, false, true, false);
  const views = (['events', 'actors', 'places', 'annotations'] as const).map((name) =>
    vscode.window.createTreeView(`claimlens.${name}`, {
      treeDataProvider: new ExplorerTree(model, name),
      showCollapseAll: true,
    }),
  );
  const command = (name: string, run: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(`claimlens.${name}`, async (...args: never[]) => {
      try {
        await run(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(`claimlens: ${error instanceof Error ? error.message : String(error)}`);
      }
    });

  context.subscriptions.push(
    output,
    annotating,
    highlighter,
    status,
    model,
    stories,
    ...views,
    ...views.map((view) =>
      view.onDidChangeVisibility(function didChangeExplorerVisibility() {
        model.didChangeVisibility(views.some((v) => v.visible));
      }),
    ),
    vscode.window.onDidChangeVisibleTextEditors(function didChangeVisibleEditors(editors) {
      for (const editor of editors) void highlighter.refresh(editor.document);
    }),
    vscode.window.onDidChangeActiveTextEditor(function didChangeActiveEditor() {
      status.render();
    }),
    watchers,
    configWatcher,
    configWatcher.onDidCreate(function didCreateConfig() {
      void startIfAsked();
    }),
    configWatcher.onDidDelete(function didDeleteConfig() {
      void stopIfNotAsked();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(function didChangeFolders() {
      void startIfAsked();
    }),
    vscode.workspace.onDidChangeConfiguration(function didChangeConfiguration(change) {
      if (change.affectsConfiguration('claimlens.workspace.analyse')) void startIfAsked().then(stopIfNotAsked);
      if (starting && change.affectsConfiguration('claimlens.files.include')) watchers.watch();
    }),
    command('openPlace', (place: Parameters<typeof openPlace>[0], beside?: boolean) =>
      openPlace(place, beside === true),
    ),
    command('dismissFinding', (key: string) => dismissFinding(started, key)),
    serverCommand('analyzeWorkspace', () => analyzeWorkspace(started)),
    command('createConfig', async () => {
      await createConfig();
      await startIfAsked();
    }),
    command('openSamples', () => openSamples(context.extensionUri)),
    command('openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#start`, false),
    ),
    serverCommand('showContradictions', () => showContradictions(started)),
    serverCommand('showStoryBoard', () => stories.show('board')),
    serverCommand('showTimeline', () => stories.show('timeline')),
    serverCommand('showMap', () => stories.show('map')),
    serverCommand('exportAnnotations', () => exportAnnotations(started)),
    command('showLegend', () => showLegend()),
    command('toggleActors', () => toggleCategory('actors')),
    command('togglePlaces', () => toggleCategory('places')),
    command('toggleClaims', () => toggleCategory('claims')),
    command('toggleOwnVoice', () => toggleCategory('ownVoice')),
    command('toggleEvents', () => toggleCategory('events')),
    command('toggleContradictions', () => toggleCategory('contradictions')),
    command('toggleHighlights', () => toggleAll()),
    command('filterOutlet', () => filterOutlet(model)),
    command('clearOutletFilter', () => model.setOutlet(null)),
    serverCommand('restartServer', () => started.restart()),
    serverCommand('tagActor', () => annotating.tag('actor')),
    serverCommand('tagPlace', () => annotating.tag('place')),
    serverCommand('markClaim', () => annotating.markClaim()),
    serverCommand('rejectAnnotation', (uri?: string, range?: Parameters<Annotating['judge']>[2]) =>
      annotating.judge('reject', uri, range),
    ),
    serverCommand('acceptAnnotation', (uri?: string, range?: Parameters<Annotating['judge']>[2]) =>
      annotating.judge('accept', uri, range),
    ),
    serverCommand('linkEntity', () => annotating.link(model)),
    serverCommand('unlinkEntity', () => annotating.unlink()),
    serverCommand('removeAnnotation', (item?: Parameters<Annotating['remove']>[0]) => annotating.remove(item)),
    serverCommand('undoAnnotation', () => annotating.undo()),
    serverCommand('redoAnnotation', () => annotating.redo()),
    started.onNotification(highlightsChangedNotification.method, function didChangeHighlights(params: { uri: string }) {
      highlighter.didChangeHighlights(params.uri);
    }),
    started.onNotification(statusNotification.method, function didChangeStatus(params: StatusParams) {
      status.didChangeStatus(params);
      model.didChangeCorpus();
      stories.didChangeCorpus();
    }),
  );
  await vscode.commands.executeCommand('setContext', 'claimlens.active', false);
  await startIfAsked();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
