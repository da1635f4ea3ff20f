/**
 * A small stand-in for the `vscode` module, enough for the extension's own logic to run under vitest (the real
 * editor is driven by test/integration, where VS Code can be downloaded, and by the e2e harness).
 */
export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c ?? 0, d ?? 0) : (b as Position);
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  static File = new ThemeIcon('file');
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class EventEmitter<T> {
  #listeners = new Set<(value: T) => void>();
  event = (listener: (value: T) => void) => {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of this.#listeners) listener(value);
  }
  dispose(): void {
    this.#listeners.clear();
  }
}

export class TreeItem {
  description?: string;
  tooltip?: string;
  iconPath?: unknown;
  command?: unknown;
  resourceUri?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export const OverviewRulerLane = { Left: 1, Center: 2, Right: 4, Full: 7 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;

export const Uri = {
  parse: (value: string) => ({ toString: () => value, fsPath: value.replace(/^file:\/\//, '') }),
};

export interface FakeEditor {
  document: { uri: { toString(): string }; version: number; languageId: string };
  decorations: Map<string, unknown[]>;
  setDecorations(type: { key: string }, ranges: unknown[]): void;
}

let decorationCount = 0;

export const window = {
  visibleTextEditors: [] as FakeEditor[],
  createTextEditorDecorationType: (options: unknown) => ({
    key: `decoration-${decorationCount++}`,
    options,
    dispose() {},
  }),
};

const settings = new Map<string, unknown>();

export const workspace = {
  workspaceFolders: undefined as unknown[] | undefined,
  settings,
  getConfiguration: (section: string) => ({
    get: <T>(key: string, fallback: T): T =>
      settings.has(`${section}.${key}`) ? (settings.get(`${section}.${key}`) as T) : fallback,
    update: async (key: string, value: unknown) => {
      settings.set(`${section}.${key}`, value);
    },
  }),
};

export const commands = {
  executed: [] as unknown[][],
  executeCommand: async (...args: unknown[]) => {
    commands.executed.push(args);
  },
};
