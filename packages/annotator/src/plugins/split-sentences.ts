import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { splitSentences as split } from '../text/sentences.js';
import '../types.js';

/** Split the prose blocks into sentences of tokens: sets `file.data.sentences`. */
export default function splitSentences() {
  return (_tree: Root, file: VFile): void => {
    file.data.sentences = split(file.data.prose ?? String(file.value), file.data.blocks ?? []);
  };
}
