import {
  type Article,
  applyHumanAnnotations,
  type Corpus,
  type DocumentAnnotation,
  type HumanAnnotation,
  type Message,
  type PlacedAnnotation,
} from '@claimlens/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusBuilder } from './builder.js';
import { type AnnotationRunner, TimeoutError } from './runner.js';

/** A text as it was analysed: offsets in its annotation index `text`, and `document` converts them. */
export interface Snapshot {
  /** The editor's version of the text; null for a file read from disk. */
  version: number | null;
  text: string;
  document: TextDocument;
  /** What the machine found, with the human annotations applied over it (see docs/annotations.md). */
  annotation: DocumentAnnotation;
  /** What the machine found alone: kept so that changed human annotations apply without analysing again. */
  machine: DocumentAnnotation;
  /** The human annotations as placed in this text (null where one could not be: orphaned). */
  placed: PlacedAnnotation[];
  /** An `annotations/orphaned` warning per human annotation that no longer fits the text. */
  orphans: Message[];
  /** Set when only the start of the text was analysed yet (a first look at a long document). */
  partial?: boolean;
}

/** One article of the workspace: a file on disk, a document open in the editor, or both. */
export interface Entry {
  uri: string;
  /** The article id in the corpus: the workspace-relative path, or the uri outside any folder. */
  id: string;
  format: 'markdown' | 'plaintext';
  outlet: string | null;
  title: string | null;
  date: string | null;
  url: string | null;
  path: string;
  /** Whether the editor has it open (its text then comes from the editor, not the disk). */
  open: boolean;
  version: number | null;
  text: string;
  /** Bumped on every change; a result for an older generation is dropped. */
  generation: number;
  analysed: Snapshot | null;
  /** Why the last analysis failed, if it did. */
  failure: Message | null;
  readMessages: Message[];
}

/** The corpus and, for each of its articles, the snapshot it was built from. */
export interface CorpusState {
  corpus: Corpus;
  /** Article id → entry uri and the snapshot the corpus used. */
  articles: Map<string, { uri: string; snapshot: Snapshot }>;
  /** Entry uri → article id. */
  ids: Map<string, string>;
  /** Outlet to show for an article id. */
  outlet(articleId: string): string;
}

export interface WorkspaceOptions {
  runner: AnnotationRunner;
  /** Longest time one text may take, in ms. */
  timeout: () => number;
  /** The human annotations of an entry's article (docs/annotations.md); default: none. */
  human?: (entry: Entry) => readonly HumanAnnotation[];
  /** Called when a document's own annotation is new (highlights can be refreshed). */
  didAnalyse?: (entry: Entry) => void;
  /** Called when analysis of a file failed or was abandoned. */
  didFail?: (entry: Entry | null, message: Message) => void;
  /** Called when a new corpus is built. */
  didBuildCorpus?: (state: CorpusState) => void;
  /** Called with progress of the queue: files done of files queued since it was last empty. */
  didProgress?: (done: number, total: number) => void;
  /** Builds the corpus (in a worker in the server, in this thread in tests). */
  builder: CorpusBuilder;
  /** How long to wait after the last analysis before rebuilding the corpus, in ms. Default: 150. */
  corpusDelay?: number;
  /**
   * During a long queue, rebuild the corpus for partial results at most every this many ms, and at most every
   * four times as long as the last build took. Default: 2000.
   */
  partialEvery?: number;
  /** An open document longer than this many characters is first analysed up to about here. Default: 5000. */
  previewLength?: number;
}

/**
 * The workspace model: every article, its latest analysis, and the corpus across them. Analysis runs one text at a
 * time through the runner, open documents first; the corpus is rebuilt shortly after analyses settle.
 */
