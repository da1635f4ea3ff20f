import { brotliDecompressSync } from 'node:zlib';
import type { ClusterOptions } from './cluster.js';
import type { EventModel } from './model.js';
import { parseWordNet } from './wordnet.js';

/** What event grouping knows: the pairwise model, WordNet relations and the background framing words. */
export type EventGrouping = Required<Pick<ClusterOptions, 'model' | 'wordnet' | 'backgroundWords'>>;

/**
 * Event grouping's knowledge from the files of a `data/events/` folder, each read by `file`: `model.json`
 * (the trained model), `wordnet.tsv.br` (the Brotli-compressed WordNet table) and `background.txt` (one
 * framing word a line; `#` starts a comment line).
 */
export function readEventGrouping(file: (name: string) => Buffer): EventGrouping {
  return {
    model: JSON.parse(file('model.json').toString('utf8')) as EventModel,
    wordnet: parseWordNet(brotliDecompressSync(file('wordnet.tsv.br')).toString('utf8')),
    backgroundWords: new Set(
      file('background.txt')
        .toString('utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#')),
    ),
  };
}
