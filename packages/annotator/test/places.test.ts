import { linkEntities, markProse, parsePlain, tagPlaces } from '@claimlens/annotator';
import type { DocumentEntity, Mention } from '@claimlens/core';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import splitSentences from '../src/plugins/split-sentences.js';

/** A stand-in for the statistical tagger: tags the given names wherever they occur. */
function standIn(names: { person?: string[]; organization?: string[]; place?: string[] }, extra: Mention[] = []) {
  return () => (_tree: unknown, file: VFile) => {
    const text = String(file.value);
    const mentions: Mention[] = extra.map((m) => ({ ...m }));
    for (const [kind, list] of Object.entries(names)) {
      for (const name of list ?? []) {
        const pattern = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
        for (const m of text.matchAll(pattern)) {
          const start = m.index ?? 0;
          if (mentions.some((x) => x.start < start + name.length && start < x.end)) continue;
          mentions.push({
            start,
            end: start + name.length,
            text: name,
            type: kind === 'place' ? 'place' : 'actor',
            kind: kind === 'place' ? 'location' : (kind as 'person' | 'organization'),
            entity: '',
          });
        }
      }
    }
    file.data.mentions = mentions.sort((a, b) => a.start - b.start);
    file.data.entities = [];
  };
}

function run(text: string, names: Parameters<typeof standIn>[0], extra: Mention[] = []) {
  const file = new VFile({ value: text, data: { format: 'plaintext' } });
  const processor = unified()
    .use(parsePlain)
    .use(markProse)
    .use(splitSentences)
    .use(standIn(names, extra))
    .use(tagPlaces)
    .use(linkEntities)
    .freeze();
  processor.runSync(processor.parse(file), file);
  const mentions = file.data.mentions ?? [];
  const entities = file.data.entities ?? [];
  const entityOf = (text: string): DocumentEntity | undefined => {
    const m = mentions.find((x) => x.text === text);
    return m ? entities.find((e) => e.id === m.entity) : undefined;
  };
  return { file, mentions, entities, entityOf };
}

describe('tagPlaces: gazetteer links', () => {
  it('links a city to GeoNames with its country and region', () => {
    const { entityOf, mentions } = run('Shelling hit Kharkov on Monday, residents of the city said.', {
      place: ['Kharkov'],
    });
    const kharkiv = entityOf('Kharkov');
    expect(kharkiv?.geo).toMatchObject({ geonameId: 706483, country: 'UA', countryName: 'Ukraine', region: 'Kharkiv' });
    expect(mentions.find((m) => m.text === 'Kharkov')?.kind).toBe('city');
  });

  it('links "X region" to the first-level region, in either transliteration', () => {
    const { entityOf } = run(
      'Refugees crossed from the Lugansk Region. Officials in the Smolensk region counted them.',
      {
        place: ['Lugansk Region', 'Smolensk region'],
      },
    );
    expect(entityOf('Lugansk Region')).toMatchObject({ kind: 'region', geo: { country: 'UA', region: 'Luhansk' } });
    expect(entityOf('Lugansk Region')?.geo?.name).toBe('Luhansk');
    expect(entityOf('Smolensk region')?.geo).toMatchObject({ name: 'Smolensk Oblast', country: 'RU' });
  });

  it('prefers the candidate in a country the article mentions, then the most populous', () => {
    const inRussia = run('Russia said a blast hit Donetsk, a mining town near the border of Russia.', {
      place: ['Russia', 'Donetsk'],
    });
    expect(inRussia.entityOf('Donetsk')?.geo?.country).toBe('RU');
    const bare = run('A blast hit Donetsk overnight.', { place: ['Donetsk'] });
    expect(bare.entityOf('Donetsk')?.geo).toMatchObject({ country: 'UA', geonameId: 709717 });
  });

  it('prefers the candidate in the region the sentence names', () => {
    const { entityOf } = run('Troops gathered in Donetsk, in the Rostov region, on Friday.', { place: ['Donetsk'] });
    expect(entityOf('Donetsk')?.geo).toMatchObject({ country: 'RU', region: 'Rostov' });
  });
});

