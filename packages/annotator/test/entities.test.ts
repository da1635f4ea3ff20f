import { linkEntities, markProse, parsePlain, tagPlaces } from '@claimlens/annotator';
import type { Mention } from '@claimlens/core';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import splitSentences from '../src/plugins/split-sentences.js';

type Kind = 'person' | 'organization' | 'place';

/** A stand-in for the statistical tagger: tags the given names (longest first) wherever they occur. */
function standIn(names: Partial<Record<Kind, string[]>>) {
  return () => (_tree: unknown, file: VFile) => {
    const text = String(file.value);
    const mentions: Mention[] = [];
    const all = Object.entries(names).flatMap(([kind, list]) =>
      (list ?? []).map((name) => ({ kind: kind as Kind, name })),
    );
    all.sort((a, b) => b.name.length - a.name.length);
    for (const { kind, name } of all) {
      const pattern = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
      for (const m of text.matchAll(pattern)) {
        const start = m.index ?? 0;
        if (mentions.some((x) => x.start < start + name.length && start < x.end)) continue;
        mentions.push({
          start,
          end: start + name.length,
          text: name,
          type: kind === 'place' ? 'place' : 'actor',
          kind: kind === 'place' ? 'location' : kind,
          entity: '',
        });
      }
    }
    file.data.mentions = mentions.sort((a, b) => a.start - b.start);
    file.data.entities = [];
  };
}

function run(text: string, names: Partial<Record<Kind, string[]>>) {
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  const processor = unified()
    .use(parsePlain)
    .use(markProse)
    .use(splitSentences)
    .use(standIn(names))
    .use(tagPlaces)
    .use(linkEntities)
    .freeze();
  processor.runSync(processor.parse(file), file);
  const mentions = file.data.mentions ?? [];
  const entities = file.data.entities ?? [];
  const nameOf = (text: string) => entities.find((e) => e.id === mentions.find((m) => m.text === text)?.entity)?.name;
  return { mentions, entities, nameOf };
}

