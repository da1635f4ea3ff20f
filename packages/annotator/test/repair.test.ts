import { linkEntities, markProse, parsePlain, tagPlaces, tagPos } from '@claimlens/annotator';
import type { DocumentEntity, Mention } from '@claimlens/core';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { repairNames } from '../src/ner/repair.js';
import splitSentences from '../src/plugins/split-sentences.js';
import { loadRepairLexicon } from '../src/plugins/tag-actors.js';

const lexicon = loadRepairLexicon();
const spansOf = (words: string[], pos: string[], spans: { start: number; end: number; label: string }[]) =>
  repairNames(words, pos, spans, lexicon).map((s) => `${s.label}:${words.slice(s.start, s.end).join(' ')}`);

describe("repairNames: mending the name tagger's spans", () => {
  it('joins an organisation cut at "of" with the name after it, and its lowercase head noun', () => {
    const words = ['The', 'Liberty', 'of', 'Nordia', 'brigade', 'said', 'so', '.'];
    const pos = ['DT', 'NNP', 'IN', 'NNP', 'NN', 'VBD', 'RB', '.'];
    const out = spansOf(words, pos, [
      { start: 1, end: 3, label: 'ORG' },
      { start: 3, end: 4, label: 'LOC' },
    ]);
    expect(out).toEqual(['ORG:Liberty of Nordia brigade']);
  });

  it('takes capitalised words and a demonym left out before an organisation into it', () => {
    const words = ['Later', ',', 'the', 'Estonian', 'Volunteer', 'Brigade', 'posted', 'a', 'video', '.'];
    const pos = ['RB', ',', 'DT', 'JJ', 'NNP', 'NNP', 'VBD', 'DT', 'NN', '.'];
    const out = spansOf(words, pos, [
      { start: 3, end: 4, label: 'MISC' },
      { start: 5, end: 6, label: 'ORG' },
    ]);
    expect(out).toEqual(['ORG:Estonian Volunteer Brigade']);
  });

  it('leaves Title Case lines alone', () => {
    const words = ['Estonian', 'Volunteer', 'Brigade', 'Claims', 'Attack'];
    const out = spansOf(words, ['NNP', 'NNP', 'NNP', 'NNP', 'NNP'], [{ start: 2, end: 3, label: 'ORG' }]);
    expect(out).toEqual(['ORG:Brigade']);
  });

  it('makes a name after a title a person, and a messaging app an organisation', () => {
    const words = ['Oblast', 'Governor', 'Ivan', 'Petrenko', 'wrote', 'on', 'Telegram', '.'];
    const pos = ['NNP', 'NNP', 'NNP', 'NNP', 'VBD', 'IN', 'NNP', '.'];
    const out = spansOf(words, pos, [
      { start: 2, end: 4, label: 'ORG' },
      { start: 6, end: 7, label: 'LOC' },
    ]);
    expect(out).toEqual(['PER:Ivan Petrenko', 'ORG:Telegram']);
  });

  it('closes an organisation with a capitalised head noun the tagger left out', () => {
    const words = [
      'Nordia',
      "'s",
      'Cyber',
      'Directorate',
      'spokesman',
      'Ivan',
      'Petrenko',
      'said',
      'it',
      'was',
      'over',
    ];
    const pos = ['NNP', 'POS', 'NNP', 'NNP', 'NN', 'NNP', 'NNP', 'VBD', 'PRP', 'VBD', 'RB'];
    const out = spansOf(words, pos, [
      { start: 0, end: 1, label: 'LOC' },
      { start: 2, end: 3, label: 'ORG' },
      { start: 5, end: 7, label: 'PER' },
    ]);
    expect(out).toEqual(['LOC:Nordia', 'ORG:Cyber Directorate', 'PER:Ivan Petrenko']);
  });

  it('finds capitalised words ending in a head noun that the tagger missed', () => {
    const words = ['The', 'head', 'of', 'the', 'Cyber', 'Directorate', 'and', 'a', 'ministry', 'aide', 'spoke'];
    const pos = ['DT', 'NN', 'IN', 'DT', 'NNP', 'NNP', 'CC', 'DT', 'NN', 'NN', 'VBD'];
    expect(spansOf(words, pos, [])).toEqual(['ORG:Cyber Directorate']);
  });

  it("makes a broadcaster's name an organisation, and drops its head word standing alone", () => {
    const words = ['Sources', 'told', 'Vesti', 'Channel', 'and', 'the', 'ZTV', 'TV', 'channel', '.'];
    const pos = ['NNS', 'VBD', 'NNP', 'NNP', 'CC', 'DT', 'NNP', 'NNP', 'NN', '.'];
    const out = spansOf(words, pos, [
      { start: 2, end: 4, label: 'PER' },
      { start: 6, end: 7, label: 'ORG' },
      { start: 7, end: 8, label: 'ORG' },
    ]);
    expect(out).toEqual(['ORG:Vesti Channel', 'ORG:ZTV']);
  });
});

