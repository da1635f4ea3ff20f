import {
  commands,
  type DisputePositionItem,
  type ExplorerAnnotation,
  type ExplorerClaim,
  type ExplorerDispute,
  type ExplorerEntity,
  type ExplorerEvent,
  type ExplorerResult,
  explorerRequest,
  type Location,
} from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type Node =
  | { type: 'event'; event: ExplorerEvent }
  | { type: 'dispute'; dispute: ExplorerDispute }
  | { type: 'position'; position: DisputePositionItem }
  | { type: 'outlet'; outlet: string; claims: ExplorerClaim[] }
  | { type: 'claim'; claim: ExplorerClaim }
  | { type: 'entity'; entity: ExplorerEntity }
  | { type: 'mention'; outlet: string; article: string; place: Location }
  | { type: 'annotation'; annotation: ExplorerAnnotation };

/** The explorer's data, fetched once per change and shared by the three views. */
export class ExplorerModel implements vscode.Disposable {
  readonly #client: LanguageClient;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;
  data: ExplorerResult = { events: [], actors: [], places: [], outlets: [] };
  outlet: string | null = null;
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #visible = false;
  #stale = true;

  constructor(client: LanguageClient) {
    this.#client = client;
  }

  /** Fetch again, soon (several changes in a row fetch once); while no view shows it, only remember to. */
  didChangeCorpus(): void {
    this.#stale = true;
    if (!this.#visible) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.refresh(), 250);
  }

  /** Whether any explorer view is showing; a view that appears gets fresh data. */
  didChangeVisibility(visible: boolean): void {
    this.#visible = visible;
    if (visible && this.#stale) void this.refresh();
  }

  async refresh(): Promise<void> {
    // Never start the server by asking it (the language client starts on demand); a status brings a refresh.
    if (!this.#client.isRunning()) return;
    this.#stale = false;
    const generation = ++this.#generation;
    try {
      const data = await this.#client.sendRequest<ExplorerResult>(explorerRequest.method, { outlet: this.outlet });
      if (generation !== this.#generation) return;
      this.data = data;
      this.#changed.fire();
    } catch {
      // The server is restarting; the next status brings a refresh.
    }
  }

  /** Empty the views: the analysis was turned off. */
  clear(): void {
    this.#generation++;
    this.data = { events: [], actors: [], places: [], outlets: [] };
    this.#stale = true;
    this.#changed.fire();
  }

  async setOutlet(outlet: string | null): Promise<void> {
    this.outlet = outlet;
    await vscode.commands.executeCommand('setContext', 'claimlens.outletFiltered', outlet !== null);
    await this.refresh();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#changed.dispose();
  }
}

export type ExplorerView = 'events' | 'actors' | 'places' | 'annotations';

/** One of the explorer views: Events, Actors, Places, or Annotations (what people tagged, marked and rejected). */
export class ExplorerTree implements vscode.TreeDataProvider<Node> {
  readonly #model: ExplorerModel;
  readonly #view: ExplorerView;
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(model: ExplorerModel, view: ExplorerView) {
    this.#model = model;
    this.#view = view;
    this.onDidChangeTreeData = model.onDidChange;
  }

  getChildren(node?: Node): Node[] {
    const data = this.#model.data;
    if (!node) {
      if (this.#view === 'events') return data.events.map((event) => ({ type: 'event', event }));
      if (this.#view === 'annotations')
        return (data.annotations ?? []).map((annotation) => ({ type: 'annotation', annotation }));
      return (this.#view === 'actors' ? data.actors : data.places).map((entity) => ({ type: 'entity', entity }));
    }
    if (node.type === 'event')
      return [
        ...node.event.disputes.map((dispute): Node => ({ type: 'dispute', dispute })),
        ...node.event.outlets.map(({ outlet, claims }): Node => ({ type: 'outlet', outlet, claims })),
      ];
    if (node.type === 'dispute') return node.dispute.positions.map((position) => ({ type: 'position', position }));
    if (node.type === 'outlet') return node.claims.map((claim) => ({ type: 'claim', claim }));
    if (node.type === 'entity') return node.entity.mentions.map((m) => ({ type: 'mention', ...m }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { Collapsed, None } = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'event': {
        const { event } = node;
        const children = event.outlets.length + event.disputes.length;
        const item = new vscode.TreeItem(event.label, children > 0 ? Collapsed : None);
        const claims = event.outlets.reduce((n, o) => n + o.claims.length, 0);
        const disputed = event.disputes.filter((d) => !d.compatible && !d.update).length;
        // What matters most first: a narrow side bar cuts the description from the end.
        item.description = [
          disputed > 0 ? count(disputed, 'dispute') : '',
          count(claims, 'claim'),
          count(event.outlets.length, 'outlet'),
          event.type,
        ]
          .filter((part) => part !== '')
          .join(' · ');
        item.tooltip = `${event.label}\n${item.description}${event.reason ? `\nGrouped by ${event.reason}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(disputed > 0 ? 'warning' : 'pulse');
        setCommand(item, event.place);
        return item;
      }
      case 'dispute': {
        const { dispute } = node;
        const conflict = !dispute.compatible && !dispute.update;
        const item = new vscode.TreeItem(
          `${conflict ? 'Disputed' : dispute.update ? 'Updated' : 'Differ, can all hold'}: ${dispute.what}`,
          Collapsed,
        );
        item.description = `${dispute.positions.map((p) => `“${p.value}”`).join(' vs ')} · ${dispute.confidence.toFixed(2)}`;
        item.tooltip = `${dispute.explanation}\n\n${dispute.positions
          .map((p) => `“${p.value}”: ${p.sources.join('; ')}`)
          .join('\n')}\nconfidence ${dispute.confidence.toFixed(2)}`;
        item.iconPath = conflict
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('claimlens.contradictionForeground'))
          : new vscode.ThemeIcon('info');
        return item;
      }
      case 'position': {
        const { position } = node;
        const item = new vscode.TreeItem(`“${position.value}”`, None);
        item.description = position.sources.join('; ');
        item.tooltip = `“${position.value}”\n${position.sources.join('\n')}`;
        item.iconPath = new vscode.ThemeIcon('comment');
        setCommand(item, position.place);
        return item;
      }
      case 'outlet': {
        const item = new vscode.TreeItem(node.outlet, vscode.TreeItemCollapsibleState.Expanded);
        item.description = count(node.claims.length, 'claim');
        item.iconPath = new vscode.ThemeIcon('book');
        return item;
      }
      case 'claim': {
        const { claim } = node;
        // Who speaks first: in a narrow side bar the row is cut from the end.
        const item = new vscode.TreeItem(`${claim.speaker ?? 'the article'}: ${claim.label}`, None);
        item.description = `${claim.stance}${claim.contradicted ? ' · disputed' : ''}`;
        item.tooltip = `${claim.outlet}: ${claim.speaker ?? 'the article'} (${claim.stance})\n${claim.label}`;
        item.iconPath = claim.contradicted
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('claimlens.contradictionForeground'))
          : new vscode.ThemeIcon('quote');
        setCommand(item, claim.place);
        return item;
      }
      case 'entity': {
        const { entity } = node;
        const item = new vscode.TreeItem(entity.name, entity.mentions.length > 0 ? Collapsed : None);
        item.description = entity.detail;
        item.tooltip = `${entity.name}\n${entity.detail}`;
        item.iconPath = new vscode.ThemeIcon(
          this.#view === 'places' ? 'location' : entity.kind === 'person' ? 'person' : 'organization',
        );
        setCommand(item, entity.place);
        return item;
      }
      case 'annotation': {
        const { annotation } = node;
        const item = new vscode.TreeItem(`“${annotation.text.replace(/\s+/g, ' ')}”`, None);
        const file = decodeURIComponent(annotation.uri.replace(/^.*\//, ''));
        item.description = `${annotation.label} · ${file}${annotation.place ? '' : ' · no longer fits the text'}`;
        item.tooltip = `${annotation.label}, by ${annotation.creator}\n${file}`;
        item.iconPath = new vscode.ThemeIcon(
          annotation.place ? (annotation.label === 'rejected' ? 'circle-slash' : 'edit') : 'warning',
          new vscode.ThemeColor('claimlens.humanBorder'),
        );
        item.contextValue = 'claimlens.annotation';
        setCommand(item, annotation.place);
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(node.outlet, None);
        item.description = node.article;
        item.iconPath = vscode.ThemeIcon.File;
        item.resourceUri = vscode.Uri.parse(node.place.uri);
        setCommand(item, node.place);
        return item;
      }
    }
  }
}

/** `1 claim`, `2 claims`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function setCommand(item: vscode.TreeItem, place: Location | null): void {
  if (place) item.command = { title: 'Open', command: commands.openPlace, arguments: [place] };
}