describe('linkEntities: within one article', () => {
  it('links a surname and a titled name to the full name, which is the canonical name', () => {
    const { entities, nameOf } = run(
      'Foreign Minister Katarzyna Wielgosz-Nowak arrived on Monday. Wielgosz-Nowak said talks would go on. Later Ms Wielgosz-Nowak left.',
      { person: ['Foreign Minister Katarzyna Wielgosz-Nowak', 'Wielgosz-Nowak', 'Ms Wielgosz-Nowak'] },
    );
    expect(nameOf('Wielgosz-Nowak')).toBe('Katarzyna Wielgosz-Nowak');
    expect(nameOf('Ms Wielgosz-Nowak')).toBe('Katarzyna Wielgosz-Nowak');
    expect(entities).toHaveLength(1);
    expect(entities[0]?.aliases.sort()).toEqual([
      'Foreign Minister Katarzyna Wielgosz-Nowak',
      'Ms Wielgosz-Nowak',
      'Wielgosz-Nowak',
    ]);
  });

  it("drops what the tagger took in front of a title from a person's name", () => {
    const { entities } = run('Estonian Prime Minister Liisa Tammsaar met reporters. Tammsaar said little.', {
      person: ['Estonian Prime Minister Liisa Tammsaar', 'Tammsaar'],
    });
    expect(entities.map((e) => e.name)).toEqual(['Liisa Tammsaar']);
  });

  it('keeps two people who share a surname apart and links the surname to the one named last', () => {
    const { mentions, entities } = run(
      'Ana Ferreira met Paulo Ferreira in Lisbon. Later Ferreira said the meeting went well.',
      {
        person: ['Ana Ferreira', 'Paulo Ferreira', 'Ferreira'],
        place: ['Lisbon'],
      },
    );
    const people = entities.filter((e) => e.kind === 'person');
    expect(people.map((e) => e.name).sort()).toEqual(['Ana Ferreira', 'Paulo Ferreira']);
    const lone = mentions.find((m) => m.text === 'Ferreira');
    expect(entities.find((e) => e.id === lone?.entity)?.name).toBe('Paulo Ferreira');
  });

  it('links a lone first name, and a surname the tagger took for a place, to the one person named in full', () => {
    const { mentions, entities } = run(
      "Prime Minister Ingvild Haraldsen resigned. Haraldsen's office confirmed it, and Ingvild thanked staff.",
      {
        person: ['Ingvild Haraldsen', 'Ingvild'],
        place: ['Haraldsen'],
      },
    );
    expect(entities.map((e) => e.name)).toEqual(['Ingvild Haraldsen']);
    expect(mentions.map((m) => `${m.text}:${m.kind}`)).toEqual([
      'Ingvild Haraldsen:person',
      'Haraldsen:person',
      'Ingvild:person',
    ]);
  });

  it('links an acronym to the name the text defines it for, and tags its untagged uses', () => {
    const { mentions, nameOf } = run(
      'The Nordic Grid Authority (NGA) cut supplies. The NGA said repairs would take a week. Critics of the NGA disagreed.',
      { organization: ['Nordic Grid Authority'] },
    );
    expect(mentions.filter((m) => m.text === 'NGA')).toHaveLength(3);
    expect(nameOf('NGA')).toBe('Nordic Grid Authority');
  });

  it('links an acronym with an ampersand or a dot in it', () => {
    const { mentions, nameOf } = run(
      'Baker Miles Stone & Kerr (BMS&K) filed the suit. A BMS&K partner said the firm would appeal.',
      { organization: ['Baker Miles Stone & Kerr'] },
    );
    expect(mentions.filter((m) => m.text === 'BMS&K')).toHaveLength(2);
    expect(nameOf('BMS&K')).toBe('Baker Miles Stone & Kerr');
  });

  it('links the end of a longer organisation name to it, unless a demonym starts the longer name', () => {
    const { entities, nameOf } = run(
      "The Federal Grid Authority cut supplies. Norway's Grid Authority denied it. The Danish Port Office and the Port Office met.",
      { organization: ['Federal Grid Authority', 'Grid Authority', 'Danish Port Office', 'Port Office'] },
    );
    expect(nameOf('Grid Authority')).toBe('Federal Grid Authority');
    expect(nameOf('Port Office')).toBe('Port Office');
    expect(entities.filter((e) => e.kind === 'organization')).toHaveLength(3);
  });

  it('names an organisation by its capitalised form where two forms differ only in case', () => {
    const { nameOf } = run('The Liberty of Nordia brigade attacked. Later the Liberty of Nordia Brigade retreated.', {
      organization: ['Liberty of Nordia brigade', 'Liberty of Nordia Brigade'],
    });
    expect(nameOf('Liberty of Nordia brigade')).toBe('Liberty of Nordia Brigade');
  });

  it("links a broadcaster's name with and without its head word", () => {
    const { entities, nameOf } = run('A source told Vesti Channel about the raid. Later, Vesti was told more.', {
      organization: ['Vesti Channel', 'Vesti'],
    });
    expect(nameOf('Vesti')).toBe('Vesti Channel');
    expect(entities).toHaveLength(1);
  });

  it('finds an untagged full form whose initials spell the acronym', () => {
    const { nameOf } = run('Officials of the Maritime Safety Board (MSB) inspected the ship. The MSB then left.', {});
    expect(nameOf('MSB')).toBe('Maritime Safety Board');
  });

  it("names an organisation by the country written before it, and keeps two countries' ministries apart", () => {
    const { mentions, entities } = run(
      "Chile's Mining Ministry disagreed with the Peruvian Mining Ministry. The Mining Ministry later said it would talk.",
      { organization: ['Mining Ministry'], place: ['Chile'] },
    );
    const orgs = entities.filter((e) => e.kind === 'organization');
    expect(orgs.map((e) => e.name)).toEqual(['Chilean Mining Ministry', 'Peruvian Mining Ministry']);
    const last = mentions.filter((m) => m.text === 'Mining Ministry').at(-1);
    expect(entities.find((e) => e.id === last?.entity)?.name).toBe('Chilean Mining Ministry');
  });

  it('links definite descriptions that point back when the referent is clear', () => {
    const { mentions, nameOf } = run(
      'The Chilean Mining Ministry issued a statement. The ministry said output fell. Ministry spokesman Tomas Orrego spoke next. The spokesman said more was coming.',
      { organization: ['Chilean Mining Ministry'], person: ['Tomas Orrego'] },
    );
    expect(nameOf('The ministry')).toBe('Chilean Mining Ministry');
    expect(nameOf('The spokesman')).toBe('Tomas Orrego');
    expect(mentions.map((m) => m.text)).toEqual([
      'Chilean Mining Ministry',
      'The ministry',
      'Tomas Orrego',
      'The spokesman',
    ]);
  });

  it('leaves a description alone when nothing points back', () => {
    const { mentions } = run('The ministry said output fell. The spokesman said more was coming.', {});
    expect(mentions).toEqual([]);
  });

  it('drops headline, byline and credit names that name nobody in the body', () => {
    const text =
      'GRID COLLAPSE HITS ORLOV\n\nBy Jane Whitcombe\n\nEngineers said the grid failed on Sunday.\n\nPhoto: Pieter Vos/Agency';
    const { entities } = run(text, { person: ['Jane Whitcombe', 'Pieter Vos', 'ORLOV'] });
    expect(entities).toEqual([]);
  });

  it('keeps a name alone on a line inside running text, and names in result lines', () => {
    const text =
      'Talks on the dam resumed on Monday.\n\nThe delegates were:\n\nKarin Lund\n\nOtso Vaara\n\nIn the evening match:\n\nHarbury 2 Lessingham 1';
    const { mentions } = run(text, { person: ['Karin Lund', 'Otso Vaara'], organization: ['Harbury', 'Lessingham'] });
    expect(mentions.map((m) => m.text)).toEqual(['Karin Lund', 'Otso Vaara', 'Harbury', 'Lessingham']);
  });

  it('takes a line of only a name after the title, or after a lone "By", for a byline', () => {
    const one = run('Dam talks stall again\n\nKarin Lund\n\nNegotiators met on Monday and left.', {
      person: ['Karin Lund'],
    });
    expect(one.mentions).toEqual([]);
    const two = run('Negotiators met on Monday.\n\nBy\n\nKarin Lund\n\nThey left.', { person: ['Karin Lund'] });
    expect(two.mentions).toEqual([]);
  });

  it('keeps a line of names with a score after the title: a result, not a byline', () => {
    const { mentions } = run('Fans cheered on Monday.\n\nCup Results\n\nLeeds United 2 Hull City 1\n\nThey left.', {
      organization: ['Leeds United', 'Hull City'],
    });
    expect(mentions.map((m) => m.text)).toEqual(['Leeds United', 'Hull City']);
  });

  it('finds no defined acronym in an all-caps line', () => {
    const text = 'The Intelligent Grid (IG) project began.\n\nPOWER CUT IG REPORT\n\nThe IG team said it failed.';
    const { mentions } = run(text, { organization: ['Intelligent Grid'] });
    expect(mentions.map((m) => m.text)).toEqual(['Intelligent Grid', 'IG', 'IG']);
    const loud = text.indexOf('POWER');
    expect(mentions.some((m) => m.start >= loud && m.end <= loud + 19)).toBe(false);
  });

  it('keeps a headline surname that names a person of the body', () => {
    const text = 'Ferreira wins vote\n\nLisbon mayor Paulo Ferreira won the vote on Sunday.';
    const { mentions, entities } = run(text, { person: ['Ferreira', 'Paulo Ferreira'] });
    expect(entities.filter((e) => e.kind === 'person')).toHaveLength(1);
    expect(mentions.filter((m) => m.kind === 'person').map((m) => m.text)).toEqual(['Ferreira', 'Paulo Ferreira']);
  });
});
