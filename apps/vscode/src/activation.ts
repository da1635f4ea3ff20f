import * as vscode from 'vscode';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type FileEvent,
  type LanguageClient,
} from 'vscode-languageclient/node';

/** The file whose presence at a workspace folder's root turns the analysis on for that folder. */
export const configFile = 'claimlens.json';

/**
 * Whether claimlens should analyse the open folders: one has a `claimlens.json` at its root, or the setting
 * `claimlens.workspace.analyse` is on for it. Otherwise nothing is analysed until the user asks.
 */
export async function shouldAnalyse(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (vscode.workspace.getConfiguration('claimlens', folder.uri).get<boolean>('workspace.analyse', false))
      return true;
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, configFile));
      return true;
    } catch {
      // No claimlens.json in this folder.
    }
  }
  return false;
}

/** Write a starting `claimlens.json` at the root of a folder (the first, or one the user picks) and open it. */
export async function createConfig(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folders.length > 1
      ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder of articles' })
      : folders[0];
  if (!folder) {
    void vscode.window.showInformationMessage('claimlens: open a folder of articles first.');
    return;
  }
  const uri = vscode.Uri.joinPath(folder.uri, configFile);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    // Every key is optional; the schema (jsonValidation) completes and checks what the user adds.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{}\n'));
  }
  await vscode.window.showTextDocument(uri);
}

/**
 * Write the sample articles that ship with the extension (eight ECB+ reports of one event, with a `claimlens.json`)
 * into a new folder `claimlens-samples` inside a folder the user picks, and open it. An existing folder of that
 * name is left alone: the new one is numbered.
 */
export async function openSamples(extension: vscode.Uri): Promise<void> {
  const [parent] =
    (await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      openLabel: 'Put the samples here',
      title: 'claimlens: the folder in which to make a folder of sample articles',
    })) ?? [];
  if (!parent) return;
  let target = vscode.Uri.joinPath(parent, 'claimlens-samples');
  for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(parent, `claimlens-samples-${n}`);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension, 'samples'), target, { overwrite: false });
  await vscode.commands.executeCommand('vscode.openFolder', target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Watches the files the server analyses, built from `claimlens.files.include` (the server leaves out what
 * `claimlens.files.exclude` excludes), `.claimlens/dismissed.json` and the annotation files; tells the server of each change. Built
 * anew when the include setting changes.
 */
export class FileWatchers implements vscode.Disposable {
  readonly #client: LanguageClient;
  #watchers: vscode.FileSystemWatcher[] = [];

  constructor(client: LanguageClient) {
    this.#client = client;
  }

  /** (Re)build the watchers from the current settings. */
  watch(): void {
    this.dispose();
    const include = vscode.workspace.getConfiguration('claimlens').get<string[]>('files.include', []); // the manifest holds the default
    const globs = [
      ...include.filter((g) => typeof g === 'string' && g.trim() !== ''),
      '**/.claimlens/dismissed.json',
      '**/.claimlens/annotations/**/*.jsonld',
    ];
    for (const glob of globs) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      watcher.onDidCreate((uri) => this.#send(uri, FileChangeType.Created));
      watcher.onDidChange((uri) => this.#send(uri, FileChangeType.Changed));
      watcher.onDidDelete((uri) => this.#send(uri, FileChangeType.Deleted));
      this.#watchers.push(watcher);
    }
  }

  #send(uri: vscode.Uri, type: FileChangeType): void {
    if (!this.#client.isRunning()) return;
    const changes: FileEvent[] = [{ uri: uri.toString(), type }];
    void this.#client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch(() => undefined);
  }

  dispose(): void {
    for (const watcher of this.#watchers) watcher.dispose();
    this.#watchers = [];
  }
}
