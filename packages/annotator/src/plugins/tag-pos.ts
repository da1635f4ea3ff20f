import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { loadPosTagger } from '../pos/load.js';
import type { PosTagger } from '../pos/tagger.js';
import '../types.js';

export interface Options {
  /** The tagger to use. Default: the averaged perceptron in `data/pos/model.bin.br` (see data/README.md). */
  tagger?: PosTagger;
}

const emptyOptions: Options = {};

/** Tag each token of `file.data.sentences` with its part of speech (`token.pos`, Penn Treebank tags). */
export default function tagPos(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions;
  const tagger = settings.tagger ?? loadPosTagger();
  return (_tree: Root, file: VFile): void => {
    for (const sentence of file.data.sentences ?? []) {
      const tokens = sentence.tokens;
      const tags = tagger.tag(tokens.map((token) => token.text));
      for (let i = 0; i < tokens.length; i++) (tokens[i] as { pos?: string }).pos = tags[i] as string;
    }
  };
}
