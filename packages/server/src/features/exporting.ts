import { annotationToJson, articleJson, type Corpus, corpusAbove, corpusToJson, toBrat, toW3C } from '@claimlens/core';
import type { ExportFile, ExportFormat, ExportParams } from '../protocol.js';
import type { Workspace } from '../workspace.js';

/** A writer from the corpus (all of it, or some of its articles) to files. */
export type Writer = (corpus: Corpus, articleIds: readonly string[], whole: boolean) => ExportFile[];

/** Writers by format, from `@claimlens/core`'s formats module; point a format at another writer here. */
export const writers: Record<ExportFormat, Writer> = {
  json: (corpus, ids, whole) =>
    whole
      ? [{ name: 'corpus.json', content: `${JSON.stringify(corpusToJson(corpus), null, 2)}\n` }]
      : ids.flatMap((id) => {
          const article = corpus.article(id);
          const annotation = corpus.annotations.get(id);
          if (!article || !annotation) return [];
          const body = { article: articleJson(article), annotation: annotationToJson(annotation) };
          return [{ name: `${stem(id)}.json`, content: `${JSON.stringify(body, null, 2)}\n` }];
        }),
  brat: (corpus, ids) =>
    ids.flatMap((id) => {
      const article = corpus.article(id);
      const annotation = corpus.annotations.get(id);
      if (!article || !annotation) return [];
      return [
        { name: `${stem(id)}.txt`, content: article.text },
        { name: `${stem(id)}.ann`, content: toBrat(article.text, annotation) },
      ];
    }),
  w3c: (corpus, ids) => {
    const items = ids.flatMap((id) => {
      const article = corpus.article(id);
      const annotation = corpus.annotations.get(id);
      return article && annotation ? [{ article, text: article.text, annotation }] : [];
    });
    return [{ name: 'annotations.jsonld', content: `${JSON.stringify(toW3C(items), null, 2)}\n` }];
  },
};

/** Export the workspace corpus, or one document of it, in a format; disputes and agreements scored at least `minConfidence`. */
export function exportAnnotations(
  workspace: Workspace,
  params: ExportParams,
  minConfidence: number,
): { files: ExportFile[] } {
  const state = workspace.state;
  if (!state) return { files: [] };
  const ids = params.uri
    ? [state.ids.get(params.uri)].filter((id) => id !== undefined)
    : state.corpus.articles.map((a) => a.id);
  return { files: writers[params.format](corpusAbove(state.corpus, minConfidence), ids, !params.uri) };
}

/** The file name for an article id: its path without the extension. */
function stem(id: string): string {
  return id.replace(/\.[^./]+$/, '');
}