export class Workspace {
  readonly entries = new Map<string, Entry>();
  state: CorpusState | null = null;
  readonly #options: WorkspaceOptions;
  readonly #queue = new Map<string, { priority: number; generation: number }>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #running = false;
  #done = 0;
  #total = 0;
  #corpusTimer: ReturnType<typeof setTimeout> | null = null;
  #lastBuild = 0;
  #lastBuildTook = 0;
  #building = false;
  #corpusDirty = false;
  #waiters: (() => void)[] = [];
  /** The uri being analysed now, if any. */
  #current: string | null = null;

  constructor(options: WorkspaceOptions) {
    this.#options = options;
  }

  /** Add or replace an article; it is queued for analysis after `delay` ms (open documents first). */
  set(
    fields: Pick<Entry, 'uri' | 'id' | 'path' | 'format' | 'text' | 'version' | 'open'> &
      Partial<Pick<Entry, 'outlet' | 'title' | 'date' | 'url' | 'readMessages'>>,
    delay = 0,
  ): Entry {
    const previous = this.entries.get(fields.uri);
    const entry: Entry = {
      outlet: null,
      title: null,
      date: null,
      url: null,
      readMessages: [],
      ...previous,
      ...fields,
      generation: (previous?.generation ?? 0) + 1,
      analysed: previous?.analysed ?? null,
      failure: null,
    };
    this.entries.set(entry.uri, entry);
    if (previous?.analysed && !previous.analysed.partial && previous.analysed.text === entry.text) {
      // Same text (a file opened, or closed unchanged): keep the snapshot the corpus was built from.
      previous.analysed.version = entry.version;
      return entry;
    }
    this.#schedule(entry, delay);
    return entry;
  }

