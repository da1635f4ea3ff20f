import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HighlightsResult, StatusParams } from '../src/protocol.js';
import { startClient, type TestClient } from './lsp-client.js';

/**
 * What an editor without the claimlens extension sees: a plain LSP client (no custom requests) that asks the
 * bundled server for semantic tokens of the seed articles.
 */
const bundle = fileURLToPath(new URL('../dist/bundle/server.cjs', import.meta.url));
const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));
let root: string;
let client: TestClient;
let legend: { tokenTypes: string[]; tokenModifiers: string[] };

interface Token {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'claimlens-tokens-'));
  cpSync(seeds, root, { recursive: true });
  client = startClient(bundle);
  const result = await client.connection.sendRequest<{
    capabilities: { semanticTokensProvider?: { legend: typeof legend; full: boolean } };
  }>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'seeds' }],
    capabilities: { workspace: { configuration: true, semanticTokens: { refreshSupport: true } } },
  });
  legend = result.capabilities.semanticTokensProvider!.legend;
  await client.connection.sendNotification('initialized', {});
}, 60_000);

afterAll(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Open a seed and read its tokens once the whole workspace is analysed. */
async function tokensOf(name: string): Promise<{ uri: string; text: string; tokens: Token[] }> {
  const file = path.join(root, name);
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const before = client.notifications.length;
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'plaintext', version: 1, text },
  });
  // As an editor does: ask for the tokens when the server says they changed.
  const refreshed = () =>
    client.notifications.slice(before).some((n) => n.method === 'workspace/semanticTokens/refresh');
  for (let waited = 0; !refreshed(); waited += 50) {
    if (waited > 60_000) throw new Error(`No workspace/semanticTokens/refresh after opening ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { data } = await client.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', {
    textDocument: { uri },
  });
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dLine, dStart, length, type, bits] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dLine;
    character = dLine === 0 ? character + dStart : dStart;
    tokens.push({
      line,
      character,
      length,
      type: legend.tokenTypes[type] as string,
      modifiers: legend.tokenModifiers.filter((_, k) => bits & (1 << k)),
      text: (lines[line] ?? '').slice(character, character + length),
    });
  }
  return { uri, text, tokens };
}

describe('semantic tokens for any LSP editor', () => {
  it('declares a legend of actors, places, claim parts and contested claims, with kinds and stances as modifiers', () => {
    expect(legend.tokenTypes).toEqual(
      expect.arrayContaining(['actor', 'place', 'claimSource', 'claimCue', 'claimContent', 'contested']),
    );
    expect(legend.tokenModifiers).toEqual(expect.arrayContaining(['person', 'government', 'country', 'city', 'deny']));
  });

  it('colours every seed: names, cues and contents, one line each, in order, never overlapping', async () => {
    await client.waitFor<StatusParams>(
      'claimlens/status',
      (p) => p.workspace.articles === 5 && p.pending === 0,
      180_000,
    );
    const seen = new Set<string>();
    for (const name of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
      const { tokens } = await tokensOf(name);
      expect(tokens.length, name).toBeGreaterThan(10);
      for (const type of ['actor', 'place', 'claimCue', 'claimContent'])
        expect(
          tokens.some((t) => t.type === type),
          `${name} ${type}`,
        ).toBe(true);
      let previous: Token | undefined;
      for (const token of tokens) {
        seen.add(token.type);
        expect(token.length).toBeGreaterThan(0);
        expect(token.text.length, `${name}: a token runs past its line`).toBe(token.length);
        if (previous && previous.line === token.line)
          expect(token.character).toBeGreaterThanOrEqual(previous.character + previous.length);
        previous = token;
      }
      for (const t of tokens.filter((t) => t.type === 'actor' || t.type === 'place')) {
        expect(t.text.trim()).not.toBe('');
        expect(t.modifiers.length, `${t.type} "${t.text}" has a kind`).toBe(1);
      }
    }
    // The seeds contradict each other: some claim contents are contested.
    expect(seen.has('contested')).toBe(true);
  }, 240_000);

  it('marks the same names as the highlights the VS Code extension draws', async () => {
    const name = readdirSync(seeds).find((f) => f.endsWith('.txt')) as string;
    const { uri, text, tokens } = await tokensOf(name);
    const highlights = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri });
    const document = TextDocument.create(uri, 'plaintext', 1, text);
    const names = (kind: string) =>
      highlights.highlights
        .filter((h) => h.kind === kind)
        .map((h) => text.slice(document.offsetAt(h.range.start), document.offsetAt(h.range.end)));
    expect(tokens.filter((t) => t.type === 'actor').map((t) => t.text)).toEqual(names('actor'));
    expect(tokens.filter((t) => t.type === 'place').map((t) => t.text)).toEqual(names('place'));
  });
});
