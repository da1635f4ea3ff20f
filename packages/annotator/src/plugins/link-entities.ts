import { readFileSync } from 'node:fs';
import type { DocumentEntity, Mention } from '@claimlens/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { type AcronymDefinition, acronymDefinitions, acronymMentions } from '../entities/acronyms.js';
import { type DescriptionLexicon, resolveDescriptions } from '../entities/descriptions.js';
import { documentLines } from '../entities/lines.js';
import { fullness, isAcronym, isProperName, nameKey, personName, stripTitles } from '../entities/names.js';
import { lastBefore } from '../entities/spans.js';
import { loadRepairLexicon } from './tag-actors.js';
import '../types.js';

export interface Options {
  /** Titles stripped before names are compared; default: `data/lexicons/actors-titles.txt`. */
  titles?: readonly string[];
  /** Head nouns of definite descriptions; default: `data/lexicons/actors-descriptions.json`. */
  descriptions?: DescriptionLexicon;
  /** Link definite descriptions ("the ministry") to the entity they point back to. Default: true. */
  linkDescriptions?: boolean;
  /**
   * Demonym → country name, to qualify an organisation by the country before it ("Russia's Foreign Ministry" →
   * "Russian Foreign Ministry"). Default: `data/lexicons/actors-demonyms.tsv`.
   */
  demonyms?: ReadonlyMap<string, string>;
  /**
   * Head words of broadcasters' names: "X Channel" and "X" are one organisation. Default: `mediaHeads` of
   * `data/lexicons/actors-name-repair.json`.
   */
  mediaHeads?: ReadonlySet<string>;
}

const emptyOptions: Options = {};
/** Longest name kept, in words: a longer mention is a headline or a run of capitals, not a name. */
const maxWords = 8;
const data = (name: string) => new URL(`../../data/lexicons/${name}`, import.meta.url);
let defaults: { titles: string[]; descriptions: DescriptionLexicon; demonyms: Map<string, string> } | undefined;

/**
 * Group the document's mentions into entities: a surname to the full name ("Rasmussen" → "Anders Fogh Rasmussen"),
 * an acronym to the name the text defines it for ("FSB" ↔ "Federal Security Service"), a definite description to
 * the entity it points back to ("the ministry"). The canonical name is the longest full form; the others are aliases.
 * Entities made by earlier stages (places, governments, groups) are kept. Mentions in headlines, all-caps lines,
 * bylines and credits are kept only when they name an entity of the body text.
 */
