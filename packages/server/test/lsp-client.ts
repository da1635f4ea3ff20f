import { type ChildProcess, spawn } from 'node:child_process';
import {
  createMessageConnection,
  type MessageConnection,
  ProgressType,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

/** A minimal LSP client over stdio for tests: spawns the bundled server and records what it sends. */
export interface TestClient {
  connection: MessageConnection;
  process: ChildProcess;
  notifications: { method: string; params: unknown }[];
  stderr: string[];
  /** Resolve with the first notification (already received or coming) for which `test` holds; reject after `timeout`. */
  waitFor<T>(method: string, test?: (params: T) => boolean, timeout?: number): Promise<T>;
  close(): Promise<void>;
}

export function startClient(
  serverScript: string,
  args: string[] = ['--stdio'],
  configuration: unknown = {},
): TestClient {
  const child = spawn(process.execPath, [serverScript, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const notifications: { method: string; params: unknown }[] = [];
  const stderr: string[] = [];
  const listeners = new Set<() => void>();
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
    for (const listener of listeners) listener();
  });
  // Progress arrives on tokens the server creates; record each report as a `$/progress` notification.
  connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
    connection.onProgress(new ProgressType<unknown>(), token, (value) => {
      notifications.push({ method: '$/progress', params: { token, value } });
      for (const listener of listeners) listener();
    });
    return null;
  });
  connection.onRequest('window/showMessageRequest', () => null);
  // The server asks to refresh semantic tokens when highlights change; record it like a notification.
  connection.onRequest('workspace/semanticTokens/refresh', () => {
    notifications.push({ method: 'workspace/semanticTokens/refresh', params: null });
    for (const listener of listeners) listener();
    return null;
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => configuration),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  return {
    connection,
    process: child,
    notifications,
    stderr,
    waitFor<T>(method: string, test: (params: T) => boolean = () => true, timeout = 20_000) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = notifications.find((n) => n.method === method && test(n.params as T));
          if (!found) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found.params as T);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`No ${method} notification within ${timeout} ms. stderr: ${stderr.join('')}`));
        }, timeout);
        if (!check()) listeners.add(check);
      });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill();
            resolve();
          }, 3000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}
