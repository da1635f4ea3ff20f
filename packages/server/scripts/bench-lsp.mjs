#!/usr/bin/env node
/**
 * Time the bundled language server as an editor would drive it, over stdio:
 *   - highlights after opening a long article (the given articles concatenated to at least --words words),
 *   - hover latency on its mentions and claims,
 *   - analysis of a folder of --files articles (copies of the given ones) in the background, with a hover
 *     answered while it runs.
 * Needs the bundle: `node packages/server/scripts/bundle.mjs` first.
 *
 * Usage: node packages/server/scripts/bench-lsp.mjs <folder of .txt/.md articles> [--files 1000] [--words 10000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  console.log('Usage: node packages/server/scripts/bench-lsp.mjs <folder of articles> [--files 1000] [--words 10000]');
  process.exit(args.length === 0 ? 1 : 0);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const source = path.resolve(args[0]);
const fileCount = option('--files', 1000);
const words = option('--words', 10_000);
const server = fileURLToPath(new URL('../dist/bundle/server.cjs', import.meta.url));

const texts = readdirSync(source)
  .filter((f) => /\.(txt|md)$/i.test(f))
  .map((f) => readFileSync(path.join(source, f), 'utf8'));
if (texts.length === 0) throw new Error(`Expected articles in ${source}, not none`);

const long = [];
for (let i = 0, n = 0; n < words; i++) {
  const text = texts[i % texts.length];
  long.push(text);
  n += text.split(/\s+/).length;
}
const longText = long.join('\n\n');

const root = mkdtempSync(path.join(os.tmpdir(), 'claimlens-bench-'));
// Each copy differs (readers count identical files once).
for (let i = 0; i < fileCount; i++)
  writeFileSync(path.join(root, `a${String(i).padStart(4, '0')}.txt`), `${texts[i % texts.length]}\n\nCopy ${i}.\n`);
const longFile = path.join(os.tmpdir(), `claimlens-long-${process.pid}.txt`);
writeFileSync(longFile, longText);

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiters = [];
connection.onNotification((method, params) => {
  for (const w of [...waiters])
    if (w.method === method && w.test(params)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(params);
    }
});
const progress = [];
connection.onNotification('$/progress', (p) => progress.push(p));
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
connection.listen();
const waitFor = (method, test = () => true) => new Promise((resolve) => waiters.push({ method, test, resolve }));

// 1. One long article, no workspace folder.
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: { window: { workDoneProgress: true } },
});
await connection.sendNotification('initialized', {});
// Warm up: the worker loads its data while the editor starts; a short article opened first waits for that.
const warmUri = pathToFileURL(path.join(os.tmpdir(), 'claimlens-warm.txt')).href;
const warm = waitFor('claimlens/highlightsChanged', (p) => p.uri === warmUri);
let started = performance.now();
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri: warmUri, languageId: 'plaintext', version: 1, text: texts[0] },
});
await warm;
console.log(
  `first article after start: highlights in ${(performance.now() - started).toFixed(0)} ms (loading the models)`,
);
const uri = pathToFileURL(longFile).href;
started = performance.now();
const changed = waitFor('claimlens/highlightsChanged', (p) => p.uri === uri);
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'plaintext', version: 1, text: longText },
});
await changed;
const result = await connection.sendRequest('claimlens/highlights', { uri });
const firstHighlights = performance.now() - started;
console.log(
  `long article: ${longText.split(/\s+/).length} words, first ${result.highlights.length} highlights in ${firstHighlights.toFixed(0)} ms`,
);
const full = await waitFor('claimlens/status', (p) => p.pending === 0 && (p.documents[uri]?.claims ?? 0) > 0);
console.log(
  `long article: whole text analysed after ${(performance.now() - started).toFixed(0)} ms (${full.documents[uri].claims} claims)`,
);

const after = await connection.sendRequest('claimlens/highlights', { uri });
const targets = after.highlights.filter((h) => h.kind !== 'event').slice(0, 200);
const times = [];
for (const h of targets) {
  started = performance.now();
  await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: h.range.start });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const pct = (p) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
console.log(`hover: ${times.length} hovers, median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

// 2. A workspace of many articles, with a hover while it is analysed.
const second = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const c2 = createMessageConnection(new StreamMessageReader(second.stdout), new StreamMessageWriter(second.stdin));
let statuses = 0;
const done = new Promise((resolve) => {
  c2.onNotification('claimlens/status', (p) => {
    statuses++;
    if (p.pending === 0 && p.workspace.articles >= fileCount) resolve(p);
  });
});
const reports = [];
c2.onNotification('$/progress', (p) => reports.push(p.value));
c2.onRequest('window/workDoneProgress/create', () => null);
c2.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
c2.listen();
started = performance.now();
await c2.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
});
await c2.sendNotification('initialized', {});
// Hover on the first article every 2 s while the rest is analysed and the corpus rebuilt in the background.
const firstUri = pathToFileURL(path.join(root, 'a0000.txt')).href;
const during = [];
let finished = false;
done.then(() => {
  finished = true;
});
while (!finished) {
  await new Promise((r) => setTimeout(r, 2000));
  const t = performance.now();
  await c2.sendRequest('textDocument/hover', { textDocument: { uri: firstUri }, position: { line: 0, character: 5 } });
  during.push(performance.now() - t);
}
during.sort((a, b) => a - b);
console.log(
  `hover while analysing: ${during.length} hovers, median ${(during[Math.floor(during.length / 2)] ?? 0).toFixed(1)} ms, ` +
    `max ${(during[during.length - 1] ?? 0).toFixed(1)} ms`,
);
const final = await done;
console.log(
  `workspace: ${fileCount} articles analysed in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `${reports.length} progress reports, ${statuses} status updates; ${final.workspace.claims} claims, ` +
    `${final.workspace.events} events, ${final.workspace.contradictions} contradictions, ${final.failed} abandoned`,
);
await c2.sendRequest('shutdown');
await c2.sendNotification('exit');
rmSync(root, { recursive: true, force: true });
rmSync(longFile, { force: true });
setTimeout(() => process.exit(0), 500);
