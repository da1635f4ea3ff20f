import type { Counts, StatusParams } from '@claimlens/server/protocol';
import * as vscode from 'vscode';

/** Default colours (dark theme), for the legend in the tooltip; the editor paints with the theme's. */
const legend = [
  ['actor', 'people, organisations, governments', 'background-color:#60a5fa55;'],
  ['place', 'countries, regions, cities', 'background-color:#4ade8055;'],
  ['source', 'who is reported as saying it (when not a highlighted actor)', 'color:#c4b5fd;'],
  ['cue', '"said", "according to", "denied"', 'color:#fbbf24;'],
  ['what is said', 'the content of a reported claim', 'background-color:#facc1533;'],
  ['contradicted', 'another source says otherwise (wavy red underline)', 'color:#f87171;'],
] as const;

/**
 * The status-bar item: whether the workspace is still being analysed, the counts for the active article, and a
 * legend of the colours in its tooltip. Its accessible label says the same in words.
 */
export class StatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('claimlens.status', vscode.StatusBarAlignment.Right, 100);
  #last: StatusParams | null = null;

  constructor() {
    this.#item.name = 'claimlens';
    this.#item.command = 'claimlens.showLegend';
    this.#item.text = '$(loading~spin) claimlens: starting';
    this.#item.tooltip = 'claimlens is starting: reading the workspace';
    this.#item.accessibilityInformation = { label: 'claimlens: starting', role: 'button' };
  }

  /** Show the item: the analysis has started. */
  show(): void {
    this.#item.show();
  }

  /** Hide the item: the analysis was turned off. */
  hide(): void {
    this.#item.hide();
    this.#last = null;
  }

  didChangeStatus(status: StatusParams): void {
    this.#last = status;
    this.render();
  }

  render(): void {
    const status = this.#last;
    if (!status) return;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const own = uri ? status.documents[uri] : undefined;
    const counts = own ?? status.workspace;
    const busy = status.pending > 0;
    const numbers = `$(person) ${plural(counts.actors, 'actor')} $(location) ${plural(counts.places, 'place')} $(quote) ${plural(
      counts.claims,
      'claim',
    )}${counts.disputes > 0 ? ` $(warning) ${plural(counts.disputes, 'dispute')}` : ''}`;
    this.#item.text = busy
      ? `$(sync~spin) ${status.pending} to analyse ${numbers}`
      : (status.skipped ?? 0) > 0
        ? `$(debug-pause) ${numbers}`
        : numbers;
    const skipped = status.skipped ?? 0;
    const state = busy
      ? `analysing the workspace, ${plural(status.pending, 'article')} to go (results so far are partial)`
      : skipped > 0
        ? `analysis stopped, ${plural(status.workspace.articles, 'article')} analysed and ${skipped} not (run "claimlens: Analyse Workspace" to finish)`
        : `workspace analysed, ${plural(status.workspace.articles, 'article')}`;
    this.#item.accessibilityInformation = {
      label: `claimlens: ${state}; ${own ? 'this article' : 'workspace'}: ${describe(counts)}`,
      role: 'button',
    };
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.supportHtml = true;
    tooltip.appendMarkdown(`**claimlens** — ${state}\n\n`);
    if (own) tooltip.appendMarkdown(`This article: ${describe(own)}  \n`);
    tooltip.appendMarkdown(`Workspace: ${describe(status.workspace)}`);
    if (status.failed > 0) tooltip.appendMarkdown(`; ${status.failed} left out (too slow or unreadable)`);
    tooltip.appendMarkdown('\n\n');
    for (const [label, meaning, style] of legend) {
      tooltip.appendMarkdown(`<span style="${style}">&nbsp;${label}&nbsp;</span> ${meaning}  \n`);
    }
    tooltip.appendMarkdown(
      "\nThe outlet's own statements are not marked as claims (setting `claimlens.highlights.ownVoice`). " +
        'Hover a highlight for details. Click to switch categories on or off.',
    );
    this.#item.tooltip = tooltip;
  }

  dispose(): void {
    this.#item.dispose();
  }
}

function describe(c: Counts): string {
  return `${plural(c.actors, 'actor')}, ${plural(c.places, 'place')}, ${plural(c.claims, 'reported claim')}, ${plural(
    c.events,
    'event',
  )}, ${plural(c.disputes, 'dispute')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
