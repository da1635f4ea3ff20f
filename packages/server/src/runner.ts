import { Worker } from 'node:worker_threads';
import { type Annotator, annotationKey } from '@claimlens/annotator';
import type { AnnotationCache, DocumentAnnotation } from '@claimlens/core';

export interface AnnotateJob {
  text: string;
  format: 'markdown' | 'plaintext';
}

/** Runs the annotator on one text at a time, somewhere. */
export interface AnnotationRunner {
  /** Annotate; rejects with a `TimeoutError` when it takes longer than `timeout` ms (and abandons the work if it can). */
  annotate(job: AnnotateJob, timeout: number): Promise<DocumentAnnotation>;
  dispose(): void;
}

export class TimeoutError extends Error {
  constructor(timeout: number) {
    super(`Analysis took longer than ${timeout} ms and was abandoned.`);
    this.name = 'TimeoutError';
  }
}

/**
 * Run the annotator in this thread. It cannot abandon a text that takes too long, so a late result is
 * reported as a timeout after the fact. For tests and for hosts without worker threads.
 */
export function inlineRunner(annotator: Annotator): AnnotationRunner {
  return {
    async annotate(job, timeout) {
      await new Promise((resolve) => setImmediate(resolve));
      const started = performance.now();
      const annotation = annotator.annotate(job.text, { format: job.format });
      if (performance.now() - started > timeout) throw new TimeoutError(timeout);
      return annotation;
    },
    dispose() {},
  };
}

/**
 * Answer from `cache` the texts annotated before (by the editor or the CLI, with the same annotator and data), and
 * run `runner` on the others, caching what it returns. A workspace of thousands of files opens without annotating
 * them again.
 */
export function cachedRunner(runner: AnnotationRunner, cache: AnnotationCache): AnnotationRunner {
  return {
    async annotate(job, timeout) {
      const key = annotationKey(job.text, job.format);
      const cached = cache.get(key);
      if (cached) return cached;
      const annotation = await runner.annotate(job, timeout);
      cache.set(key, JSON.stringify(annotation));
      return annotation;
    },
    dispose() {
      runner.dispose();
    },
  };
}

interface Reply {
  id: number;
  annotation?: DocumentAnnotation;
  error?: string;
}

/**
 * Run the annotator in a worker thread (the script at `script`, see `worker.ts`), one text at a time. A text
 * that takes longer than its timeout ends the worker; the next text starts a fresh one. The worker posts
 * `{ready: true}` once its data is loaded; a worker that never does is used anyway after `startup` ms.
 */
export function workerRunner(script: string, workerData: unknown = null, startup = 180_000): AnnotationRunner {
  let worker: Worker | null = null;
  let ready: Promise<void> = Promise.resolve();
  let nextId = 1;
  let current: {
    id: number;
    worker: Worker;
    resolve: (a: DocumentAnnotation) => void;
    reject: (e: Error) => void;
  } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function start(): Worker {
    const created = new Worker(script, { workerData });
    // A text's time counts from when the worker has loaded its data (it says `ready`), not from its start.
    ready = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, startup);
      created.on('message', (message: { ready?: boolean }) => {
        if (message?.ready) {
          clearTimeout(timer);
          resolve();
        }
      });
      created.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    created.on('message', (reply: Reply) => {
      if (!current || reply.id !== current.id) return;
      const { resolve, reject } = current;
      current = null;
      if (reply.annotation) resolve(reply.annotation);
      else reject(new Error(reply.error ?? 'The annotator gave no result.'));
    });
    created.on('error', (error) => {
      if (worker === created) worker = null;
      if (current?.worker !== created) return;
      current.reject(error instanceof Error ? error : new Error(String(error)));
      current = null;
    });
    created.on('exit', (code) => {
      if (worker === created) worker = null;
      if (current?.worker !== created) return;
      current.reject(new Error(`The analysis worker stopped (exit code ${code}).`));
      current = null;
    });
    created.unref();
    return created;
  }

  async function run(job: AnnotateJob, timeout: number): Promise<DocumentAnnotation> {
    worker ??= start();
    const active = worker;
    await ready;
    const id = nextId++;
    return new Promise<DocumentAnnotation>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (current?.id !== id) return;
        current = null;
        if (worker === active) worker = null;
        void active.terminate();
        reject(new TimeoutError(timeout));
      }, timeout);
      current = {
        id,
        worker: active,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      active.postMessage({ id, text: job.text, format: job.format });
    });
  }

  // Start at once: the worker loads the annotator's data while the editor is still starting.
  worker = start();
  return {
    annotate(job, timeout) {
      const result = queue.then(() => run(job, timeout));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose() {
      void worker?.terminate();
      worker = null;
    },
  };
}