describe('tagPlaces: places the tagger missed', () => {
  it('takes "the village of X" even when the gazetteer does not know X', () => {
    const { mentions } = run('Shells fell on the village of Zarechnoye-Malaya overnight.', {});
    expect(mentions.map((m) => [m.text, m.type])).toEqual([['Zarechnoye-Malaya', 'place']]);
  });

  it('takes "X region" and "in X" with population evidence', () => {
    const { mentions, entityOf } = run('Fighting spread to the Kursk Oblast and later to villages in Voronezh.', {});
    expect(mentions.map((m) => m.text)).toEqual(['Kursk Oblast', 'Voronezh']);
    expect(entityOf('Voronezh')?.geo?.geonameId).toBe(472045);
  });

  it('finds small towns named by the gazetteer after a preposition', () => {
    const { entityOf } = run('Russian lorries queued near Millerovo and in Gukovo for hours.', {});
    expect(entityOf('Millerovo')?.geo).toMatchObject({ country: 'RU', region: 'Rostov' });
    expect(entityOf('Gukovo')?.geo).toMatchObject({ country: 'RU', region: 'Rostov' });
  });

  it('takes a place the article tags elsewhere wherever it is written, unless it names something else too', () => {
    const text =
      'Kramatorsk was quiet. Shells fell in Kramatorsk and near Bakhmut. Fans of Bakhmut cheered. Later Bakhmut was calm.';
    const at = (start: number, name: string, type: 'place' | 'actor'): Mention => ({
      start,
      end: start + name.length,
      text: name,
      type,
      kind: type === 'place' ? 'location' : 'organization',
      entity: '',
    });
    const { mentions } = run(text, {}, [
      at(37, 'Kramatorsk', 'place'),
      at(57, 'Bakhmut', 'place'),
      at(74, 'Bakhmut', 'actor'),
    ]);
    expect(mentions.filter((m) => m.type === 'place').map((m) => [m.text, m.start])).toEqual([
      ['Kramatorsk', 0],
      ['Kramatorsk', 37],
      ['Bakhmut', 57],
      ['Bakhmut', 74],
    ]);
  });

  it('makes no places of months, common words, headlines or capitalised sentence starts', () => {
    const { mentions } = run(
      'FIGHTING IN VORONEZH\n\nThe talks begin in March. People in Union could see it from Liberty. Mark said so.',
      {},
    );
    expect(mentions).toEqual([]);
  });
});

describe('tagPlaces: headlines', () => {
  it('keeps headline places the gazetteer or the body knows, and drops the rest', () => {
    const text = 'SHELLS HIT KHARKIV AND ZORYANIA\n\nResidents of Kharkiv said the night was quiet.';
    const { mentions } = run(text, { place: ['KHARKIV', 'ZORYANIA', 'Kharkiv'] });
    expect(mentions.map((m) => m.text)).toEqual(['KHARKIV', 'Kharkiv']);
  });
});

describe('tagPlaces: conflicting regions', () => {
  it('reports one place put in two regions, at both region spans', () => {
    const text =
      'Shells fell on Krasnaya Gorka in the Bryansk region. Later, Krasnaya Gorka in the Kaluga region was evacuated.';
    const { file } = run(text, { place: ['Krasnaya Gorka'] });
    const messages = file.messages.filter((m) => m.ruleId === 'place/conflicting-regions');
    expect(messages).toHaveLength(2);
    const spans = messages.map((m) =>
      text.slice(
        m.place && 'start' in m.place ? (m.place.start.offset ?? 0) : 0,
        m.place && 'end' in m.place ? (m.place.end.offset ?? 0) : 0,
      ),
    );
    expect(spans.sort()).toEqual(['Bryansk region', 'Kaluga region']);
  });

  it('reads "the R region village of X" as a statement too', () => {
    const text =
      'Drones hit the village of Krasnaya Gorka in the Bryansk region. Video showed the Kaluga region village of Krasnaya Gorka burning.';
    const { file, mentions } = run(text, {});
    expect(mentions.find((m) => m.text === 'Krasnaya Gorka')?.kind).toBe('settlement');
    expect(file.messages.filter((m) => m.ruleId === 'place/conflicting-regions')).toHaveLength(2);
  });

  it('prefers a place ten times larger over a small namesake in a region the article names', () => {
    const { entityOf } = run('Ukraine and Russia traded blame. Lorries left the Rostov region. Shells hit Donetsk.', {
      place: ['Ukraine', 'Russia', 'Donetsk'],
    });
    expect(entityOf('Donetsk')?.geo?.country).toBe('UA');
  });

  it('locates a village the gazetteer does not know at the region the article puts it in', () => {
    const { entityOf } = run('Drones hit the village of Krasnaya Gorka in the Bryansk region overnight.', {});
    expect(entityOf('Krasnaya Gorka')?.geo).toMatchObject({
      geonameId: null,
      name: 'Krasnaya Gorka',
      country: 'RU',
      region: 'Bryansk Oblast',
    });
  });

  it('stays quiet when both statements name the same region', () => {
    const text = 'Krasnaya Gorka, Bryansk region, was shelled. Krasnaya Gorka in the Bryansk Oblast lost power.';
    const { file } = run(text, { place: ['Krasnaya Gorka'] });
    expect(file.messages).toEqual([]);
  });
});

