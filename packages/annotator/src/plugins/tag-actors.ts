import { readFileSync } from 'node:fs';
import type { Mention } from '@claimlens/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { NameMention } from '../ner/labels.js';
import { loadNerTagger } from '../ner/load.js';
import { type RepairLexicon, repairNames } from '../ner/repair.js';
import type { NerTagger } from '../ner/tagger.js';
import type { Token } from '../text/tokenize.js';
import '../types.js';

export interface Options {
  /** The name tagger. Default: the averaged perceptron in `data/ner/` (see data/README.md). */
  tagger?: NerTagger;
  /**
   * Words that mend the tagger's spans (organisation head nouns, titles, media names; see `repairNames`), or `null`
   * to keep the tagger's spans as they are. Default: `data/lexicons/actors-name-repair.json` and `actors-titles.txt`.
   */
  repair?: RepairLexicon | null;
}

const emptyOptions: Options = {};
let defaultRepair: RepairLexicon | undefined;

/** The repair lexicon in `data/lexicons/` (read once). */
export function loadRepairLexicon(): RepairLexicon {
  if (!defaultRepair) {
    const data = (name: string) => readFileSync(new URL(`../../data/lexicons/${name}`, import.meta.url), 'utf8');
    const json = JSON.parse(data('actors-name-repair.json')) as Record<
      'organizationHeads' | 'media' | 'mediaHeads' | 'notNameWords',
      string[]
    >;
    const titles = data('actors-titles.txt')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#') && !l.includes(' '));
    defaultRepair = {
      organizationHeads: new Set(json.organizationHeads),
      titles: new Set(titles),
      notNameWords: new Set(json.notNameWords),
      media: new Set(json.media),
      mediaHeads: new Set(json.mediaHeads),
    };
  }
  return defaultRepair;
}

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
  const repair = settings.repair === undefined ? loadRepairLexicon() : settings.repair;
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
      const spans = tagger.tag(words, pos, memory);
      for (const span of repair ? repairNames(words, pos, spans, repair) : spans) {
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
