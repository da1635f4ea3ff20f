import { Worker } from 'node:worker_threads';
import { defaultBuildOptions } from '@claimlens/annotator';
import {
  type AnnotatedArticle,
  type AnnotationCache,
  buildCorpus,
  Corpus,
  type CorpusConfig,
  type DocumentAnnotation,
} from '@claimlens/core';
import { LazyJsonMap } from './lazy-map.js';

/** Keeps the annotated articles and builds the corpus from them, somewhere. */
export interface CorpusBuilder {
  set(item: AnnotatedArticle): void;
  delete(id: string): void;
  /** Entity corrections (from claimlens.json) to build with. */
  configure(config: CorpusConfig): void;
  /** Build from the articles set so far (every `set` and `delete` made before this call counts). */
  build(): Promise<Corpus>;
  dispose(): void;
}

/**
 * Build as `claimlens analyze` does: with the annotator's default knowledge and, given a cache, the event groupings
 * kept in it, so that the first build of a workspace analysed before groups only the sub-topics that changed.
 */
export function defaultBuild(
  cache: AnnotationCache | null = null,
): (items: AnnotatedArticle[], config: CorpusConfig) => Corpus {
  const options = defaultBuildOptions(cache);
  return (items, config) => buildCorpus(items, config, options);
}

/** Build in this thread: for tests, and small workspaces. */
export function inlineBuilder(
  build: (items: AnnotatedArticle[], config: CorpusConfig) => Corpus = defaultBuild(),
): CorpusBuilder {
  const items = new Map<string, AnnotatedArticle>();
  let config: CorpusConfig = {};
  return {
    configure: (given) => {
      config = given;
    },
    set: (item) => void items.set(item.article.id, item),
    delete: (id) => void items.delete(id),
    async build() {
      await new Promise((resolve) => setImmediate(resolve));
      return build([...items.values()], config);
    },
    dispose() {},
  };
}

/**
 * Build in a worker thread (`worker.ts` in the `corpus` role), so that building the corpus of a large workspace
 * never holds up hovers and highlights; with `cache`, the worker keeps event groupings in the user's annotation
 * cache (see `defaultBuild`). The corpus comes back as plain data and is made a `Corpus` again here; its
 * per-article annotations come as JSON text, parsed only when a request reads them.
 */
export function workerBuilder(script: string, { cache = false }: { cache?: boolean } = {}): CorpusBuilder {
  let worker: Worker | null = null;
  const items = new Map<string, AnnotatedArticle>();
  const pending = new Map<number, { resolve: (c: Corpus) => void; reject: (e: Error) => void }>();
  let next = 1;
  let config: CorpusConfig = {};

  function start(): Worker {
    const created = new Worker(script, { workerData: { role: 'corpus', cache } });
    created.on(
      'message',
      (reply: { seq: number; corpus?: Record<string, unknown>; annotations?: [string, string][]; error?: string }) => {
        const waiting = pending.get(reply.seq);
        if (!waiting) return;
        pending.delete(reply.seq);
        if (reply.corpus) {
          const annotations = new LazyJsonMap<DocumentAnnotation>(reply.annotations ?? []);
          const parts = { ...reply.corpus, annotations } as unknown as ConstructorParameters<typeof Corpus>[0];
          waiting.resolve(new Corpus(parts));
        } else waiting.reject(new Error(reply.error ?? 'Building the corpus gave no result.'));
      },
    );
    const fail = (error: Error) => {
      if (worker === created) worker = null;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    created.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
    created.on('exit', (code) => fail(new Error(`The corpus worker stopped (exit code ${code}).`)));
    created.unref();
    // A fresh worker gets the configuration and every article known so far.
    created.postMessage({ type: 'config', config });
    for (const item of items.values()) created.postMessage({ type: 'set', item });
    return created;
  }

  return {
    configure(given) {
      config = given;
      if (worker) worker.postMessage({ type: 'config', config });
    },
    set(item) {
      items.set(item.article.id, item);
      if (worker) worker.postMessage({ type: 'set', item });
    },
    delete(id) {
      items.delete(id);
      if (worker) worker.postMessage({ type: 'delete', id });
    },
    build() {
      worker ??= start();
      const seq = next++;
      const active = worker;
      return new Promise<Corpus>((resolve, reject) => {
        pending.set(seq, { resolve, reject });
        active.postMessage({ type: 'build', seq });
      });
    },
    dispose() {
      void worker?.terminate();
      worker = null;
    },
  };
}
