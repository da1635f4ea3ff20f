import { parentPort } from 'node:worker_threads';
import { createAnnotator } from '@claimlens/annotator';

/** The analysis worker: annotates each text it is sent and posts the annotation back. */
const annotator = createAnnotator();
try {
  annotator.annotate('The minister said on Monday that talks in the capital would go on.');
} catch {
  // Warming up only loads data early; a real text reports its own error.
}

parentPort?.on('message', (job: { id: number; text: string; format: 'markdown' | 'plaintext' }) => {
  try {
    parentPort?.postMessage({ id: job.id, annotation: annotator.annotate(job.text, { format: job.format }) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
