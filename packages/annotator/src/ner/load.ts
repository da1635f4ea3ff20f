import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeModel } from '../learn/serialize.js';
import { NerTagger } from './tagger.js';

/** Where the default name model lives (`data/ner/model.bin.br`). */
export const defaultNerModelUrl = new URL('../../data/ner/model.bin.br', import.meta.url);
/** Where the default name gazetteer lives (`data/ner/gazetteer.tsv.gz`). */
export const defaultGazetteerUrl = new URL('../../data/ner/gazetteer.tsv.gz', import.meta.url);

/** What a name model file carries besides its weights. */
export interface NerExtra {
  /** Lowercase word → usual case (`l`, `t`, `u` or the form itself). */
  casing: Record<string, string>;
  /** Lowercase word → distributional class. */
  clusters?: Record<string, string>;
  /** Whether the model was trained with gazetteer features. */
  gazetteer?: boolean;
}

let defaultTagger: NerTagger | undefined;

/** Load a name tagger from a model file and gazetteer; without paths, the defaults (loaded once). */
export function loadNerTagger(path?: string | URL, gazetteerPath?: string | URL): NerTagger {
  if (path === undefined) {
    defaultTagger ??= loadNerTagger(defaultNerModelUrl, defaultGazetteerUrl);
    return defaultTagger;
  }
  const { model, extra } = decodeModel<NerExtra>(readFileSync(path));
  const knowledge: ConstructorParameters<typeof NerTagger>[1] = { casing: new Map(Object.entries(extra.casing)) };
  if (extra.clusters) knowledge.clusters = new Map(Object.entries(extra.clusters));
  if (extra.gazetteer && gazetteerPath !== undefined) knowledge.gazetteer = readGazetteer(gazetteerPath);
  return new NerTagger(model, knowledge);
}

/** Read a gazetteer file: gzipped lines of `name<TAB>categories` (categories joined by `|`). */
export function readGazetteer(path: string | URL): Map<string, string> {
  const gazetteer = new Map<string, string>();
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) gazetteer.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return gazetteer;
}
