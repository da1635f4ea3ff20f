import { highlightsChangedNotification, type StatusParams, statusNotification } from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
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

/** Start the language server and register the highlights, explorer, status item and commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('claimlens', { log: true });
  const started = createClient(context, output);
  client = started;
  const highlighter = new Highlighter(started);
  const status = new StatusItem();
  const model = new ExplorerModel(started);
  const stories = new StoryPanels(started);
  const annotating = new Annotating(started);
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
    command('openPlace', (place: Parameters<typeof openPlace>[0], beside?: boolean) =>
      openPlace(place, beside === true),
    ),
    command('dismissFinding', (key: string) => dismissFinding(started, key)),
    command('analyzeWorkspace', () => analyzeWorkspace(started)),
    command('showContradictions', () => showContradictions(started)),
    command('showStoryBoard', () => stories.show('board')),
    command('showTimeline', () => stories.show('timeline')),
    command('showMap', () => stories.show('map')),
    command('exportAnnotations', () => exportAnnotations(started)),
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
    command('restartServer', () => started.restart()),
    command('tagActor', () => annotating.tag('actor')),
    command('tagPlace', () => annotating.tag('place')),
    command('markClaim', () => annotating.markClaim()),
    command('rejectAnnotation', (uri?: string, range?: Parameters<Annotating['judge']>[2]) =>
      annotating.judge('reject', uri, range),
    ),
    command('acceptAnnotation', (uri?: string, range?: Parameters<Annotating['judge']>[2]) =>
      annotating.judge('accept', uri, range),
    ),
    command('linkEntity', () => annotating.link(model)),
    command('unlinkEntity', () => annotating.unlink()),
    command('removeAnnotation', (item?: Parameters<Annotating['remove']>[0]) => annotating.remove(item)),
    command('undoAnnotation', () => annotating.undo()),
    started.onNotification(highlightsChangedNotification.method, function didChangeHighlights(params: { uri: string }) {
      highlighter.didChangeHighlights(params.uri);
    }),
    started.onNotification(statusNotification.method, function didChangeStatus(params: StatusParams) {
      status.didChangeStatus(params);
      model.didChangeCorpus();
      stories.didChangeCorpus();
    }),
  );
  await started.start();
  highlighter.didChangeHighlights();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
