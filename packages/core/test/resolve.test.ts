import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AnnotatedArticle,
  type DocumentEntity,
  type Geo,
  type Mention,
  type MentionKind,
  readCorpusConfig,
  resolveEntities,
} from '@claimlens/core';
import { describe, expect, it } from 'vitest';

interface Spec {
  name: string;
  kind: MentionKind;
  aliases?: string[];
  geo?: Partial<Geo>;
  place?: string;
  /** Extra mention texts (besides the name). */
  forms?: string[];
}

/** An article whose text is its entities' forms, one per line, each a mention of its entity. */
function article(id: string, specs: Spec[]): AnnotatedArticle {
  let text = '';
  const mentions: Mention[] = [];
  const entities: DocumentEntity[] = specs.map((s, i) => {
    const type = ['country', 'region', 'city', 'settlement', 'location'].includes(s.kind) ? 'place' : 'actor';
    for (const form of [s.name, ...(s.forms ?? [])]) {
      mentions.push({
        start: text.length,
        end: text.length + form.length,
        text: form,
        type,
        kind: s.kind,
        entity: `e${i + 1}`,
      });
      text += `${form}\n`;
    }
    const entity: DocumentEntity = {
      id: `e${i + 1}`,
      name: s.name,
      type,
      kind: s.kind,
      aliases: [...(s.aliases ?? []), ...(s.forms ?? [])],
    };
    if (s.geo)
      entity.geo = {
        geonameId: null,
        name: s.name,
        lat: 0,
        lon: 0,
        country: null,
        countryName: null,
        region: null,
        ...s.geo,
      };
    if (s.place) entity.place = s.place;
    return entity;
  });
  return {
    article: {
      id,
      path: `${id}.txt`,
      outlet: null,
      title: null,
      date: null,
      url: null,
      text,
      format: 'plaintext',
      messages: [],
    },
    annotation: { mentions, entities, claims: [], events: [], sentences: [], messages: [] },
  };
}

const names = (result: ReturnType<typeof resolveEntities>) => result.entities.map((e) => e.name).sort();
const entityOf = (result: ReturnType<typeof resolveEntities>, text: string) =>
  result.entities.find((e) => e.mentions.some((m) => m.text === text));