  /** Update what is known about an article besides its text (outlet, title, date, url) without analysing it again. */
  describe(uri: string, meta: Partial<Pick<Entry, 'outlet' | 'title' | 'date' | 'url'>>): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    let changed = false;
    for (const key of ['outlet', 'title', 'date', 'url'] as const) {
      const value = meta[key];
      if (value !== undefined && value !== null && entry[key] !== value) {
        entry[key] = value;
        changed = true;
      }
    }
    if (!changed || !entry.analysed || entry.analysed.partial) return;
    this.#options.builder.set({
      article: articleOf(entry, entry.analysed.text),
      annotation: entry.analysed.annotation,
    });
    this.#markCorpusDirty();
  }

  /**
   * Apply an article's human annotations again (they changed) over what the machine found, without analysing it
   * again; the corpus is rebuilt.
   */
  reapply(uri: string): void {
    const entry = this.entries.get(uri);
    const snapshot = entry?.analysed;
    if (!entry || !snapshot) return;
    entry.analysed = this.#withHuman(entry, { ...snapshot, annotation: snapshot.machine });
    if (!snapshot.partial) {
      this.#options.builder.set({ article: articleOf(entry, snapshot.text), annotation: entry.analysed.annotation });
      this.#markCorpusDirty();
    }
    this.#options.didAnalyse?.(entry);
  }

  /** A snapshot with the entry's human annotations applied over its machine annotation. */
  #withHuman(entry: Entry, snapshot: Omit<Snapshot, 'placed' | 'orphans'>): Snapshot {
    const human = this.#options.human?.(entry) ?? [];
    const applied = applyHumanAnnotations(snapshot.text, snapshot.machine, human, entry.path);
    return { ...snapshot, annotation: applied.annotation, placed: applied.placed, orphans: applied.messages };
  }

  /** Remove an article (deleted, or closed and not part of the workspace). */
  delete(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.entries.delete(uri);
    this.#options.builder.delete(entry.id);
    this.#queue.delete(uri);
    const timer = this.#timers.get(uri);
    if (timer) clearTimeout(timer);
    this.#timers.delete(uri);
    this.#markCorpusDirty();
  }

  /** Analyse every article again. */
  reanalyse(): number {
    for (const entry of this.entries.values()) {
      entry.generation++;
      this.#schedule(entry, 0);
    }
    return this.entries.size;
  }

  /** Files waiting for analysis. */
  get pending(): number {
    return this.#queue.size + this.#timers.size;
  }

  /**
   * Stop the background run: files not open in the editor that are still waiting are taken off the queue (open
   * documents are still analysed). The file being analysed now finishes. Returns how many were taken off.
   */
  cancel(): number {
    let removed = 0;
    for (const [uri] of [...this.#queue]) {
      if (this.entries.get(uri)?.open) continue;
      this.#queue.delete(uri);
      removed++;
    }
    for (const [uri, timer] of [...this.#timers]) {
      if (this.entries.get(uri)?.open) continue;
      clearTimeout(timer);
      this.#timers.delete(uri);
      removed++;
    }
    if (removed > 0) this.#markCorpusDirty();
    return removed;
  }

  /** Articles never analysed because their run was cancelled (neither analysed, failed, waiting nor running). */
  get skipped(): number {
    let n = 0;
    for (const entry of this.entries.values()) {
      if (entry.analysed || entry.failure || entry.uri === this.#current) continue;
      if (!this.#queue.has(entry.uri) && !this.#timers.has(entry.uri)) n++;
    }
    return n;
  }

  /** Resolves when nothing is queued and the corpus is up to date. */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    if (this.#corpusTimer) clearTimeout(this.#corpusTimer);
    this.#options.runner.dispose();
    this.#options.builder.dispose();
  }

  #schedule(entry: Entry, delay: number): void {
    const existing = this.#timers.get(entry.uri);
    if (existing) clearTimeout(existing);
    this.#timers.delete(entry.uri);
    const enqueue = () => {
      this.#timers.delete(entry.uri);
      const current = this.entries.get(entry.uri);
      if (!current) return;
      if (!this.#queue.has(current.uri)) this.#total++;
      this.#queue.set(current.uri, { priority: current.open ? 0 : 1, generation: current.generation });
      void this.#drain();
    };
    if (delay > 0) this.#timers.set(entry.uri, setTimeout(enqueue, delay));
    else enqueue();
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let next = this.#next(); next; next = this.#next()) {
        const [uri, job] = next;
        this.#queue.delete(uri);
        const entry = this.entries.get(uri);
        this.#current = uri;
        try {
          if (entry && entry.generation === job.generation) await this.#analyse(entry);
        } finally {
          this.#current = null;
        }
        this.#done++;
        this.#options.didProgress?.(this.#done, this.#total);
        const every = Math.max(this.#options.partialEvery ?? 2000, 4 * this.#lastBuildTook);
        if (this.#queue.size > 0 && !this.#building && Date.now() - this.#lastBuild > every) void this.#buildCorpus();
      }
    } finally {
      this.#running = false;
      this.#done = 0;
      this.#total = 0;
    }
    this.#markCorpusDirty();
  }

  #next(): [string, { priority: number; generation: number }] | undefined {
    let best: [string, { priority: number; generation: number }] | undefined;
    for (const item of this.#queue) if (!best || item[1].priority < best[1].priority) best = item;
    return best;
  }

  async #analyse(entry: Entry): Promise<void> {
    const { text, version, generation } = entry;
    const previewLength = this.#options.previewLength ?? 5000;
    try {
      if (entry.open && !entry.analysed && text.length > previewLength * 1.5) await this.#preview(entry, previewLength);
      if (this.entries.get(entry.uri) !== entry || entry.generation !== generation) return;
      const annotation = await this.#options.runner.annotate({ text, format: entry.format }, this.#options.timeout());
      if (this.entries.get(entry.uri) !== entry || entry.generation !== generation) return;
      const document = TextDocument.create(entry.uri, entry.format, version ?? 0, text);
      entry.analysed = this.#withHuman(entry, { version, text, document, annotation, machine: annotation });
      entry.failure = null;
      this.#options.builder.set({ article: articleOf(entry, text), annotation: entry.analysed.annotation });
      this.#corpusDirty = true;
      this.#options.didAnalyse?.(entry);
    } catch (error) {
      if (this.entries.get(entry.uri) !== entry || entry.generation !== generation) return;
      const timedOut = error instanceof TimeoutError;
      const reason = timedOut
        ? `${entry.id}: ${error.message}`
        : `${entry.id}: analysis failed: ${error instanceof Error ? error.message : String(error)}`;
      const code = timedOut ? 'analysis/timeout' : 'analysis/failed';
      entry.failure = { code, severity: 'warning', reason, path: entry.path };
      this.#options.builder.delete(entry.id);
      entry.analysed = null;
      this.#corpusDirty = true;
      this.#options.didFail?.(entry, entry.failure);
    }
  }

  /** Analyse the start of a long document first, up to a paragraph break near `length`, for quick highlights. */
  async #preview(entry: Entry, length: number): Promise<void> {
    const { text, version, generation } = entry;
    const cut = text.indexOf('\n', length);
    const end = cut === -1 || cut > length * 1.5 ? length : cut;
    const prefix = text.slice(0, end);
    const annotation = await this.#options.runner.annotate(
      { text: prefix, format: entry.format },
      this.#options.timeout(),
    );
    if (this.entries.get(entry.uri) !== entry || entry.generation !== generation || entry.analysed) return;
    const document = TextDocument.create(entry.uri, entry.format, version ?? 0, text);
    entry.analysed = this.#withHuman(entry, {
      version,
      text,
      document,
      annotation,
      machine: annotation,
      partial: true,
    });
    this.#options.didAnalyse?.(entry);
  }

  #markCorpusDirty(): void {
    this.#corpusDirty = true;
    if (this.#corpusTimer) clearTimeout(this.#corpusTimer);
    this.#corpusTimer = setTimeout(() => {
      this.#corpusTimer = null;
      if (!this.#running) void this.#buildCorpus();
    }, this.#options.corpusDelay ?? 150);
  }

  async #buildCorpus(): Promise<void> {
    if (this.#building) return;
    this.#lastBuild = Date.now();
    if (!this.#corpusDirty && this.state) return this.#settle();
    this.#corpusDirty = false;
    this.#building = true;
    const articles = new Map<string, { uri: string; snapshot: Snapshot }>();
    const ids = new Map<string, string>();
    const outlets = new Map<string, string>();
    for (const entry of this.entries.values()) {
      if (!entry.analysed || entry.analysed.partial) continue;
      articles.set(entry.id, { uri: entry.uri, snapshot: entry.analysed });
      ids.set(entry.uri, entry.id);
      outlets.set(entry.id, outletName(entry));
    }
    const started = performance.now();
    try {
      const corpus = await this.#options.builder.build();
      this.#lastBuildTook = performance.now() - started;
      this.state = { corpus, articles, ids, outlet: (id) => outlets.get(id) ?? corpus.article(id)?.outlet ?? id };
      this.#options.didBuildCorpus?.(this.state);
    } catch (error) {
      const reason = `Building the corpus failed: ${error instanceof Error ? error.message : String(error)}`;
      this.#options.didFail?.(null, { code: 'corpus/failed', severity: 'error', reason });
    } finally {
      this.#building = false;
    }
    if (this.#corpusDirty && !this.#running) this.#markCorpusDirty();
    this.#settle();
  }

  #isIdle(): boolean {
    return (
      !this.#running &&
      !this.#building &&
      this.#queue.size === 0 &&
      this.#timers.size === 0 &&
      !this.#corpusTimer &&
      !this.#corpusDirty
    );
  }

  #settle(): void {
    if (!this.#isIdle()) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** The outlet shown for an article: its outlet, else its title, else its file name. */
export function outletName(entry: Pick<Entry, 'outlet' | 'title' | 'id'>): string {
  return entry.outlet ?? entry.title ?? entry.id.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** The article the corpus sees for an entry, with the text its annotation indexes. */
function articleOf(entry: Entry, text: string): Article {
  const { id, path, outlet, title, date, url, format, readMessages: messages } = entry;
  return { id, path, outlet, title, date, url, text, format, messages };
}
