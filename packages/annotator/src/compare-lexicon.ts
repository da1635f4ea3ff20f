import { readFileSync } from 'node:fs';
import { type CompareLexicon, readCompareLexicon } from '@claimlens/core';

let cached: CompareLexicon | undefined;

/**
 * The default words claims are compared on, read once from `data/compare/`: `cues.tsv` (hand-written) and
 * `wordnet-cues.tsv` (built from WordNet by `scripts/build-wordnet.mjs`); see data/README.md for their sources.
 */
export function defaultCompareLexicon(): CompareLexicon {
  cached ??= readCompareLexicon((name) => readFileSync(new URL(`../data/compare/${name}`, import.meta.url)));
  return cached;
}
