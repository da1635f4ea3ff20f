import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HighlightsResult, StatusParams } from '../src/protocol.js';
import { startClient, type TestClient } from './lsp-client.js';

/**
 * The bundled server over stdio on a workspace of bad input (the corpus the CLI and script API tests use): odd
 * encodings, every line ending, binary files, broken and looping links, a named pipe, duplicates, broken front
 * matter and Markdown markup. The server must read what it can, report the rest, and give ranges that select
 * the right words in the text the editor shows (decoded, without BOM, line endings as in the file).
 */
type BadInput = Record<string, { text: string | null; code?: string }>;
/** The bad-input corpus maker shared with the core and CLI tests (imported by path: it is outside this package). */
const fixtures = fileURLToPath(new URL('../../core/test/fixtures/input/make-bad-input.ts', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/bundle/server.cjs', import.meta.url));
let root: string;
let expected: BadInput;
let client: TestClient;

type Range = HighlightsResult['highlights'][number]['range'];
const uriOf = (name: string) => pathToFileURL(path.join(root, name)).href;
const readable = () => Object.entries(expected).filter(([, e]) => e.text !== null) as [string, { text: string }][];

function slice(text: string, range: Range): string {
  const document = TextDocument.create('x', 'plaintext', 0, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

/** The names highlighted in a file, as the words its ranges select in the text the editor shows. */
async function namesIn(name: string, text: string): Promise<string[]> {
  const result = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri: uriOf(name) });
  return result.highlights
    .filter((h) => h.kind === 'actor' || h.kind === 'place')
    .map((h) => `${h.kind}:${slice(text, h.range)}`)
    .sort();
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'claimlens-lsp-bad-'));
  const { makeBadInput } = (await import(/* @vite-ignore */ fixtures)) as {
    makeBadInput: (dir: string) => Promise<BadInput>;
  };
  expected = await makeBadInput(root);
  client = startClient(bundle, ['--stdio'], { diagnostics: { severity: 'warning' } });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bad' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
    initializationOptions: { commandLinks: false },
  });
  await client.connection.sendNotification('initialized', {});
}, 60_000);

afterAll(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the language server on a workspace of bad input', () => {
  it('analyses every readable file, skips the rest without failing, and keeps running', async () => {
    const status = await client.waitFor<StatusParams>(
      'claimlens/status',
      (p) => p.workspace.articles === readable().length && p.pending === 0,
      180_000,
    );
    expect(status.failed).toBe(0);
    expect(client.process.exitCode).toBeNull();
  });

  it('logs one line for each file it could not read (binary, broken or looping link, pipe)', () => {
    const logged = client.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message);
    for (const [name, { text, code }] of Object.entries(expected)) {
      if (text !== null || code === undefined || code === 'read/duplicate') continue;
      expect(
        logged.some((line) => line.includes(path.join(root, name))),
        `${name}\n${logged.join('\n')}`,
      ).toBe(true);
    }
  });

  it('puts a warning on files read with problems: invalid UTF-8, a Latin-1 file, broken front matter', async () => {
    for (const [name, code] of [
      ['invalid-utf8.txt', 'read/invalid-utf8'],
      ['latin1.txt', 'read/legacy-encoding'],
      ['front-matter-broken.md', 'markdown/front-matter'],
    ] as const) {
      const published = await client.waitFor<{ uri: string; diagnostics: { code?: string }[] }>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === uriOf(name) && p.diagnostics.some((d) => d.code === code),
        30_000,
      );
      expect(published.diagnostics.some((d) => d.code === code)).toBe(true);
    }
  });

  it('gives ranges that select the same names in every encoding and with every line ending', async () => {
    const reference = await namesIn('utf8.txt', expected['utf8.txt']?.text ?? '');
    expect(reference.length).toBeGreaterThan(3);
    for (const name of ['utf8-bom.txt', 'utf16le.txt', 'utf16be.txt', 'crlf.txt', 'cr.txt']) {
      expect(await namesIn(name, expected[name]?.text ?? ''), name).toEqual(reference);
    }
    // mixed.txt holds the first sentence twice: every name of it, each over its own words.
    const mixed = await namesIn('mixed.txt', expected['mixed.txt']?.text ?? '');
    expect(new Set(mixed)).toEqual(new Set(reference));
    // invalid-utf8.txt: after the replacement character, offsets still select the words.
    const invalid = await namesIn('invalid-utf8.txt', expected['invalid-utf8.txt']?.text ?? '');
    for (const n of invalid) expect(reference).toContain(n);
    expect(invalid.length).toBeGreaterThan(0);
    // latin1.txt, read as Windows-1252: "déjà" is two characters of two bytes, and the names still line up
    const latin1 = await namesIn('latin1.txt', expected['latin1.txt']?.text ?? '');
    for (const n of latin1) expect(reference).toContain(n);
    expect(latin1.length).toBeGreaterThan(0);
  });

  it('highlights nothing out of Markdown markup, and nothing in an empty file', async () => {
    const markup = expected['markup.md']?.text ?? '';
    const result = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', {
      uri: uriOf('markup.md'),
    });
    const words = result.highlights.filter((h) => h.kind !== 'content').map((h) => slice(markup, h.range));
    expect(words.filter((w) => /Berlin|Paris|Moscow|Vienna|Tokyo|Ottawa|Merkel|Rome|Madrid/.test(w))).toEqual([]);
    const empty = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', {
      uri: uriOf('empty.txt'),
    });
    expect(empty.highlights).toEqual([]);
  });

  it('keeps ranges exact in a CRLF document opened and edited in the editor', async () => {
    const uri = uriOf('crlf.txt');
    const text = `Breaking.\r\n\r\n${expected['crlf.txt']?.text ?? ''}`;
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text },
    });
    await client.waitFor<{ uri: string; version: number | null }>(
      'claimlens/highlightsChanged',
      (p) => p.uri === uri && p.version === 1,
      60_000,
    );
    const result = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri });
    expect(result.version).toBe(1);
    const names = result.highlights
      .filter((h) => h.kind === 'actor' || h.kind === 'place')
      .map((h) => `${h.kind}:${slice(text, h.range)}`)
      .sort();
    expect(names).toEqual(await namesIn('utf8.txt', expected['utf8.txt']?.text ?? ''));
  });
});
