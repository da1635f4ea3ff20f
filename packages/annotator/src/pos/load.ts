import { readFileSync } from 'node:fs';
import { decodeModel } from '../learn/serialize.js';
import { PosTagger } from './tagger.js';

/** Where the default part-of-speech model lives (`data/pos/model.bin.br`). */
export const defaultPosModelUrl = new URL('../../data/pos/model.bin.br', import.meta.url);

/** What a POS model file carries besides its weights. */
export interface PosExtra {
  dict: Record<string, string>;
}

let defaultTagger: PosTagger | undefined;

/** Load a part-of-speech tagger from a model file; without a path, the default model (loaded once). */
export function loadPosTagger(path?: string | URL): PosTagger {
  if (path === undefined) {
    defaultTagger ??= loadPosTagger(defaultPosModelUrl);
    return defaultTagger;
  }
  const { model, extra } = decodeModel<PosExtra>(readFileSync(path));
  return new PosTagger(model, extra.dict);
}
