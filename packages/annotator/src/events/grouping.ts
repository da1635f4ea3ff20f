import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { type ClusterOptions, type EventModel, parseWordNet } from '@claimlens/core';

/** What event grouping knows: the pairwise model, WordNet relations and the background framing words. */
export type EventGrouping = Required<Pick<ClusterOptions, 'model' | 'wordnet' | 'backgroundWords'>>;

let cached: EventGrouping | undefined;

/**
 * The default knowledge of event grouping, read once from `data/events/`: `model.json` (trained by
 * `scripts/train-events.mjs`), `wordnet.tsv.br` (Brotli; built by `scripts/build-wordnet.mjs`) and `background.txt`
 * (see data/README.md for their sources).
 */
export function defaultEventGrouping(): EventGrouping {
  if (cached) return cached;
  const file = (name: string) => readFileSync(new URL(`../../data/events/${name}`, import.meta.url));
  const read = (name: string) => file(name).toString('utf8');
  cached = {
    model: JSON.parse(read('model.json')) as EventModel,
    wordnet: parseWordNet(brotliDecompressSync(file('wordnet.tsv.br')).toString('utf8')),
    backgroundWords: new Set(
      read('background.txt')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#')),
    ),
  };
  return cached;
}
