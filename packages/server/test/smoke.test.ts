import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { it } from 'vitest';
import { startClient } from './lsp-client.js';

it('smoke', async () => {
  const root = fileURLToPath(new URL('fixtures/workspace', import.meta.url));
  const c = startClient(fileURLToPath(new URL('../dist/bundle/server.cjs', import.meta.url)));
  const t0 = Date.now();
  const init = await c.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } }, initializationOptions: { commandLinks: false } });
  console.log(JSON.stringify(init).slice(0, 200));
  await c.connection.sendNotification('initialized', {});
  const st = await c.waitFor<any>('claimlens/status', (p) => p.workspace.articles >= 2 && p.pending === 0);
  console.log('status', Date.now() - t0, JSON.stringify(st));
  const uri = pathToFileURL(root + '/harbor-daily.md').href;
  const text = readFileSync(root + '/harbor-daily.md', 'utf8');
  await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await c.waitFor('claimlens/highlightsChanged', (p: any) => p.uri === uri);
  const h = await c.connection.sendRequest('claimlens/highlights', { uri });
  console.log(JSON.stringify(h).slice(0, 1500));
  const ex = await c.connection.sendRequest('claimlens/explorer', {});
  console.log(JSON.stringify(ex).slice(0, 1500));
  console.log(c.notifications.map((n) => n.method).join(' '));
  console.log(c.stderr.join(''));
  await c.close();
});
