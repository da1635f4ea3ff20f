import { readFileSync } from 'node:fs';
import { type CueLexicon, type CueLexiconData, cueLexicon } from './cue-lexicon.js';
import type { ClaimModels } from './extract.js';
import { decodeModel } from './perceptron.js';

/** Where the default claim data lives: `packages/annotator/data/claims/`. */
export const defaultClaimDataUrl = new URL('../../data/claims/', import.meta.url);

let defaults: { lexicon: CueLexicon; models: ClaimModels } | undefined;

/** The default lexicon and trained taggers, read from `data/claims/` on first call (read-only after loading). */
export function defaultClaimData(): { lexicon: CueLexicon; models: ClaimModels } {
  defaults ??= readClaimData(defaultClaimDataUrl);
  return defaults;
}

/** Read `lexicon.json`, `cue-model.bin`, `role-model.bin` and `cue-words.txt` from the folder at `base`. */
export function readClaimData(base: URL): { lexicon: CueLexicon; models: ClaimModels } {
  const lexicon = readLexicon(new URL('lexicon.json', base));
  const models: ClaimModels = {
    cue: decodeModel(readFileSync(new URL('cue-model.bin', base))),
    role: decodeModel(readFileSync(new URL('role-model.bin', base))),
    candidates: new Set(readFileSync(new URL('cue-words.txt', base), 'utf8').split('\n').filter(Boolean)),
  };
  return { lexicon, models };
}

/** Read a cue lexicon file. */
export function readLexicon(url: URL): CueLexicon {
  return cueLexicon(JSON.parse(readFileSync(url, 'utf8')) as CueLexiconData);
}