export default function linkEntities(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions;
  return (_tree: Root, file: VFile): void => {
    defaults ??= {
      titles: lines(readFileSync(data('actors-titles.txt'), 'utf8')),
      descriptions: JSON.parse(readFileSync(data('actors-descriptions.json'), 'utf8')) as DescriptionLexicon,
      demonyms: new Map(
        lines(readFileSync(data('actors-demonyms.tsv'), 'utf8')).map((l) => {
          const [form = '', , country = ''] = l.split('\t');
          return [form, country] as [string, string];
        }),
      ),
    };
    const demonyms = settings.demonyms ?? defaults.demonyms;
    const adjectiveOf = new Map<string, string>();
    for (const [form, country] of demonyms)
      if (!form.endsWith('s') && !adjectiveOf.has(country)) adjectiveOf.set(country, form);
    const titles = new Set(settings.titles ?? defaults.titles);
    const mediaHeads = settings.mediaHeads ?? loadRepairLexicon().mediaHeads;
    const lexicon = settings.descriptions ?? defaults.descriptions;
    const { text, prose, sentences, roleOf, skip, sentenceAt, offProse } = documentLines(file);

    // A mention across a sentence or block boundary is no name; a possessive is no part of one.
    const inSentence = (m: Mention) => sentenceAt(m.start, m.end) !== undefined;
    const mentions = (file.data.mentions ?? []).filter(
      (m) => (sentences.length === 0 || inSentence(m)) && m.text.split(/\s+/).length <= maxWords,
    );
    for (const m of mentions) {
      const possessive = /\s*['’]s$/u.exec(m.text);
      if (possessive && possessive.index > 0) m.end = m.start + possessive.index;
    }
    const kept = new Map<string, DocumentEntity>();
    for (const e of file.data.entities ?? []) kept.set(e.id, e);
    const definitions = acronymDefinitions(prose, mentions);
    const loud = (start: number, end: number) => {
      const sentence = sentenceAt(start, end);
      return sentence !== undefined && roleOf(sentence) === 'loud';
    };
    mentions.push(...acronymMentions(prose, definitions, mentions, loud));
    mentions.sort((a, b) => a.start - b.start);
    for (const m of mentions) m.text = text.slice(m.start, m.end);

    const entities = new Map<string, DocumentEntity>();
    // Organisations by each ending of their folded name after a space ("federal security service" under
    // " security service" and " service"), for `longerOrganization`.
    const organizationsByEnding = new Map<string, DocumentEntity[]>();
    const addEntity = (e: DocumentEntity) => {
      if (entities.has(e.id)) return;
      entities.set(e.id, e);
      if (e.type !== 'actor' || e.kind !== 'organization') return;
      const key = nameKey(e.name);
      for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) {
        const ending = key.slice(i);
        const list = organizationsByEnding.get(ending);
        if (list) list.push(e);
        else organizationsByEnding.set(ending, [e]);
      }
    };
    for (const m of mentions) {
      const e = m.entity ? kept.get(m.entity) : undefined;
      if (e) addEntity(e);
      else m.entity = '';
    }
    let next = 0;
    const byKey = new Map<string, DocumentEntity>();
    const bySurname = new Map<string, DocumentEntity[]>();
    const byFirstName = new Map<string, DocumentEntity[]>();
    const make = (m: Mention, name: string): DocumentEntity => {
      const entity: DocumentEntity = { id: `e${++next}`, name, type: m.type, kind: m.kind, aliases: [] };
      addEntity(entity);
      byKey.set(`${m.type}:${nameKey(name)}`, entity);
      const words = name.split(/\s+/);
      if (m.kind === 'person' && words.length > 1) {
        const surname = nameKey(words[words.length - 1] ?? '');
        bySurname.set(surname, [...(bySurname.get(surname) ?? []), entity]);
        const first = nameKey(words[0] ?? '');
        byFirstName.set(first, [...(byFirstName.get(first) ?? []), entity]);
      }
      return entity;
    };
    // A place the gazetteer does not know, spelt as the surname of someone named in full, is that person.
    const surnames = new Set(
      mentions
        .filter((m) => m.type === 'actor' && m.kind === 'person')
        .map((m) => stripTitles(m.text, titles).split(/\s+/))
        .filter((w) => w.length > 1)
        .map((w) => w[w.length - 1] as string),
    );
    for (const m of mentions) {
      const place = entities.get(m.entity);
      if (place?.type === 'place' && !place.geo && surnames.has(m.text)) {
        m.type = 'actor';
        m.kind = 'person';
        m.entity = '';
      }
    }
    // "Russia's Foreign Ministry", "the Russian Foreign Ministry" where only "Foreign Ministry" is tagged.
    const qualified = new Map<Mention, string>();
    for (const m of mentions) {
      if (m.entity || m.type !== 'actor' || m.kind !== 'organization') continue;
      const before = /(\p{Lu}[\p{L}-]*)(['’]s)?\s+$/u.exec(prose.slice(Math.max(0, m.start - 40), m.start));
      const word = before?.[1] ?? '';
      const adjective = before?.[2]
        ? adjectiveOf.get(word)
        : demonyms.has(word) && !word.endsWith('s')
          ? word
          : undefined;
      if (adjective && !demonyms.has(m.text.split(/\s+/)[0] ?? ''))
        qualified.set(m, `${adjective} ${stripTitles(m.text, titles)}`);
    }
    const unlinked = mentions.filter((m) => !m.entity);
    // Full names first, so that a surname before its full name ("Rasmussen" in a headline) still finds it.
    const rank = new Map(unlinked.map((m) => [m, (offProse(m) ? -1e9 : 0) + fullness(stripTitles(m.text, titles))]));
    const order = [...unlinked].sort((a, b) => (rank.get(b) as number) - (rank.get(a) as number) || a.start - b.start);
    /**
     * "Security Service" after "Federal Security Service": the one organisation of the article whose longer name
     * ends in a name of two words or more, unless a demonym starts it (two countries' services stay apart).
     */
    const longerOrganization = (name: string): DocumentEntity | undefined => {
      if (!name.includes(' ')) return undefined;
      let found: DocumentEntity | undefined;
      for (const e of organizationsByEnding.get(` ${nameKey(name)}`) ?? []) {
        if (demonyms.has(e.name.split(/\s+/)[0] ?? '') || (found && found !== e)) return undefined;
        found = e;
      }
      return found;
    };
    const dropped = new Set<Mention>();
    const forms = new Map<string, Set<string>>();
    const addForm = (id: string, form: string) => {
      const set = forms.get(id) ?? new Set<string>();
      set.add(form);
      forms.set(id, set);
    };
    // Where each entity is mentioned so far (sorted starts), to find the person a lone surname points back to.
    const startsOf = new Map<string, number[]>();
    for (const m of mentions) if (m.entity) insertSorted(startsOf, m.entity, m.start);
    const definedBy = new Map<Mention, AcronymDefinition[]>();
    for (const d of definitions) definedBy.set(d.full, [...(definedBy.get(d.full) ?? []), d]);
    for (const m of order) {
      const bare = (m.kind === 'person' ? personName(m.text, titles) : stripTitles(m.text, titles)) || m.text;
      const name = qualified.get(m) ?? bare;
      const key = `${m.type}:${nameKey(name)}`;
      let entity = byKey.get(key) ?? (name === bare ? byKey.get(`${m.type}:${nameKey(m.text)}`) : undefined);
      const words = name.split(/\s+/);
      // "X Channel" and "X": the broadcaster's name without its head word.
      const headless =
        m.kind === 'organization' && words.length > 1 && mediaHeads.has(words[words.length - 1] ?? '')
          ? `${m.type}:${nameKey(words.slice(0, -1).join(' '))}`
          : undefined;
      if (!entity && headless) entity = byKey.get(headless);
      if (!entity && words.length === 1 && m.type === 'actor') {
        const people = bySurname.get(nameKey(name)) ?? [];
        entity = nearest(people, m, startsOf);
      }
      if (!entity && words.length === 1 && m.kind === 'person') {
        // A lone first name of exactly one person named in full.
        const people = byFirstName.get(nameKey(name)) ?? [];
        if (people.length === 1) entity = people[0];
      }
      if (!entity && isAcronym(name)) {
        const definition = definitions.find((d) => d.acronym === name.replace(/\./g, ''));
        if (definition?.full.entity) entity = entities.get(definition.full.entity);
      }
      const longer = !entity && m.kind === 'organization' ? longerOrganization(bare) : undefined;
      entity ??= longer;
      if (!entity && offProse(m)) {
        dropped.add(m);
        continue;
      }
      if (!entity && name !== bare) {
        // A qualified name is one organisation; the bare name later in the text points back to it.
        entity = make(m, name);
        if (!byKey.has(`${m.type}:${nameKey(bare)}`)) byKey.set(`${m.type}:${nameKey(bare)}`, entity);
      }
      entity ??= make(m, name);
      if (headless && !byKey.has(headless)) byKey.set(headless, entity);
      if (name !== bare && !longer) addForm(entity.id, name);
      m.entity = entity.id;
      insertSorted(startsOf, entity.id, m.start);
      if (m.kind !== entity.kind && m.type === entity.type) m.kind = entity.kind;
      // The full form defined for an acronym links the acronym's mentions made before it.
      for (const d of definedBy.get(m) ?? []) byKey.set(`${m.type}:${nameKey(d.acronym)}`, entity);
    }
    let linked = mentions.filter((m) => !dropped.has(m));
    if (settings.linkDescriptions ?? true) {
      linked.push(...resolveDescriptions(sentences, linked, entities, lexicon, skip));
      linked = linked.sort((a, b) => a.start - b.start);
    }

    // Names and aliases from the mentions: the longest proper full form is the name.
    for (const m of linked) addForm(m.entity, m.text);
    for (const entity of entities.values()) {
      const all = [...(forms.get(entity.id) ?? []), entity.name, ...entity.aliases];
      const strip = (f: string) => (entity.kind === 'person' ? personName(f, titles) : stripTitles(f, titles));
      const proper = all.map(strip).filter((f) => isProperName(f) && !isAcronym(f));
      // The fullest form; of equally full ones, the one with more capitals ("X Legion" over "X legion").
      const best = proper.sort((a, b) => fullness(b) - fullness(a) || capitals(b) - capitals(a))[0];
      if (best && entity.type === 'actor' && entity.kind !== 'government') entity.name = best;
      entity.aliases = [...new Set(all)].filter((f) => f !== entity.name);
    }
    const used = new Set(linked.map((m) => m.entity));
    for (const e of entities.values()) if (e.place) used.add(e.place);
    file.data.mentions = linked;
    file.data.entities = [...kept.values(), ...[...entities.values()].filter((e) => !kept.has(e.id))].filter((e) =>
      used.has(e.id),
    );
  };
}

/** How many capital letters a form has. */
function capitals(form: string): number {
  return form.replace(/[^\p{Lu}]/gu, '').length;
}

/** Of people sharing a surname: the one, or the one mentioned last before `m`. */
function nearest(
  people: readonly DocumentEntity[],
  m: Mention,
  startsOf: ReadonlyMap<string, number[]>,
): DocumentEntity | undefined {
  if (people.length <= 1) return people[0];
  let best: DocumentEntity | undefined;
  let bestStart = -1;
  for (const person of people) {
    const starts = startsOf.get(person.id) ?? [];
    const found = lastBefore(starts, m.start);
    const at = found >= 0 ? (starts[found] as number) : -1;
    if (at > bestStart) {
      best = person;
      bestStart = at;
    }
  }
  return best;
}

/** Add `start` to the sorted list of `id`. */
function insertSorted(lists: Map<string, number[]>, id: string, start: number): void {
  const list = lists.get(id);
  if (!list) {
    lists.set(id, [start]);
    return;
  }
  let i = list.length;
  while (i > 0 && (list[i - 1] as number) > start) i--;
  list.splice(i, 0, start);
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
