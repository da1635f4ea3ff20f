import { parentPort } from 'node:worker_threads';
import { createAnnotator } from './annotate.js';

/** A text to annotate, as `annotateInWorkers` posts it. */
export interface WorkerRequest {
  index: number;
  text: string;
  format: 'markdown' | 'plaintext';
}

// A worker thread of `annotateInWorkers`: annotates each text it is sent with the default knowledge and
// posts back the annotation (or the error's message) under the same index.
if (parentPort) {
  const port = parentPort;
  const annotator = createAnnotator();
  port.on('message', ({ index, text, format }: WorkerRequest) => {
    try {
      port.postMessage({ index, annotation: annotator.annotate(text, { format }) });
    } catch (error) {
      port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
