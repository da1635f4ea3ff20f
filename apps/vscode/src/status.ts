import type { Counts, StatusParams } from '@claimlens/server/protocol';
import * as vscode from 'vscode';

/** Default colours, for the legend (the editor uses the theme's). */
const legend = [
  ['actors', '#60a5fa55', 'background'],
  ['places', '#4ade8055', 'background'],
  ['claim cues', '#fbbf24', 'text'],
  ['claim contents', '#facc1533', 'background'],
  ['contradicted claims', '#f87171', 'wavy underline'],
] as const;

/** The status-bar item: counts for the active article, and a legend of the colours in its tooltip. */
export class StatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('claimlens.status', vscode.StatusBarAlignment.Right, 100);
  #last: StatusParams | null = null;

  constructor() {
    this.#item.name = 'claimlens';
    this.#item.command = 'claimlens.showLegend';
    this.#item.text = '$(loading~spin) claimlens';
    this.#item.tooltip = 'claimlens is starting';
    this.#item.show();
  }

  didChangeStatus(status: StatusParams): void {
    this.#last = status;
    this.render();
  }

  render(): void {
    const status = this.#last;
    if (!status) return;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const counts = (uri ? status.documents[uri] : undefined) ?? status.workspace;
    const busy = status.pending > 0 ? '$(sync~spin) ' : '';
    this.#item.text = `${busy}$(person) ${counts.actors} $(location) ${counts.places} $(quote) ${counts.claims}${
      counts.contradictions > 0 ? ` $(warning) ${counts.contradictions}` : ''
    }`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.supportHtml = true;
    tooltip.appendMarkdown(
      `**claimlens** — ${uri && status.documents[uri] ? 'this article' : 'workspace'}: ${describe(counts)}\n\n`,
    );
    tooltip.appendMarkdown(`Workspace: ${status.workspace.articles} articles, ${describe(status.workspace)}`);
    if (status.pending > 0) tooltip.appendMarkdown(`; ${status.pending} waiting for analysis`);
    if (status.failed > 0) tooltip.appendMarkdown(`; ${status.failed} abandoned`);
    tooltip.appendMarkdown('\n\n');
    for (const [label, colour, how] of legend) {
      const style =
        how === 'text' ? `color:${colour};` : how === 'background' ? `background-color:${colour};` : `color:${colour};`;
      tooltip.appendMarkdown(
        `<span style="${style}">&nbsp;${label}&nbsp;</span> ${how === 'wavy underline' ? '(wavy underline)' : ''}  \n`,
      );
    }
    tooltip.appendMarkdown('\nClick to switch categories on or off.');
    this.#item.tooltip = tooltip;
  }

  dispose(): void {
    this.#item.dispose();
  }
}

function describe(c: Counts): string {
  return `${c.actors} actors, ${c.places} places, ${c.claims} claims, ${c.events} events, ${c.contradictions} contradictions`;
}
