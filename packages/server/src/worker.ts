import { parentPort, workerData } from 'node:worker_threads';
import { createAnnotator, defaultBuildOptions } from '@claimlens/annotator';
import { type AnnotatedArticle, AnnotationCache, buildCorpus, type CorpusConfig } from '@claimlens/core';

/**
 * The server's worker threads. Role `annotate` (default): annotate each text sent and post the annotation back.
 * Role `corpus`: keep the annotated articles sent and build the corpus on request (with `cache`, keeping event
 * groupings in the user's annotation cache).
 */
const data = workerData as { role?: string; cache?: boolean } | null;
const role = data?.role ?? 'annotate';

if (role === 'corpus') {
  const options = defaultBuildOptions(data?.cache ? new AnnotationCache() : null);
  const items = new Map<string, AnnotatedArticle>();
  let config: CorpusConfig = {};
  type Message =
    | { type: 'set'; item: AnnotatedArticle }
    | { type: 'delete'; id: string }
    | { type: 'config'; config: CorpusConfig }
    | { type: 'build'; seq: number };
  parentPort?.on('message', (message: Message) => {
    if (message.type === 'config') config = message.config;
    else if (message.type === 'set') items.set(message.item.article.id, message.item);
    else if (message.type === 'delete') items.delete(message.id);
    else {
      try {
        const corpus = buildCorpus([...items.values()], config, options);
        const { annotations, ...rest } = corpus;
        const texts = [...annotations].map(([id, annotation]) => [id, JSON.stringify(annotation)]);
        parentPort?.postMessage({ seq: message.seq, corpus: rest, annotations: texts });
      } catch (error) {
        parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) });
      }
    }
  });
} else {
  const annotator = createAnnotator();
  try {
    annotator.annotate('The minister said on Monday that talks in the capital would go on.');
  } catch {
    // Warming up only loads data early; a real text reports its own error.
  }
  parentPort?.postMessage({ ready: true });
  parentPort?.on('message', (job: { id: number; text: string; format: 'markdown' | 'plaintext' }) => {
    try {
      parentPort?.postMessage({ id: job.id, annotation: annotator.annotate(job.text, { format: job.format }) });
    } catch (error) {
      parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
