import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../types.js';

export interface Options {}

const emptyOptions: Options = {};

/** Tag event mentions with their arguments. Sets `file.data.events`. (First version: none.) */
export default function tagEvents(options?: Readonly<Options> | null) {
  const _settings = options ?? emptyOptions;
  return (_tree: Root, file: VFile): void => {
    file.data.events = [];
  };
}
