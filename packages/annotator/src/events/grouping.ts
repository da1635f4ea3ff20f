import { readFileSync } from 'node:fs';
import { type EventGrouping, readEventGrouping } from '@claimlens/core';

let cached: EventGrouping | undefined;

/**
 * The default knowledge of event grouping, read once from `data/events/`: `model.json` (trained by
 * `scripts/train-events.mjs`), `wordnet.tsv.br` (Brotli; built by `scripts/build-wordnet.mjs`) and
 * `background.txt` (see data/README.md for their sources).
 */
export function defaultEventGrouping(): EventGrouping {
  cached ??= readEventGrouping((name) => readFileSync(new URL(`../../data/events/${name}`, import.meta.url)));
  return cached;
}
