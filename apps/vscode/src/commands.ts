import {
  analyzeWorkspaceRequest,
  type DisputeItem,
  dismissRequest,
  disputesRequest,
  type ExportFile,
  type ExportFormat,
  exportRequest,
  type Location,
} from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ExplorerModel } from './explorer.js';
import { type Category, categories, toggleCategory } from './settings.js';

/** Open a place: the file, with the passage selected and in view; `beside` opens it in the next editor group. */
export async function openPlace(place: Location, beside = false): Promise<void> {
  if (!place?.uri || !place.range) return;
  const { start, end } = place.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.uri));
  const editor = await vscode.window.showTextDocument(document, {
    selection: range,
    viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function analyzeWorkspace(client: LanguageClient): Promise<void> {
  const { files } = await client.sendRequest<{ files: number }>(analyzeWorkspaceRequest.method, null);
  void vscode.window.setStatusBarMessage(`claimlens: analysing ${files} articles…`, 4000);
}

/** Pick a dispute: opens the first position's claim, and the second's beside it. */
export async function showContradictions(client: LanguageClient): Promise<void> {
  const items = await client.sendRequest<DisputeItem[]>(disputesRequest.method, null);
  const shown = items.filter((c) => !c.dismissed);
  if (shown.length === 0) {
    void vscode.window.showInformationMessage(
      items.length > 0
        ? `claimlens: all ${items.length} disputes are dismissed.`
        : 'claimlens: no disputes found in this workspace.',
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    shown.map((c) => ({
      label: `$(${c.compatible || c.update ? 'info' : 'warning'}) ${c.what}: ${c.positions.map((p) => `“${p.value}”`).join(' vs ')}`,
      description: c.explanation,
      detail: c.sides.map((s) => `${s.outlet}${s.speaker ? ` (${s.speaker})` : ''}: “${short(s.text)}”`).join('  ⟷  '),
      item: c,
    })),
    {
      title: 'claimlens: disputes',
      placeHolder: 'Pick one to open both sides',
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  const [a, b] = picked?.item.sides ?? [];
  if (a) await openPlace(a.place);
  if (b) await openPlace(b.place, true);
}

export async function dismissFinding(client: LanguageClient, key: string): Promise<void> {
  if (typeof key !== 'string') return;
  await client.sendRequest(dismissRequest.method, { key, dismissed: true });
  const undo = await vscode.window.showInformationMessage(
    'claimlens: finding dismissed (kept in .claimlens/dismissed.json).',
    'Undo',
  );
  if (undo) await client.sendRequest(dismissRequest.method, { key, dismissed: false });
}

/** Export annotations of the active article or the whole workspace, as JSON, brat standoff or W3C Web Annotation. */
export async function exportAnnotations(client: LanguageClient): Promise<void> {
  const format = await vscode.window.showQuickPick(
    [
      { label: 'brat standoff', description: '.ann files beside the texts', format: 'brat' as ExportFormat },
      { label: 'W3C Web Annotation', description: 'JSON-LD', format: 'w3c' as ExportFormat },
      { label: 'JSON', description: 'claimlens annotations per article', format: 'json' as ExportFormat },
    ],
    { title: 'claimlens: export format' },
  );
  if (!format) return;
  const active = vscode.window.activeTextEditor?.document;
  let uri: string | undefined;
  if (active && (active.languageId === 'plaintext' || active.languageId === 'markdown')) {
    const scope = await vscode.window.showQuickPick(['Whole workspace', 'This article only'], {
      title: 'claimlens: export what?',
    });
    if (!scope) return;
    if (scope === 'This article only') uri = active.uri.toString();
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Export here',
    ...(folder ? { defaultUri: folder } : {}),
  });
  const dir = target?.[0];
  if (!dir) return;
  const { files } = await client.sendRequest<{ files: ExportFile[] }>(
    exportRequest.method,
    uri ? { format: format.format, uri } : { format: format.format },
  );
  for (const file of files) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, file.name), new TextEncoder().encode(file.content));
  }
  void vscode.window.showInformationMessage(
    `claimlens: wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${dir.fsPath}.`,
  );
}

/** The legend, as switches: pick categories to show. */
export async function showLegend(): Promise<void> {
  const config = vscode.workspace.getConfiguration('claimlens');
  const items = categories.map((c) => ({
    label: c.label,
    description: c.legend,
    picked: config.get<boolean>(`highlights.${c.key}`, c.default),
    category: c.key,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'claimlens: highlight categories (colours are themable: claimlens.*)',
  });
  if (!picked) return;
  const on = new Set(picked.map((p) => p.category));
  for (const c of categories) {
    if (on.has(c.key) !== config.get<boolean>(`highlights.${c.key}`, c.default))
      await toggleCategory(c.key as Category);
  }
}

export async function filterOutlet(model: ExplorerModel): Promise<void> {
  const all = '$(clear-all) All outlets';
  const picked = await vscode.window.showQuickPick([all, ...model.data.outlets], {
    title: 'claimlens: show one outlet',
  });
  if (picked === undefined) return;
  await model.setOutlet(picked === all ? null : picked);
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
