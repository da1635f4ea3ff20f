import type { Mention } from '@claimlens/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { NameMention } from '../ner/labels.js';
import { loadNerTagger } from '../ner/load.js';
import type { NerTagger } from '../ner/tagger.js';
import type { Token } from '../text/tokenize.js';
import '../types.js';

export interface Options {
  /** The name tagger. Default: the averaged perceptron in `data/ner/` (see data/README.md). */
  tagger?: NerTagger;
}

const emptyOptions: Options = {};

const kinds: Readonly<Record<string, Pick<Mention, 'type' | 'kind'>>> = {
  PER: { type: 'actor', kind: 'person' },
  ORG: { type: 'actor', kind: 'organization' },
  LOC: { type: 'place', kind: 'location' },
};

const wordy = /[\p{L}\p{N}]/u;

/**
 * Tag names in the sentences with a statistical tagger (CoNLL types): sets `file.data.names` (every name,
 * MISC included) and `file.data.mentions` (persons and organisations as actors, locations as places, with
 * `entity: ''` for the linking stage). Uses `token.pos` when `tagPos` has run.
 */
export default function tagActors(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions;
  const tagger = settings.tagger ?? loadNerTagger();
  return (_tree: Root, file: VFile): void => {
    const text = String(file.value);
    const names: NameMention[] = [];
    const mentions: Mention[] = [];
    const memory = tagger.memory();
    for (const sentence of file.data.sentences ?? []) {
      const tokens = sentence.tokens;
      if (tokens.length === 0) continue;
      const words = tokens.map((t) => t.text);
      const pos = tokens.map((t) => t.pos ?? '');
      for (const span of tagger.tag(words, pos, memory)) {
        let first = span.start;
        let last = span.end - 1;
        while (first <= last && !wordy.test((tokens[first] as Token).text)) first++;
        while (last >= first && !wordy.test((tokens[last] as Token).text)) last--;
        if (first > last) continue;
        const start = (tokens[first] as Token).start;
        const end = (tokens[last] as Token).end;
        names.push({ start, end, text: text.slice(start, end), label: span.label });
        const kind = kinds[span.label];
        if (kind) mentions.push({ start, end, text: text.slice(start, end), ...kind, entity: '' });
      }
    }
    file.data.names = names;
    file.data.mentions = mentions;
  };
}