describe('resolveEntities: what merges', () => {
  it('merges the same name, a surname with the one full name, and an acronym defined elsewhere', () => {
    const result = resolveEntities(
      [
        article('a', [
          { name: 'Helga Brandstetter', kind: 'person', forms: ['Brandstetter'] },
          { name: 'Baltic Maritime Authority', kind: 'organization', aliases: ['BMA'] },
        ]),
        article('b', [
          { name: 'Brandstetter', kind: 'person' },
          { name: 'BMA', kind: 'organization' },
        ]),
        article('c', [{ name: 'Helga Brandstetter', kind: 'person' }]),
      ],
      {},
    );
    expect(names(result)).toEqual(['Baltic Maritime Authority', 'Helga Brandstetter']);
    expect(entityOf(result, 'BMA')?.mentions.map((m) => m.article)).toEqual(['a', 'b']);
  });

  it('merges transliteration variants of people and places', () => {
    const result = resolveEntities(
      [
        article('a', [
          { name: 'Ruslan Malaev', kind: 'person' },
          { name: 'Kharkov', kind: 'city' },
          { name: 'Slovyansk', kind: 'city' },
          { name: 'Lugansk', kind: 'city' },
          { name: 'Kiev', kind: 'city' },
        ]),
        article('b', [
          { name: 'Ruslan Malayev', kind: 'person' },
          { name: 'Kharkiv', kind: 'city' },
          { name: 'Slavyansk', kind: 'city' },
          { name: 'Luhansk', kind: 'city' },
          { name: 'Kyiv', kind: 'city' },
        ]),
      ],
      {},
    );
    expect(result.entities).toHaveLength(5);
    for (const e of result.entities) expect(new Set(e.mentions.map((m) => m.article))).toEqual(new Set(['a', 'b']));
    expect(entityOf(result, 'Malaev')).toBeUndefined();
    expect(entityOf(result, 'Ruslan Malaev')?.aliases).toContain(
      entityOf(result, 'Ruslan Malaev')?.name === 'Ruslan Malaev' ? 'Ruslan Malayev' : 'Ruslan Malaev',
    );
  });

  it('merges places with the same gazetteer id whatever their spelling', () => {
    const result = resolveEntities(
      [
        article('a', [{ name: 'Kiev', kind: 'city', geo: { geonameId: 703448, country: 'UA' } }]),
        article('b', [{ name: 'Kyiv', kind: 'city', geo: { geonameId: 703448, country: 'UA' } }]),
        article('c', [{ name: 'Kyiv', kind: 'city', forms: ['Kyiv'] }]),
      ],
      {},
    );
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]?.mentions.map((m) => m.article)).toEqual(['a', 'b', 'c', 'c']);
    expect(result.entities[0]?.geo?.geonameId).toBe(703448);
  });

  it('keeps governments tied to their place across articles', () => {
    const result = resolveEntities(
      [
        article('a', [
          { name: 'Norway', kind: 'country', geo: { country: 'NO' } },
          { name: 'Norway', kind: 'government', geo: { country: 'NO' }, place: 'e1' },
        ]),
        article('b', [
          { name: 'Norway', kind: 'government', geo: { country: 'NO' }, place: 'e2' },
          { name: 'Norway', kind: 'country', geo: { country: 'NO' } },
        ]),
      ],
      {},
    );
    expect(result.entities.map((e) => e.kind).sort()).toEqual(['country', 'government']);
    const government = result.entities.find((e) => e.kind === 'government');
    expect(result.entities.find((e) => e.id === government?.place)?.kind).toBe('country');
    expect(result.annotations.get('b')?.entities.find((e) => e.kind === 'government')?.place).toBe(government?.place);
  });
});

