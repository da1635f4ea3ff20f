import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../types.js';

export interface Options {}

const emptyOptions: Options = {};

/** Tag claims: source, cue, content, speaker, stance. Sets `file.data.claims`. (First version: none.) */
export default function tagClaims(options?: Readonly<Options> | null) {
  const _settings = options ?? emptyOptions;
  return (_tree: Root, file: VFile): void => {
    file.data.claims = [];
  };
}
