import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  AnnotateResult,
  DisputeItem,
  ExplorerResult,
  HighlightsResult,
  StatusParams,
  StoryModelResult,
} from '../src/protocol.js';
import { startClient, type TestClient } from './lsp-client.js';

/**
 * The built server bundle (dist/bundle/server.cjs, made by the global setup) driven over stdio with real LSP, on
 * a copy of test/fixtures/workspace, with the real annotator and its data as bundled.
 */
const bundle = fileURLToPath(new URL('../dist/bundle/server.cjs', import.meta.url));
let root: string;
let client: TestClient;
let harbor: { uri: string; text: string };
/** What the client answers for the `claimlens` settings; a test changes it and tells the server. */
const configuration: Record<string, unknown> = { diagnostics: { severity: 'warning' }, highlights: { events: true } };

type Range = HighlightsResult['highlights'][number]['range'];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'claimlens-lsp-'));
  cpSync(fileURLToPath(new URL('fixtures/workspace', import.meta.url)), root, { recursive: true });
  client = startClient(bundle, ['--stdio'], configuration);
  const text = readFileSync(path.join(root, 'harbor-daily.md'), 'utf8');
  harbor = { uri: pathToFileURL(path.join(root, 'harbor-daily.md')).href, text };
}, 60_000);

afterAll(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

function slice(text: string, range: Range): string {
  const document = TextDocument.create('x', 'plaintext', 0, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

describe('the bundled language server over stdio', () => {
  it('initialises with hover, definition, references, code actions and incremental sync', async () => {
    const result = await client.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'news' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
      initializationOptions: { commandLinks: false },
    });
    expect(result.capabilities).toMatchObject({
      textDocumentSync: 2,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    });
    await client.connection.sendNotification('initialized', {});
  });

  it('analyses the workspace folder in the background with progress, leaving out other files', async () => {
    const status = await client.waitFor<StatusParams>(
      'claimlens/status',
      (p) => p.workspace.articles === 2 && p.pending === 0,
      120_000,
    );
    expect(status.failed).toBe(0);
    const kinds = client.notifications
      .filter((n) => n.method === '$/progress')
      .map((n) => (n.params as { value: { kind: string } }).value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds).toContain('end');
  });

  it('sends highlights for an opened document, each over the words it marks', async () => {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: harbor.uri, languageId: 'markdown', version: 1, text: harbor.text },
    });
    await client.waitFor<{ uri: string }>('claimlens/highlightsChanged', (p) => p.uri === harbor.uri);
    const result = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri: harbor.uri });
    expect(result.version).toBe(1);
    expect(result.highlights.length).toBeGreaterThan(0);
    for (const h of result.highlights) {
      expect(['actor', 'place', 'source', 'cue', 'content', 'event', 'contradiction']).toContain(h.kind);
      expect(slice(harbor.text, h.range).trim()).not.toBe('');
    }
    // The front matter is markup, never prose.
    expect(result.highlights.every((h) => h.range.start.line > 3)).toBe(true);
  });

  it('answers hovers on what it highlighted, as Markdown', async () => {
    const result = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri: harbor.uri });
    const content = result.highlights.find((h) => h.kind === 'content');
    expect(content).toBeDefined();
    const hover = await client.connection.sendRequest<{ contents: { kind: string; value: string } } | null>(
      'textDocument/hover',
      {
        textDocument: { uri: harbor.uri },
        position: content!.range.start,
      },
    );
    expect(hover!.contents.kind).toBe('markdown');
    expect(hover!.contents.value).toMatch(/\*\*Claim\*\* by .+ · .+ · (assert|deny|accuse|hedge|conditional|question)/);
  });

  it('goes to a definition and finds references for a name it tagged', async () => {
    const result = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri: harbor.uri });
    const name = result.highlights.find((h) => h.kind === 'actor' || h.kind === 'place');
    expect(name).toBeDefined();
    const params = { textDocument: { uri: harbor.uri }, position: name!.range.start };
    const target = await client.connection.sendRequest<{ uri: string; range: Range } | null>(
      'textDocument/definition',
      params,
    );
    expect(target).not.toBeNull();
    const refs = await client.connection.sendRequest<{ uri: string; range: Range }[]>('textDocument/references', {
      ...params,
      context: { includeDeclaration: true },
    });
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const text = readFileSync(fileURLToPath(ref.uri), 'utf8');
      expect(slice(text, ref.range).trim()).not.toBe('');
    }
  });

  it('drops stale versions: after quick edits the highlights are for the newest text', async () => {
    const edited = harbor.text.replace('40 passengers', '45 passengers');
    for (const [version, text] of [
      [2, `${harbor.text}\n`],
      [3, edited],
    ] as const) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: harbor.uri, version },
        contentChanges: [{ text }],
      });
    }
    await client.waitFor<{ uri: string; version: number }>(
      'claimlens/highlightsChanged',
      (p) => p.uri === harbor.uri && p.version === 3,
    );
    const result = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri: harbor.uri });
    expect(result.version).toBe(3);
    for (const h of result.highlights) expect(slice(edited, h.range).trim()).not.toBe('');
  });

  it('answers the explorer, disputes and export requests', async () => {
    const explorer = await client.connection.sendRequest<ExplorerResult>('claimlens/explorer', {});
    expect(explorer.outlets.length).toBeGreaterThan(0);
    expect(Array.isArray(explorer.events)).toBe(true);
    const disputes = await client.connection.sendRequest<DisputeItem[]>('claimlens/disputes');
    expect(Array.isArray(disputes)).toBe(true);
    const exported = await client.connection.sendRequest<{ files: { name: string; content: string }[] }>(
      'claimlens/export',
      { format: 'brat' },
    );
    expect(exported.files.map((f) => f.name).sort()).toEqual([
      'annotation.conf',
      'harbor-daily.ann',
      'harbor-daily.txt',
      'island-gazette.ann',
      'island-gazette.txt',
    ]);
  });

  it('lists each dispute once in the Problems of each article that takes a side, and hides it below claimlens.disputes.minConfidence', async () => {
    const disputes = await client.connection.sendRequest<DisputeItem[]>('claimlens/disputes');
    expect(disputes.length).toBeGreaterThan(0);
    type Published = { uri: string; diagnostics: { code?: string | number; message: string }[] };
    const latest = (uri: string) =>
      (client.notifications.findLast(
        (n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Published).uri === uri,
      )?.params ?? { uri, diagnostics: [] }) as Published;
    const shown = (uri: string) => latest(uri).diagnostics.filter((d) => String(d.code).startsWith('dispute/'));
    for (const dispute of disputes) {
      for (const uri of new Set(dispute.sides.map((s) => s.place.uri))) {
        const entries = shown(uri).filter((d) => dispute.positions.every((p) => d.message.includes(`“${p.value}”`)));
        expect(entries).toHaveLength(1);
        for (const source of dispute.positions.flatMap((p) => p.sources))
          expect(entries[0]!.message).toContain(source.replace(/ \(.*\)$/, ''));
      }
    }
    const above = Math.max(...disputes.map((d) => d.confidence)) + 0.001;
    expect(above).toBeLessThanOrEqual(1);
    const before = new Set(client.notifications.map((n) => n.params));
    configuration.disputes = { minConfidence: above };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = disputes[0]!.sides[0]!.place.uri;
    // the first publication after the change may be from an analysis round already under way: wait for the one
    // made with the new setting
    const hidden = await client.waitFor<Published>(
      'textDocument/publishDiagnostics',
      (p) => !before.has(p) && p.uri === uri && !p.diagnostics.some((d) => String(d.code).startsWith('dispute/')),
    );
    expect(hidden.diagnostics.filter((d) => String(d.code).startsWith('dispute/'))).toEqual([]);
    expect(await client.connection.sendRequest<DisputeItem[]>('claimlens/disputes')).toEqual([]);
    configuration.disputes = { minConfidence: 0 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('answers the story views with the workspace’s outlets, and each article’s document to open', async () => {
    const story = await client.connection.sendRequest<StoryModelResult>('claimlens/story');
    const explorer = await client.connection.sendRequest<ExplorerResult>('claimlens/explorer', {});
    expect(story).not.toBeNull();
    expect([...(story?.outlets ?? [])].sort()).toEqual([...explorer.outlets].sort());
    const uris = story?.articles.map((a) => a.uri).sort();
    expect(uris).toEqual(
      ['harbor-daily.md', 'island-gazette.txt'].map((name) => pathToFileURL(path.join(root, name)).href),
    );
    // Offsets index the text as analysed: on disk for the gazette, which no test edits.
    const gazette = story?.articles.find((a) => a.uri?.endsWith('island-gazette.txt'));
    const text = readFileSync(path.join(root, 'island-gazette.txt'), 'utf8');
    const claims = story?.claims.filter((c) => c.article === gazette?.id) ?? [];
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  });

  it('survives a document it cannot make sense of, and keeps answering', async () => {
    const uri = pathToFileURL(path.join(root, 'noise.txt')).href;
    const noise = `${'\u0000\uFFFD\u202E'.repeat(2000)}${'x'.repeat(20_000)}\r\n\r\n${'🙂 '.repeat(3000)}`;
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: noise },
    });
    await client
      .waitFor<{ uri: string }>('claimlens/highlightsChanged', (p) => p.uri === uri, 60_000)
      .catch(() => null);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 3 },
    });
    expect(hover === null || typeof hover === 'object').toBe(true);
    const again = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri: harbor.uri });
    expect(again.version).toBe(3);
    expect(client.process.exitCode).toBeNull();
  });

  it('remembers a dismissed finding in .claimlens/dismissed.json', async () => {
    const result = await client.connection.sendRequest<{ dismissed: string[] }>('claimlens/dismiss', {
      key: 'quantity|a#x|b#y',
      dismissed: true,
    });
    expect(result.dismissed).toContain('quantity|a#x|b#y');
    const file = path.join(root, '.claimlens', 'dismissed.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).dismissed).toEqual(['quantity|a#x|b#y']);
  });

  it('keeps human annotations: reject a machine span, tag another, both hold after an edit above them, undo', async () => {
    const file = path.join(root, 'island-gazette.txt');
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text },
    });
    await client.waitFor<{ uri: string }>('claimlens/highlightsChanged', (p) => p.uri === uri);
    const before = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri });
    const actor = before.highlights.find((h) => h.kind === 'actor');
    if (!actor) throw new Error('Expected the machine to tag an actor in the fixture');
    const actorWords = slice(text, actor.range);
    const actions = await client.connection.sendRequest<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: actor.range,
      context: { diagnostics: [] },
    });
    expect(actions.map((a) => a.title)).toContain(`claimlens: Reject the actor “${actorWords}”`);
    const annotate = (params: Record<string, unknown>) =>
      client.connection.sendRequest<AnnotateResult>('claimlens/annotate', { uri, version: 1, ...params });
    const rejected = await annotate({ action: 'reject', range: actor.range });
    expect(rejected).toMatchObject({ done: true, undo: { uri, content: null } });
    const word = 'reporters';
    const document = TextDocument.create(uri, 'plaintext', 1, text);
    const at = text.indexOf(word);
    const range = { start: document.positionAt(at), end: document.positionAt(at + word.length) };
    const tagged = await annotate({ action: 'tag', tag: 'actor', kind: 'group', range });
    expect(tagged.done).toBe(true);
    const saved = path.join(root, '.claimlens', 'annotations', 'island-gazette.txt.jsonld');
    const items = JSON.parse(readFileSync(saved, 'utf8')).items as { body: { value: string }[] }[];
    expect(items.map((i) => i.body.map((b) => b.value).join(' ')).sort()).toEqual(['actor group', 'none']);

    // Text inserted above both: they still hold where the words moved to.
    const inserted = 'UPDATE: this story was corrected.\n\n';
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: inserted + text }],
    });
    // A corpus rebuilt meanwhile announces version 2 before its analysis is done: ask until the reply is for it.
    let after = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri });
    for (let tries = 0; after.version !== 2 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await client.connection.sendRequest<HighlightsResult>('claimlens/highlights', { uri });
    }
    expect(after.version).toBe(2);
    const edited = inserted + text;
    const words = (kind: string) => after.highlights.filter((h) => h.kind === kind).map((h) => slice(edited, h.range));
    expect(words('human')).toEqual([word]);
    expect(words('actor')).toContain(word);
    const shifted = actor.range.start.line + 2;
    expect(
      after.highlights.some(
        (h) =>
          h.kind === 'actor' &&
          h.range.start.line === shifted &&
          h.range.start.character === actor.range.start.character,
      ),
    ).toBe(false);
    const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: TextDocument.create(uri, 'plaintext', 2, edited).positionAt(edited.indexOf(word) + 1),
    });
    expect(hover.contents.value).toMatch(/✎ Tagged as an actor by you/);
    const explorer = await client.connection.sendRequest<ExplorerResult>('claimlens/explorer', {});
    expect(explorer.annotations?.map((a) => a.label).sort()).toEqual(['actor · group', 'rejected']);

    // Undo the tag: the file is as it was after the rejection.
    const undone = await client.connection.sendRequest<AnnotateResult>('claimlens/restoreAnnotations', tagged.undo);
    expect(undone.done).toBe(true);
    const left = JSON.parse(readFileSync(saved, 'utf8')).items as { body: { value: string }[] }[];
    expect(left.map((i) => i.body[0]?.value)).toEqual(['none']);
  });
});
