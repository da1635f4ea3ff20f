import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../types.js';

export interface Options {}

const emptyOptions: Options = {};

/** Tag each token with its part of speech (`token.pos`, Penn Treebank tags). (First version: nothing.) */
export default function tagPos(options?: Readonly<Options> | null) {
  const _settings = options ?? emptyOptions;
  return (_tree: Root, _file: VFile): void => {};
}
