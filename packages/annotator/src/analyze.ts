import { type AnnotatedArticle, buildCorpus, type Corpus, type CorpusConfig, readCorpus } from '@claimlens/core';
import { type Annotator, createAnnotator } from './annotate.js';

export interface AnalyzeOptions {
  /** The annotator to use; default: one with the default knowledge. */
  annotator?: Annotator;
  /** Corrections to entity resolution; default: read from a `claimlens.json` in the folders given. */
  config?: CorpusConfig;
  /** Largest file analysed, in bytes; longer files are analysed up to it. Default: 10 MB. */
  maxFileSize?: number;
  /** Called after each article is annotated. */
  onProgress?: (done: number, total: number) => void;
}

/** Read files and folders of articles, annotate each, and build the corpus. */
export async function analyze(paths: readonly string[], options: AnalyzeOptions = {}): Promise<Corpus> {
  const read = await readCorpus(paths, options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize });
  const annotator = options.annotator ?? createAnnotator();
  const items: AnnotatedArticle[] = [];
  for (const article of read.articles) {
    const annotation = annotator.annotate(article.text, { format: article.format });
    // What the annotator found wrong in the text is reported with the article, after what reading it found.
    article.messages.push(...annotation.messages.map((m) => ({ ...m, path: article.path })));
    items.push({ article, annotation });
    options.onProgress?.(items.length, read.articles.length);
  }
  const corpus = buildCorpus(items, options.config ?? read.config);
  corpus.messages.unshift(...read.messages);
  return corpus;
}