describe('tagPlaces: places and peoples as actors', () => {
  it('makes a country or capital that speaks or is accused a government tied to its place', () => {
    const { mentions, entities } = run(
      'Moscow denied the report, and Norway accused Warsaw of delay. Trade with Norway grew.',
      {
        place: ['Moscow', 'Norway', 'Warsaw'],
      },
    );
    const kinds = mentions.map((m) => `${m.text}:${m.kind}`);
    expect(kinds).toEqual(['Moscow:government', 'Norway:government', 'Warsaw:government', 'Norway:country']);
    const moscow = entities.find((e) => e.id === mentions[0]?.entity);
    const place = entities.find((e) => e.id === moscow?.place);
    expect(place).toMatchObject({ type: 'place', kind: 'city', geo: { geonameId: 524901 } });
  });

  it('makes a capital a government where it owns allegations, holds talks or acts with its allies', () => {
    const { mentions } = run(
      "Oslo's allegations were denied. Warsaw is in talks with Vienna. Negotiations are underway with Madrid. Lisbon and its partners have repeatedly accused Rome. Flights to Oslo resumed. Any actions by Athens or land seized by Ankara are illegal. Guests were charmed by Rome's streets. A protest went to Bern, and an appeal to Oslo was sent by road to Bern.",
      { place: ['Oslo', 'Warsaw', 'Vienna', 'Madrid', 'Lisbon', 'Rome', 'Athens', 'Ankara', 'Bern'] },
    );
    expect(mentions.map((m) => `${m.text}:${m.kind}`)).toEqual([
      'Oslo:government',
      'Warsaw:government',
      'Vienna:government',
      'Madrid:government',
      'Lisbon:government',
      'Rome:government',
      'Oslo:city',
      'Athens:government',
      'Ankara:government',
      'Rome:city',
      'Bern:city',
      'Oslo:government',
      'Bern:city',
    ]);
  });

  it('keeps a team named after its city an organisation in scores and tables', () => {
    const { mentions } = run(
      'Fans in Leeds cheered on Saturday, and the results came in.\n\nLeeds 2 Norway 1\n\nHull 4 2 1 1 7\n',
      {
        organization: ['Leeds', 'Norway', 'Hull'],
      },
    );
    expect(mentions.map((m) => `${m.text}:${m.kind}`)).toEqual([
      'Leeds:organization',
      'Leeds:organization',
      'Norway:organization',
      'Hull:organization',
    ]);
  });

  it('takes a name before "governor" for the region', () => {
    const { entityOf } = run('The Kursk governor said two drones fell. Residents of Kursk heard blasts.', {
      place: ['Kursk'],
    });
    expect(entityOf('Kursk')?.kind).toBe('region');
  });

  it('keeps a country tagged as an organisation a place after a preposition, unless it acts', () => {
    const { mentions } = run(
      'Tanks crossed the border with Norway at night. Talks with Sweden resumed. Rebels fighting for Finland said so.',
      { organization: ['Norway', 'Sweden', 'Finland'] },
    );
    expect(mentions.map((m) => `${m.text}:${m.kind}`)).toEqual([
      'Norway:country',
      'Sweden:government',
      'Finland:country',
    ]);
  });

  it('makes a seat of government its government, tied to the country, whether tagged or not', () => {
    const { mentions, entities } = run('The Kremlin rejected the plan, and aides in the White House agreed.', {
      place: ['Kremlin'],
    });
    expect(mentions.map((m) => `${m.text}:${m.kind}`)).toEqual(['Kremlin:government', 'White House:government']);
    const countries = mentions.map(
      (m) => entities.find((e) => e.id === entities.find((x) => x.id === m.entity)?.place)?.geo?.country,
    );
    expect(countries).toEqual(['RU', 'US']);
  });

  it('makes a country tagged as an organisation its government', () => {
    const { mentions, entities } = run('Talks stalled after Norway withdrew its offer.', { organization: ['Norway'] });
    expect(mentions[0]).toMatchObject({ type: 'actor', kind: 'government' });
    const government = entities.find((e) => e.id === mentions[0]?.entity);
    expect(entities.find((e) => e.id === government?.place)?.geo?.country).toBe('NO');
  });

  it('takes a name tagged once as an organisation and elsewhere as a place for the place', () => {
    const text = 'Drones hit Voronezh overnight. Later Voronezh was quiet.';
    const org: Mention = { start: 37, end: 45, text: 'Voronezh', type: 'actor', kind: 'organization', entity: '' };
    const { mentions } = run(text, { place: ['Voronezh'] }, [org]);
    expect(mentions.map((m) => `${m.text}:${m.kind}`)).toEqual(['Voronezh:city', 'Voronezh:city']);
    expect(new Set(mentions.map((m) => m.entity)).size).toBe(1);
  });

  it('ties demonym groups to their country and finds acting collectives', () => {
    const { mentions, entities } = run(
      'Polish border guards stopped the convoy. Pro-Serbian separatists and Romanian troops met. The rebels said they left. He saw officials at lunch.',
      {},
    );
    expect(mentions.map((m) => `${m.text}:${m.kind}`)).toEqual([
      'Polish border guards:group',
      'Pro-Serbian separatists:group',
      'Romanian troops:group',
      'rebels:group',
    ]);
    const guards = entities.find((e) => e.name === 'Polish border guards');
    expect(entities.find((e) => e.id === guards?.place)).toMatchObject({ name: 'Poland', kind: 'country' });
    expect(entities.find((e) => e.name === 'Pro-Serbian separatists')?.place).toBeUndefined();
  });
});

