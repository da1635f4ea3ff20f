import { parentPort } from 'node:worker_threads';
import { createAnnotator } from './annotate.js';

/** A text to annotate, as `annotateInWorkers` posts it. */
export interface WorkerRequest {
  index: number;
  text: string;
  format: 'markdown' | 'plaintext';
}

/** What a worker posts back: the annotation as JSON text, or the error's message. */
export interface WorkerReply {
  index: number;
  json?: string;
  error?: string;
}

// A worker thread of `annotateInWorkers`: annotates each text it is sent with the default knowledge and
// posts back the annotation (or the error's message) under the same index. The annotation crosses as JSON
// text rather than as a structured clone: `JSON.parse` on the other side makes objects that hold their fields
// in place and shares short strings ("person", "assert"), where a clone gives every object a separate
// property store and every string a copy of its own (a third more memory for the corpus).
if (parentPort) {
  const port = parentPort;
  const annotator = createAnnotator();
  port.on('message', ({ index, text, format }: WorkerRequest) => {
    try {
      port.postMessage({ index, json: JSON.stringify(annotator.annotate(text, { format })) } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({
        index,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerReply);
    }
  });
}
