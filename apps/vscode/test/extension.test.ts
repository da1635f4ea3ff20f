import type { ExplorerResult, HighlightsResult } from '@claimlens/server/protocol';
import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExplorerModel, ExplorerTree } from '../src/explorer.js';
import { Highlighter } from '../src/highlights.js';
import { categories, toggleAll, toggleCategory } from '../src/settings.js';
import type { FakeEditor } from './mocks/vscode.js';

const range = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
});

function fakeClient(answer: (method: string, params: unknown) => Promise<unknown>, running = true) {
  return {
    isRunning: () => running,
    sendRequest: answer,
    protocol2CodeConverter: {
      asRange: (r: ReturnType<typeof range>) =>
        new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    },
  } as unknown as LanguageClient;
}

function fakeEditor(uri: string, version: number): FakeEditor {
  const decorations = new Map<string, unknown[]>();
  return {
    document: { uri: { toString: () => uri }, version, languageId: 'plaintext' },
    decorations,
    setDecorations: (type, ranges) => void decorations.set(type.key, ranges),
  };
}

describe('highlights', () => {
  it('draws each kind with its own decoration, and drops a reply that a newer request overtook', async () => {
    const replies: ((r: HighlightsResult) => void)[] = [];
    const client = fakeClient(() => new Promise((resolve) => replies.push(resolve as (r: HighlightsResult) => void)));
    const editor = fakeEditor('file:///a.txt', 4);
    (vscode.window as unknown as { visibleTextEditors: FakeEditor[] }).visibleTextEditors = [editor];
    const highlighter = new Highlighter(client);
    const first = highlighter.refresh(editor.document as unknown as vscode.TextDocument);
    const second = highlighter.refresh(editor.document as unknown as vscode.TextDocument);
    replies[1]!({
      uri: 'file:///a.txt',
      version: 4,
      highlights: [
        { kind: 'actor', range: range(0, 0, 5) },
        { kind: 'cue', range: range(0, 6, 10) },
      ],
    });
    await second;
    replies[0]!({ uri: 'file:///a.txt', version: 4, highlights: [{ kind: 'place', range: range(1, 0, 3) }] });
    await first;
    const drawn = [...editor.decorations.values()].map((ranges) => ranges.length);
    expect(drawn.reduce((a, b) => a + b, 0)).toBe(2);
    expect(drawn.filter((n) => n === 1)).toHaveLength(2);
    highlighter.dispose();
  });

  it('ignores highlights computed for another version of the document', async () => {
    const client = fakeClient(async () => ({
      uri: 'file:///a.txt',
      version: 3,
      highlights: [{ kind: 'actor', range: range(0, 0, 5) }],
    }));
    const editor = fakeEditor('file:///a.txt', 4);
    (vscode.window as unknown as { visibleTextEditors: FakeEditor[] }).visibleTextEditors = [editor];
    const highlighter = new Highlighter(client);
    await highlighter.refresh(editor.document as unknown as vscode.TextDocument);
    expect(editor.decorations.size).toBe(0);
    highlighter.dispose();
  });

  it('asks nothing of a server that was not started (a folder that did not ask for analysis)', async () => {
    const asked: string[] = [];
    const client = fakeClient(async (method) => {
      asked.push(method);
      return { uri: 'file:///README.md', version: 1, highlights: [{ kind: 'actor', range: range(0, 0, 4) }] };
    }, false);
    const editor = fakeEditor('file:///README.md', 1);
    (vscode.window as unknown as { visibleTextEditors: FakeEditor[] }).visibleTextEditors = [editor];
    const highlighter = new Highlighter(client);
    highlighter.didChangeHighlights();
    await highlighter.refresh(editor.document as unknown as vscode.TextDocument);
    const model = new ExplorerModel(client);
    await model.refresh();
    expect(asked).toEqual([]);
    expect(editor.decorations.size).toBe(0);
    model.dispose();
    highlighter.dispose();
  });
});

