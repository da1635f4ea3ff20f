import * as core from '@claimlens/core';
import type { Corpus, DocumentAnnotation } from '@claimlens/core';
import type { ExportFile, ExportFormat, ExportParams } from '../protocol.js';
import type { Workspace } from '../workspace.js';

/** A writer from the corpus (or one article of it) to files. */
export type Writer = (corpus: Corpus, articleIds: readonly string[]) => ExportFile[];

/**
 * Writers by format. When `@claimlens/core` exports a writer for a format (its `formats` module), that one is
 * used; these are the fallbacks, and the place to point the export command at another implementation.
 */
export const writers: Record<ExportFormat, Writer> = {
  json: (corpus, ids) =>
    ids.map((id) => ({ name: `${stem(id)}.json`, content: `${JSON.stringify(articleJson(corpus, id), null, 2)}\n` })),
  brat: (corpus, ids) => ids.flatMap((id) => bratFiles(corpus, id)),
  w3c: (corpus, ids) => [{ name: 'annotations.jsonld', content: `${JSON.stringify(w3c(corpus, ids), null, 2)}\n` }],
};

/** Names under which the core formats module may export a writer for each format. */
const coreWriterNames: Record<ExportFormat, string[]> = {
  json: ['toJson', 'corpusToJson', 'writeJson'],
  brat: ['toBrat', 'corpusToBrat', 'writeBrat'],
  w3c: ['toW3C', 'toW3c', 'toWebAnnotation', 'toWebAnnotations', 'corpusToW3C', 'writeW3C'],
};

/** Export the workspace corpus, or one document of it, in a format. */
export function exportAnnotations(workspace: Workspace, params: ExportParams): { files: ExportFile[] } {
  const state = workspace.state;
  if (!state) return { files: [] };
  const ids = params.uri ? [state.ids.get(params.uri)].filter((id) => id !== undefined) : state.corpus.articles.map((a) => a.id);
  return { files: (coreWriter(params.format) ?? writers[params.format])(state.corpus, ids) };
}

function coreWriter(format: ExportFormat): Writer | null {
  const exported = core as unknown as Record<string, unknown>;
  for (const name of coreWriterNames[format]) {
    const found = exported[name];
    if (typeof found !== 'function') continue;
    return (corpus, ids) => {
      const files: ExportFile[] = [];
      for (const id of ids) {
        const article = corpus.article(id);
        if (!article) continue;
        const output: unknown = (found as (c: Corpus, a: string) => unknown)(corpus, id);
        if (typeof output === 'string') files.push({ name: `${stem(id)}.${format === 'brat' ? 'ann' : 'json'}`, content: output });
        else if (output && typeof output === 'object') files.push({ name: `${stem(id)}.json`, content: JSON.stringify(output, null, 2) });
      }
      return files;
    };
  }
  return null;
}

function stem(id: string): string {
  return id.replace(/\.[^./]+$/, '');
}

function articleJson(corpus: Corpus, id: string) {
  const article = corpus.article(id);
  const annotation = corpus.annotations.get(id);
  return { article: article ? { ...article, text: undefined } : { id }, annotation };
}

function bratFiles(corpus: Corpus, id: string): ExportFile[] {
  const article = corpus.article(id);
  const annotation: DocumentAnnotation | undefined = corpus.annotations.get(id);
  if (!article || !annotation) return [];
  const lines: string[] = [];
  let t = 0;
  const flat = (s: string) => s.replace(/[\r\n\t]/g, ' ');
  const term = (type: string, span: { start: number; end: number; text: string }) => {
    const name = `T${++t}`;
    lines.push(`${name}\t${type} ${span.start} ${span.end}\t${flat(span.text)}`);
    return name;
  };
  for (const m of annotation.mentions) term(m.type === 'actor' ? 'Actor' : 'Place', m);
  let r = 0;
  for (const claim of annotation.claims) {
    const content = term('Content', claim.content);
    if (claim.cue) lines.push(`R${++r}\tCue Arg1:${term('Cue', claim.cue)} Arg2:${content}`);
    if (claim.source) lines.push(`R${++r}\tSource Arg1:${term('Source', claim.source)} Arg2:${content}`);
  }
  for (const v of annotation.events) term('Event', v.trigger);
  return [
    { name: `${stem(id)}.txt`, content: article.text },
    { name: `${stem(id)}.ann`, content: `${lines.join('\n')}\n` },
  ];
}

function w3c(corpus: Corpus, ids: readonly string[]) {
  const items: unknown[] = [];
  for (const id of ids) {
    const article = corpus.article(id);
    const annotation = corpus.annotations.get(id);
    if (!article || !annotation) continue;
    const source = article.url ?? article.path;
    const target = (span: { start: number; end: number; text: string }) => ({
      source,
      selector: [
        { type: 'TextPositionSelector', start: span.start, end: span.end },
        { type: 'TextQuoteSelector', exact: span.text },
      ],
    });
    for (const m of annotation.mentions) {
      items.push({ type: 'Annotation', motivation: 'identifying', body: { type: 'TextualBody', purpose: 'tagging', value: `${m.type}:${m.kind}` }, target: target(m) });
    }
    for (const c of annotation.claims) {
      items.push({ type: 'Annotation', motivation: 'describing', body: { type: 'TextualBody', purpose: 'classifying', value: `claim:${c.stance}` }, target: target(c.content) });
    }
  }
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items } };
}