describe('tagPlaces and linkEntities: invariants', () => {
  it('keep mentions apart, at their offsets, and linked to entities that exist', async () => {
    const fc = await import('fast-check');
    const words = [
      'Moscow',
      'denied',
      'the',
      'village',
      'of',
      'Gorka',
      'in',
      'Bryansk',
      'region',
      'Ukrainian',
      'troops',
      'said',
      'rebels',
      'accused',
      'Norway',
      'Nordic',
      'Grid',
      'Authority',
      '(NGA)',
      'NGA',
      'ministry',
      'spokesman',
      'Petrov',
      'Ivan',
      'near',
      'Voronezh',
      'pro-Russian',
      'separatists',
      'border',
      'guards',
      ',',
      '.',
      '\n\n',
      'KURSK',
      'Oblast',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (list) => {
        const text = list.join(' ');
        const { mentions, entities } = run(text, {
          person: ['Ivan Petrov', 'Petrov'],
          organization: ['Nordic Grid Authority'],
          place: ['Norway', 'Moscow'],
        });
        const ids = new Set(entities.map((e) => e.id));
        for (let i = 0; i < mentions.length; i++) {
          const m = mentions[i] as Mention;
          expect(m.text).toBe(text.slice(m.start, m.end));
          expect(ids.has(m.entity)).toBe(true);
          if (i > 0) expect(m.start).toBeGreaterThanOrEqual((mentions[i - 1] as Mention).end);
        }
        for (const e of entities) if (e.place !== undefined) expect(ids.has(e.place)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