describe('the explorer', () => {
  const place = { uri: 'file:///a.txt', range: range(2, 0, 10) };
  const data: ExplorerResult = {
    outlets: ['Harbor Daily', 'Island Gazette'],
    events: [
      {
        id: 'V1',
        label: 'stranded',
        type: 'stranding',
        reason: 'same word “strand”; same place: Harbor',
        mentions: 2,
        contradictions: 1,
        place,
        outlets: [
          {
            outlet: 'Harbor Daily',
            claims: [
              {
                id: 'c1',
                label: '40 were stranded',
                speaker: 'Maria Okafor',
                outlet: 'Harbor Daily',
                stance: 'assert',
                place,
                contradicted: true,
              },
            ],
          },
          {
            outlet: 'Island Gazette',
            claims: [
              {
                id: 'c2',
                label: '120 were stranded',
                speaker: null,
                outlet: 'Island Gazette',
                stance: 'assert',
                place,
                contradicted: true,
              },
            ],
          },
        ],
      },
    ],
    actors: [
      {
        id: 'E1',
        name: 'Maria Okafor',
        kind: 'person',
        detail: 'person · 1 article',
        place,
        mentions: [{ outlet: 'Harbor Daily', article: 'a.txt', place }],
      },
    ],
    places: [],
  };

  it('shows events with claims grouped by outlet, contradictions marked, each opening its passage', async () => {
    const model = new ExplorerModel(fakeClient(async () => data));
    await model.refresh();
    const tree = new ExplorerTree(model, 'events');
    const [event] = tree.getChildren();
    const eventItem = tree.getTreeItem(event!);
    expect(eventItem.label).toBe('stranded');
    expect(eventItem.description).toBe('1 contradicting · 2 claims · 2 outlets · stranding');
    expect(eventItem.tooltip).toContain('Grouped by same word “strand”; same place: Harbor');
    const outlets = tree.getChildren(event);
    expect(outlets.map((o) => tree.getTreeItem(o).label)).toEqual(['Harbor Daily', 'Island Gazette']);
    expect(tree.getTreeItem(outlets[0]!).description).toBe('1 claim');
    const [claim] = tree.getChildren(outlets[0]);
    const claimItem = tree.getTreeItem(claim!);
    expect(claimItem.label).toMatch(/^Maria Okafor: /);
    expect(claimItem.description).toBe('assert · contradicted');
    expect((claimItem.iconPath as vscode.ThemeIcon).id).toBe('error');
    expect(claimItem.command).toEqual({ title: 'Open', command: 'claimlens.openPlace', arguments: [place] });
  });

  it('asks the server for one outlet when filtered', async () => {
    const asked: unknown[] = [];
    const model = new ExplorerModel(
      fakeClient(async (_method, params) => {
        asked.push(params);
        return data;
      }),
    );
    await model.setOutlet('Harbor Daily');
    expect(asked).toEqual([{ outlet: 'Harbor Daily' }]);
    const actors = new ExplorerTree(model, 'actors');
    expect(actors.getChildren().map((n) => actors.getTreeItem(n).label)).toEqual(['Maria Okafor']);
  });
});

describe('explorer refreshes', () => {
  it('wait until a view shows the explorer', async () => {
    let asked = 0;
    const model = new ExplorerModel(
      fakeClient(async () => {
        asked++;
        return { events: [], actors: [], places: [], outlets: [] };
      }),
    );
    model.didChangeCorpus();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).toBe(0);
    model.didChangeVisibility(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toBe(1);
    model.dispose();
  });
});

describe('category switches', () => {
  it('flip one category, or all of them', async () => {
    await toggleCategory('actors');
    const config = vscode.workspace.getConfiguration('claimlens');
    expect(config.get('highlights.actors', true)).toBe(false);
    const shown = () => categories.map((c) => config.get(`highlights.${c.key}`, c.default));
    await toggleAll();
    expect(shown()).toEqual(categories.map(() => false));
    // Back on: the categories on by default (actors, places, claims, contradictions), not the faint extras.
    await toggleAll();
    expect(Object.fromEntries(categories.map((c, i) => [c.key, shown()[i]]))).toEqual({
      actors: true,
      places: true,
      claims: true,
      ownVoice: false,
      events: false,
      contradictions: true,
    });
  });
});