/** A stand-in for the statistical tagger: tags the given names wherever they occur. */
function standIn(names: { organization?: string[]; place?: string[] }) {
  return () => (_tree: unknown, file: VFile) => {
    const text = String(file.value);
    const mentions: Mention[] = [];
    for (const [kind, list] of Object.entries(names)) {
      for (const name of list ?? []) {
        for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'gu'))) {
          const start = m.index ?? 0;
          const type = kind === 'place' ? 'place' : 'actor';
          mentions.push({
            start,
            end: start + name.length,
            text: name,
            type,
            kind: kind === 'place' ? 'location' : 'organization',
            entity: '',
          });
        }
      }
    }
    file.data.mentions = mentions.sort((a, b) => a.start - b.start);
    file.data.entities = [];
  };
}

function run(text: string, names: Parameters<typeof standIn>[0]) {
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  const processor = unified()
    .use(parsePlain)
    .use(markProse)
    .use(splitSentences)
    .use(tagPos)
    .use(standIn(names))
    .use(tagPlaces)
    .use(linkEntities)
    .freeze();
  processor.runSync(processor.parse(file), file);
  const mentions = file.data.mentions ?? [];
  const entities = file.data.entities ?? [];
  const entityOf = (name: string): DocumentEntity | undefined =>
    entities.find((e) => e.id === mentions.find((m) => m.text === name)?.entity);
  return { mentions, entities, entityOf };
}

describe('tagPlaces: places the tagger got half right', () => {
  it('takes the demonym off a place and makes names before "regions" regions', () => {
    const { mentions, entityOf } = run(
      'Fighting spread between the Ukrainian Sumy and the Russian Bryansk region on Monday.',
      {
        organization: ['Ukrainian Sumy'],
        place: ['Bryansk'],
      },
    );
    expect(mentions.map((m) => `${m.text}:${m.type}/${m.kind}`)).toEqual([
      'Sumy:place/region',
      'Bryansk region:place/region',
    ]);
    expect(entityOf('Sumy')?.geo).toMatchObject({ country: 'UA', region: 'Sumy' });
    const two = run("Drones flew over Russia's Bryansk and Smolensk regions.", {
      place: ['Russia', 'Bryansk', 'Smolensk'],
    });
    expect(two.mentions.filter((m) => m.text !== 'Russia').map((m) => `${m.text}:${m.kind}`)).toEqual([
      'Bryansk:region',
      'Smolensk:region',
    ]);
  });

  it('splits two places side by side when the second starts a clause', () => {
    const { mentions } = run('At the talks in Vienna Austria will propose a truce.', { place: ['Vienna Austria'] });
    expect(mentions.map((m) => m.text)).toEqual(['Vienna', 'Austria']);
    const kept = run('The rig is in the Norwich City area.', { place: ['Norwich City'] });
    expect(kept.mentions.map((m) => m.text)).toEqual(['Norwich City']);
  });

  it('knows common English country names and transliterations one letter off', () => {
    const { entityOf } = run('Officials in Britain and Turkey said tanks were seen outside Kharkov.', {
      place: ['Britain', 'Turkey'],
    });
    expect(entityOf('Britain')?.geo?.country).toBe('GB');
    expect(entityOf('Turkey')?.geo?.country).toBe('TR');
    expect(entityOf('Kharkov')?.geo?.country).toBe('UA');
  });
});
