import type { Corpus } from '../corpus.js';
import type { AnnotatedArticle } from '../document.js';
import { articleExtensions } from '../read/files.js';
import { toBrat } from './brat.js';
import { annotationToJson, articleJson, corpusToJson } from './json.js';
import { toW3C } from './w3c.js';

/** The formats written as files: brat standoff, W3C Web Annotation JSON-LD, claimlens JSON. */
export const exportFormats = ['json', 'brat', 'w3c'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A file to write: its name, relative to the folder written to (an article id may hold folders), and content. */
export interface ExportFile {
  name: string;
  content: string;
}

/**
 * The files of a corpus in a format, for the command line's `--out` folder and the editor's export command.
 * `ids` chooses articles; without it, the whole corpus. brat: `ID.txt` and `ID.ann` per article and
 * `annotation.conf`, so the folder opens in brat as it is; w3c: `ID.jsonld` per article; json: `corpus.json` for the
 * whole corpus, else `ID.json` per article (its metadata and annotation, as in the corpus).
 */
export function exportFiles(corpus: Corpus, format: ExportFormat, ids?: readonly string[]): ExportFile[] {
  if (!exportFormats.includes(format))
    throw new TypeError(`Expected a format of ${exportFormats.join(', ')}, not ${format}`);
  if (format === 'json' && ids === undefined)
    return [{ name: 'corpus.json', content: `${JSON.stringify(corpusToJson(corpus), null, 2)}\n` }];
  const items: AnnotatedArticle[] = [];
  for (const id of ids ?? corpus.articles.map((a) => a.id)) {
    const article = corpus.article(id);
    const annotation = corpus.annotations.get(id);
    if (article && annotation) items.push({ article, annotation });
  }
  if (format === 'json')
    return items.map(({ article, annotation }) => {
      const body = { article: articleJson(article), annotation: annotationToJson(annotation) };
      return { name: `${fileStem(article.id)}.json`, content: `${JSON.stringify(body, null, 2)}\n` };
    });
  if (format === 'w3c')
    return items.map(({ article, annotation }) => {
      const w3c = toW3C(
        [{ article, text: article.text, annotation }],
        `urn:claimlens:${encodeURIComponent(article.id)}`,
      );
      return { name: `${fileStem(article.id)}.jsonld`, content: `${JSON.stringify(w3c, null, 2)}\n` };
    });
  return [
    { name: 'annotation.conf', content: bratConfig },
    ...items.flatMap(({ article, annotation }) => [
      { name: `${fileStem(article.id)}.txt`, content: article.text },
      { name: `${fileStem(article.id)}.ann`, content: toBrat(article.text, annotation) },
    ]),
  ];
}

/** An article id as a file name: without an article extension (the editor's ids keep it). */
function fileStem(id: string): string {
  const dot = id.lastIndexOf('.');
  return dot > id.lastIndexOf('/') && id.slice(dot).toLowerCase() in articleExtensions ? id.slice(0, dot) : id;
}

/** brat's annotation configuration for what `toBrat` writes. */
const bratConfig = `[entities]
Actor
Place
Source
Cue
Content

[relations]

[events]
Attribution\tContent:Content, Cue?:Cue, Source:Source
Attribution-no-source\tContent:Content, Cue?:Cue

[attributes]
Kind\tArg:<ENTITY>, Value:person|organization|government|group|country|region|city|settlement|location
Stance\tArg:<EVENT>, Value:assert|deny|accuse|hedge|conditional|question
Negated\tArg:<EVENT>
Origin\tArg:Actor|Place|Attribution|Attribution-no-source, Value:human|machine
`;