describe('resolveEntities: what must not merge', () => {
  it('keeps apart names that share words, regions of different names, and people with the same first name', () => {
    const result = resolveEntities(
      [
        article('a', [
          { name: 'the Danish Foreign Ministry', kind: 'organization' },
          {
            name: 'Bryansk region',
            kind: 'region',
            geo: { country: 'RU', region: 'Bryansk Oblast', name: 'Bryansk Oblast' },
          },
          { name: 'Ingrid Solberg', kind: 'person' },
        ]),
        article('b', [
          { name: "Denmark's Security Service", kind: 'organization' },
          {
            name: 'Kaluga region',
            kind: 'region',
            geo: { country: 'RU', region: 'Kaluga Oblast', name: 'Kaluga Oblast' },
          },
          { name: 'Ingrid Haugland', kind: 'person' },
        ]),
      ],
      {},
    );
    expect(result.entities).toHaveLength(6);
  });

  it('keeps a lone surname apart when two people share it, and different places with one name apart', () => {
    const result = resolveEntities(
      [
        article('a', [
          { name: 'Tomas Varga', kind: 'person', forms: ['Varga'] },
          { name: 'Donetsk', kind: 'city', geo: { geonameId: 709717, country: 'UA' } },
        ]),
        article('b', [
          { name: 'Eszter Varga', kind: 'person', forms: ['Varga'] },
          { name: 'Donetsk', kind: 'city', geo: { geonameId: 565348, country: 'RU' } },
        ]),
        article('c', [{ name: 'Varga', kind: 'person' }]),
      ],
      {},
    );
    expect(
      result.entities
        .filter((e) => e.kind === 'person')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Eszter Varga', 'Tomas Varga', 'Varga']);
    expect(result.entities.filter((e) => e.kind === 'city')).toHaveLength(2);
  });

  it('keeps apart organisations whose full names differ but whose short forms agree', () => {
    const result = resolveEntities(
      [
        article('a', [{ name: 'Chilean Mining Ministry', kind: 'organization', forms: ['Mining Ministry'] }]),
        article('b', [{ name: 'Peruvian Mining Ministry', kind: 'organization', forms: ['Mining Ministry'] }]),
        article('c', [{ name: 'Chilean Mining Ministry', kind: 'organization' }]),
      ],
      {},
    );
    expect(names(result)).toEqual(['Chilean Mining Ministry', 'Peruvian Mining Ministry']);
  });

  it('keeps unnamed collectives of different articles apart', () => {
    const result = resolveEntities(
      [article('a', [{ name: 'rebels', kind: 'group' }]), article('b', [{ name: 'rebels', kind: 'group' }])],
      {},
    );
    expect(result.entities).toHaveLength(2);
  });
});

describe('resolveEntities: user corrections', () => {
  const items = () => [
    article('a', [
      { name: 'Alpine Rescue Corps', kind: 'organization' },
      { name: 'Reuters Staff', kind: 'person' },
    ]),
    article('b', [
      { name: 'ARC', kind: 'organization' },
      { name: 'Corps of Mountain Rescuers', kind: 'organization' },
    ]),
  ];

  it('applies aliases (with the canonical name), merge and ignore', () => {
    const result = resolveEntities(items(), {
      aliases: { 'Alpine Rescue Corps': ['ARC'] },
      merge: [['Alpine Rescue Corps', 'Corps of Mountain Rescuers']],
      ignore: ['Reuters Staff'],
    });
    expect(result.entities.map((e) => e.name)).toEqual(['Alpine Rescue Corps']);
    expect(result.entities[0]?.aliases.sort()).toEqual(['ARC', 'Corps of Mountain Rescuers']);
    expect(result.annotations.get('a')?.mentions.map((m) => m.text)).toEqual(['Alpine Rescue Corps']);
  });

  it('reads claimlens.json or .claimlens.json, and reports invalid fields', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'claimlens-config-'));
    expect(await readCorpusConfig(dir)).toEqual({ config: {}, messages: [], file: null });
    await writeFile(
      path.join(dir, '.claimlens.json'),
      JSON.stringify({ aliases: { A: ['B'] }, merge: 'x', ignore: ['C'] }),
    );
    const read = await readCorpusConfig(dir);
    expect(read.config).toEqual({ aliases: { A: ['B'] }, ignore: ['C'] });
    expect(read.messages).toEqual([expect.objectContaining({ code: 'config/invalid' })]);
    await writeFile(path.join(dir, 'claimlens.json'), '{ not json');
    const broken = await readCorpusConfig(dir);
    expect(broken.config).toEqual({});
    expect(broken.messages[0]).toMatchObject({ code: 'config/invalid', severity: 'error' });
  });
});

describe('resolveEntities: scale', () => {
  it('resolves 10,000 articles quickly', () => {
    const surnames = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Petrenko', 'Haddad', 'Novak', 'Silva'];
    const items: AnnotatedArticle[] = [];
    for (let i = 0; i < 10_000; i++) {
      const specs: Spec[] = [];
      for (let k = 0; k < 12; k++) {
        const n = (i * 7 + k * 13) % 4000;
        specs.push({ name: `Person${n} ${surnames[n % surnames.length]}${n % 50}`, kind: 'person' });
      }
      specs.push({ name: `Agency ${i % 300}`, kind: 'organization' });
      specs.push({ name: `Town${i % 700}`, kind: 'city', geo: { geonameId: 1000 + (i % 700) } });
      items.push(article(`a${i}`, specs));
    }
    const started = performance.now();
    const result = resolveEntities(items, {});
    const ms = performance.now() - started;
    console.log(
      `resolveEntities: 10,000 articles, ${items.length * 14} document entities → ${result.entities.length} entities in ${ms.toFixed(0)} ms`,
    );
    expect(result.entities.filter((e) => e.kind === 'city')).toHaveLength(700);
    // A bound that catches quadratic work (hours), not a benchmark: the machine may be shared.
    expect(ms).toBeLessThan(60_000);
  }, 180_000);
});
