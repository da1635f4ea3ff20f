import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../types.js';

export interface Options {}

const emptyOptions: Options = {};

/** Tag actors and places in the sentences: sets `file.data.mentions` and `file.data.entities`. (First version: none.) */
export default function tagActors(options?: Readonly<Options> | null) {
  const _settings = options ?? emptyOptions;
  return (_tree: Root, file: VFile): void => {
    file.data.mentions = [];
    file.data.entities = [];
  };
}
