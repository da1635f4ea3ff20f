import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './annotate-worker.js';

/** The compiled worker script; absent when the sources run untranspiled (tests), then no workers are used. */
const script = new URL('./annotate-worker.js', import.meta.url);

/** Whether texts can be annotated in worker threads here. */
export function workersAvailable(): boolean {
  return script.protocol === 'file:' && existsSync(fileURLToPath(script));
}

/** Texts a worker holds at once: enough to keep it busy, few enough to share the work evenly. */
const inFlight = 4;

/**
 * Annotate texts with the default knowledge in `count` worker threads. Calls `onDone` with each text's
 * index and annotation (as JSON text) as it comes back (not in order) and resolves when all are done; rejects on the
 * first error, after stopping the workers.
 */
export function annotateInWorkers(
  texts: readonly Omit<WorkerRequest, 'index'>[],
  count: number,
  onDone: (index: number, annotationJson: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = () => {
      for (const worker of workers) void worker.terminate();
    };
    const send = (worker: Worker) => {
      if (next >= texts.length) return;
      const index = next++;
      const { text, format } = texts[index] as Omit<WorkerRequest, 'index'>;
      worker.postMessage({ index, text, format } satisfies WorkerRequest);
    };
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stop();
      reject(error);
    };
    if (texts.length === 0) {
      resolve();
      return;
    }
    for (let w = 0; w < Math.max(1, Math.min(count, texts.length)); w++) {
      const worker = new Worker(script);
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (failed) return;
        if (reply.error !== undefined || reply.json === undefined) {
          fail(new Error(`Annotating text ${reply.index} failed: ${reply.error ?? 'no annotation'}`));
          return;
        }
        onDone(reply.index, reply.json);
        if (++done === texts.length) {
          // Wait until the workers are gone, so their heaps are freed before the caller builds the corpus.
          Promise.all(workers.map((w) => w.terminate())).then(() => resolve(), reject);
        } else send(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (done < texts.length) fail(new Error(`Expected the annotation worker to run to the end, not exit ${code}`));
      });
      for (let k = 0; k < inFlight; k++) send(worker);
    }
  });
}
