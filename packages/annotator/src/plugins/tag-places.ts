import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../types.js';

export interface Options {}

const emptyOptions: Options = {};

/** Link place mentions to the gazetteer and refine their kinds. (First version: nothing.) */
export default function tagPlaces(options?: Readonly<Options> | null) {
  const _settings = options ?? emptyOptions;
  return (_tree: Root, _file: VFile): void => {};
}
