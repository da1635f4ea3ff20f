import { commands, type InitializationOptions } from '@claimlens/server/protocol';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/** Restarts within this window count towards giving up. */
const restartWindow = 3 * 60_000;
const maxRestarts = 4;

/**
 * The language client: starts the bundled server (`dist/server.cjs`) over IPC for plain-text and Markdown
 * documents. When the server crashes it is restarted, and the user is told once.
 */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const annotator = vscode.workspace.getConfiguration('claimlens').get<string>('annotations.creator', '').trim();
  // The decorations draw the highlights (backgrounds, wavy underlines, ruler marks); semantic tokens are for
  // editors without them.
  const initializationOptions: InitializationOptions = {
    commandLinks: true,
    semanticTokens: false,
    ...(annotator ? { annotator } : {}),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // File events come from FileWatchers (activation.ts), built from the include setting.
    synchronize: { configurationSection: 'claimlens' },
    initializationOptions,
    markdown: { isTrusted: { enabledCommands: [commands.openPlace] }, supportHtml: false },
    outputChannel: output,
    errorHandler: crashHandler(),
  };
  return new LanguageClient('claimlens', 'claimlens', serverOptions, clientOptions);
}

/** Restart a crashed server up to a few times in a window; tell the user once per session. */
function crashHandler(): ErrorHandler {
  const restarts: number[] = [];
  let told = false;
  return {
    error(): ErrorHandlerResult {
      return { action: ErrorAction.Continue };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      while (restarts.length > 0 && now - (restarts[0] ?? 0) > restartWindow) restarts.shift();
      restarts.push(now);
      if (restarts.length > maxRestarts) {
        void vscode.window.showErrorMessage(
          'The claimlens language server stopped repeatedly and will not be restarted. Run "claimlens: Restart Language Server" to try again.',
        );
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage('The claimlens language server stopped unexpectedly and was restarted.');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
