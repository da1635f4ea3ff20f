import { availableParallelism } from 'node:os';
import {
  type AnnotatedArticle,
  AnnotationCache,
  buildCorpus,
  type Corpus,
  type CorpusConfig,
  type DocumentAnnotation,
  readCorpus,
  readHumanAnnotations,
  withHumanAnnotations,
} from '@claimlens/core';
import { type Annotator, createAnnotator } from './annotate.js';
import { defaultBuildOptions } from './build-options.js';
import { annotationKey } from './cache-key.js';
import { annotateInWorkers, workersAvailable } from './workers.js';

export interface AnalyzeOptions {
  /** The annotator to use; default: one with the default knowledge. */
  annotator?: Annotator;
  /**
   * Where annotations with the default knowledge are kept between runs, so that only new and changed texts are
   * annotated (not used with `annotator`); `null` annotates every text. Default: the user's cache folder.
   */
  cache?: AnnotationCache | null;
  /** Corrections to entity resolution; default: read from a `claimlens.json` in the folders given. */
  config?: CorpusConfig;
  /** Largest file analysed, in bytes; longer files are analysed up to it. Default: 10 MB. */
  maxFileSize?: number;
  /**
   * Worker threads that annotate with the default knowledge (not used with `annotator`); 0 annotates on
   * this thread. Default: one per core for 64 articles or more to annotate, else 0 (starting workers costs more).
   */
  workers?: number;
  /** Called after each article is annotated (or found in the cache). */
  onProgress?: (done: number, total: number) => void;
  /** Called with each article's annotation, as the annotator returned it (before the corpus is built). */
  onAnnotated?: (item: AnnotatedArticle) => void;
}

/** Fewer articles than this are annotated on the calling thread by default. */
const minArticlesForWorkers = 64;

/**
 * Read files and folders of articles, annotate each, apply the human annotations kept beside them
 * (`.claimlens/annotations/`, see docs/annotations.md) over the machine's, and build the corpus.
 */
export async function analyze(paths: readonly string[], options: AnalyzeOptions = {}): Promise<Corpus> {
  const read = await readCorpus(paths, options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize });
  const articles = read.articles;
  const annotations: DocumentAnnotation[] = new Array(articles.length);
  let done = 0;
  const add = (index: number, annotation: DocumentAnnotation) => {
    annotations[index] = annotation;
    options.onProgress?.(++done, articles.length);
  };
  const cache = options.annotator ? null : options.cache === undefined ? new AnnotationCache() : options.cache;
  const keys = cache ? articles.map((article) => annotationKey(article.text, article.format)) : [];
  const missing: number[] = [];
  articles.forEach((_article, index) => {
    const cached = cache?.get(keys[index] as string);
    if (cached) add(index, cached);
    else missing.push(index);
  });
  const workers =
    options.annotator || !workersAvailable()
      ? 0
      : (options.workers ?? (missing.length >= minArticlesForWorkers ? availableParallelism() : 0));
  if (workers > 0) {
    const texts = missing.map((index) => articles[index] as (typeof articles)[number]);
    await annotateInWorkers(texts, workers, (i, json) => {
      const index = missing[i] as number;
      cache?.set(keys[index] as string, json);
      add(index, JSON.parse(json) as DocumentAnnotation);
    });
  } else if (missing.length > 0) {
    const annotator = options.annotator ?? createAnnotator();
    for (const index of missing) {
      const article = articles[index] as (typeof articles)[number];
      const annotation = annotator.annotate(article.text, { format: article.format });
      cache?.set(keys[index] as string, JSON.stringify(annotation));
      add(index, annotation);
    }
  }
  const human = await readHumanAnnotations(articles, paths);
  const machine: AnnotatedArticle[] = articles.map((article, index) => {
    const annotation = annotations[index] as DocumentAnnotation;
    // What the annotator found wrong in the text is reported with the article, after what reading it found.
    article.messages.push(...annotation.messages.map((m) => ({ ...m, path: article.path })));
    const item = { article, annotation };
    options.onAnnotated?.(item);
    return item;
  });
  // The items now hold the annotations; hand them over so they can be freed once resolved.
  annotations.length = 0;
  const items = withHumanAnnotations(machine, human);
  machine.length = 0;
  const corpus = buildCorpus(items, options.config ?? read.config, { ...defaultBuildOptions(cache), consume: true });
  corpus.messages.unshift(...read.messages, ...human.messages);
  return corpus;
}
