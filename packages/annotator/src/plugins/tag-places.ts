import type { DocumentEntity, Mention } from '@claimlens/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { actsAsGovernment, findGroups, type Located, placePrepositions } from '../entities/actors.js';
import { documentLines } from '../entities/lines.js';
import { containing, SpanSet, tokenIndex } from '../entities/spans.js';
import { placesByDiscourse } from '../places/discourse.js';
import { discoverPlaces } from '../places/discover.js';
import { type GazetteerEntry, placeKey } from '../places/gazetteer.js';
import { type KnowledgeFiles, loadPlaceKnowledge, type PlaceKnowledge } from '../places/knowledge.js';
import { candidates, choosePlace, geoOf, type PlaceContext, parsePlaceName, placeKind } from '../places/link.js';
import { conflictingRegions, regionStatements } from '../places/regions.js';
import { coordinatedRegions, separateDemonyms, splitAdjacentPlaces } from '../places/repair.js';
import { locate } from '../text/locate.js';
import type { SentenceTokens } from '../text/sentences.js';
import '../types.js';

export interface Options {
  /** Knowledge to use; default: loaded from `files`. */
  knowledge?: PlaceKnowledge;
  /** Files of the gazetteer and lexicons; default: those in `data/` (see `KnowledgeFiles`). */
  files?: KnowledgeFiles;
  /** Smallest population of a place found after "in/near/from" that the tagger missed. Default: 10000. */
  minPopulation?: number;
  /**
   * Find places the tagger missed ("the village of X", "X region", "in X", and a place the article tags
   * elsewhere). Default: true.
   */
  discover?: boolean;
  /** Find governments ("Moscow denied") and groups ("Ukrainian troops", "the rebels"). Default: true. */
  actors?: boolean;
}

const emptyOptions: Options = {};

/**
 * Link place mentions to the gazetteer (`DocumentEntity.geo`) and set their kind; find places the tagger missed
 * where the text is explicit; turn places used as actors into governments, and find demonym and collective groups.
 * Reports `place/conflicting-regions` when the article puts one place in two regions.
 */
export default function tagPlaces(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions;
  const minPopulation = settings.minPopulation ?? 10_000;
  const discover = settings.discover ?? true;
  const findActors = settings.actors ?? true;
  return (_tree: Root, file: VFile): void => {
    const knowledge = settings.knowledge ?? loadPlaceKnowledge(settings.files ?? {});
    const { gazetteer } = knowledge;
    const { text, prose, sentences, skip, sentenceAt, offProse } = documentLines(file);
    // Countries the article's demonyms name ("Ukrainian troops").
    const demonymCountries = new Set<string>();
    for (const sentence of sentences) {
      for (const t of sentence.tokens) {
        const code = t.text.charCodeAt(0);
        if ((code >= 65 && code <= 90) || code > 127) {
          const demonym = knowledge.demonyms.get(t.text);
          if (demonym) demonymCountries.add(demonym.country);
        }
      }
    }
    let mentions = file.data.mentions ?? [];
    separateDemonyms(text, mentions, knowledge.demonyms, gazetteer);
    mentions = splitAdjacentPlaces(sentences, mentions, gazetteer);
    if (discover) {
      const tagged = new Map<Mention, readonly GazetteerEntry[]>();
      for (const m of mentions) if (m.type === 'place') tagged.set(m, gazetteer.lookup(m.text));
      const { countries } = contextOf(tagged, demonymCountries);
      const body = sentences.filter((s) => !skip(s));
      mentions = discoverPlaces(prose, body, mentions, knowledge, { minPopulation, countries });
      mentions = placesByDiscourse(prose, body, mentions, file.data.names ?? [], gazetteer);
    }
    for (const m of mentions) m.text = text.slice(m.start, m.end);
    coordinatedRegions(prose, mentions, knowledge.cues.regionNouns, knowledge.demonyms);
    // In a headline, an all-caps line, a byline or a credit, keep only places the gazetteer or the body knows.
    const bodyPlaces = new Set(mentions.filter((m) => m.type === 'place' && !offProse(m)).map((m) => placeKey(m.text)));
    mentions = mentions.filter(
      (m) =>
        m.type !== 'place' ||
        bodyPlaces.has(placeKey(m.text)) ||
        !offProse(m) ||
        gazetteer.lookup(m.text.replace(/^the\s+/i, '')).length > 0,
    );
    const entities: DocumentEntity[] = [...(file.data.entities ?? [])];

    // A country tagged as an organisation ("Ukraine agreed") is its government; a known place the tagger calls a
    // place at least as often as an organisation in the article is that place (a city's club stays an
    // organisation where the article mostly names the club: "Leeds beat Hull").
    const located = locator(sentences);
    const governments = new Set<Mention>();
    const votes = new Map<string, number>();
    for (const m of mentions) {
      const vote = m.type === 'place' ? 1 : m.kind === 'organization' ? -1 : 0;
      votes.set(m.text, (votes.get(m.text) ?? 0) + vote);
    }
    for (const m of mentions) {
      if (m.type !== 'actor' || m.kind !== 'organization' || !/^\p{Lu}/u.test(m.text)) continue;
      // A name before a score or a table's numbers is a team ("Leeds 2 Hull 1", "Leeds 4 2 1 1 7").
      if (score.test(prose.slice(m.end, m.end + 40))) continue;
      const country = gazetteer.lookup(m.text).find((e) => e.kind === 'country');
      if (!country && !((votes.get(m.text) ?? 0) >= 0 && gazetteer.lookup(m.text).length > 0)) continue;
      m.type = 'place';
      m.kind = country ? 'country' : 'location';
      // After a preposition it is the country ("the border with X", "fighting for X"), unless it acts.
      const where = located(m);
      const previous = where?.tokens[where.first - 1];
      const governs =
        !previous ||
        !placePrepositions.test(previous.text) ||
        (where !== undefined && actsAsGovernment(where, knowledge));
      if (country && governs) governments.add(m);
    }
    // Candidates of every place mention; context from those that are unambiguous.
    const found = new Map<Mention, readonly GazetteerEntry[]>();
    for (const m of mentions) {
      if (m.type !== 'place') continue;
      const name = parsePlaceName(m.text, knowledge.cues.regionNouns);
      // A name the text calls a region ("the Belgorod and Kursk regions") is the region where the gazetteer has one.
      // So is a name before "governor" ("the X governor"): governors govern regions.
      const governed = /^\s+governor\b/i.test(prose.slice(m.end, m.end + 10));
      const regions =
        (m.kind === 'region' || governed) && !name.region
          ? gazetteer.lookup(name.base).filter((e) => e.kind === 'region')
          : [];
      found.set(m, regions.length > 0 ? regions : candidates(name, m.text, gazetteer));
    }
    const context = contextOf(found, demonymCountries);
    const statements = regionStatements(text, mentions);
    const statementOf = new Map(statements.map((s) => [s.place, s]));
    const chosen = new Map<Mention, GazetteerEntry>();
    for (const m of found.keys()) {
      const list = found.get(m) ?? [];
      const local = statementOf.get(m);
      const regionEntry = local ? choosePlace(found.get(local.region) ?? [], context) : undefined;
      const inRegion = regionEntry ? list.filter((e) => e.region === regionEntry.id) : [];
      // A small namesake elsewhere is not the place the article puts in a region ("X in the Y region").
      const elsewhere = regionEntry !== undefined && inRegion.length === 0 && list.every(small);
      const entry = elsewhere ? undefined : choosePlace(inRegion.length > 0 ? inRegion : list, context);
      if (entry) chosen.set(m, entry);
    }

    // One entity per gazetteer entry (or per spelling, when the gazetteer does not know the place).
    const byKey = new Map<string, DocumentEntity>();
    let next = 0;
    const entityFor = (key: string, make: () => Omit<DocumentEntity, 'id'>): DocumentEntity => {
      let entity = byKey.get(key);
      if (!entity) {
        entity = { id: `p${++next}`, ...make() };
        byKey.set(key, entity);
        entities.push(entity);
      }
      return entity;
    };
    const placeEntity = (m: Mention | null, entry: GazetteerEntry | undefined, name: string): DocumentEntity => {
      const key = entry
        ? `${entry.kind}:${entry.id}`
        : `name:${placeKey(name)}:${m?.kind === 'region' ? 'region' : ''}`;
      const entity = entityFor(key, () => {
        const made: Omit<DocumentEntity, 'id'> = {
          name,
          type: 'place',
          kind: entry ? placeKind(entry) : m?.kind === 'region' || m?.kind === 'settlement' ? m.kind : 'location',
          aliases: [],
        };
        if (entry) made.geo = geoOf(entry, gazetteer);
        return made;
      });
      if (m) nameEntity(entity, name);
      return entity;
    };

    for (const m of found.keys()) {
      const entry = chosen.get(m);
      const name = m.text.replace(/^the\s+/i, '');
      if (
        !entry &&
        m.kind !== 'region' &&
        /\b(?:village|town|settlement|hamlet)\s+of\s+$/i.test(prose.slice(Math.max(0, m.start - 20), m.start))
      ) {
        m.kind = 'settlement';
      }
      const place = placeEntity(m, entry, name);
      // A place the gazetteer does not know, put in a region it knows ("the village of X in the Y region"), is
      // located at the region: its own name, the coordinates of the region's seat, no GeoNames id.
      const local = statementOf.get(m);
      const regionEntry = !entry && local ? choosePlace(found.get(local.region) ?? [], context) : undefined;
      if (!place.geo && regionEntry?.kind === 'region')
        place.geo = { ...geoOf(regionEntry, gazetteer), geonameId: null, name: place.name };
      m.kind = place.kind;
      m.entity = place.id;
      const where = located(m);
      const capital = entry && (entry.kind === 'country' || entry.feature === 'PPLC');
      const acting =
        governments.has(m) || (capital && where && !skip(where.sentence) && actsAsGovernment(where, knowledge));
      if (findActors && entry && acting) {
        const government = entityFor(`government:${place.id}`, () => ({
          name: place.name,
          type: 'actor',
          kind: 'government',
          aliases: [],
          place: place.id,
          ...(place.geo ? { geo: place.geo } : {}),
        }));
        nameEntity(government, name);
        m.type = 'actor';
        m.kind = 'government';
        m.entity = government.id;
      }
    }

    if (findActors) {
      // "The Kremlin said": a seat of government is a government, tied to its country.
      const seatMentions = [...mentions.filter((m) => knowledge.seats.has(m.text.replace(/^the\s+/i, '')))];
      const taken = new SpanSet(mentions);
      for (const [seat] of knowledge.seats) {
        const pattern = new RegExp(`(?<![\\p{L}])${seat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
        for (const match of prose.matchAll(pattern)) {
          const start = match.index ?? 0;
          const end = start + seat.length;
          const sentence = sentenceAt(start, end);
          if (!sentence || skip(sentence) || taken.overlaps(start, end)) continue;
          taken.add({ start, end });
          const m: Mention = {
            start,
            end,
            text: text.slice(start, end),
            type: 'actor',
            kind: 'government',
            entity: '',
          };
          mentions.push(m);
          seatMentions.push(m);
        }
      }
      for (const m of seatMentions) {
        const seat = m.text.replace(/^the\s+/i, '');
        const country = gazetteer.country(knowledge.seats.get(seat) ?? '');
        if (!country) continue;
        const place = placeEntity(null, country, country.name);
        const government = entityFor(`seat:${placeKey(seat)}`, () => ({
          name: seat,
          type: 'actor',
          kind: 'government',
          aliases: [],
          place: place.id,
        }));
        nameEntity(government, seat);
        m.type = 'actor';
        m.kind = 'government';
        m.entity = government.id;
      }
      for (const group of findGroups(text, sentences, mentions, knowledge, skip)) {
        const country = group.country ? gazetteer.country(group.country) : undefined;
        const place = country ? placeEntity(null, country, country.name) : undefined;
        const entity = entityFor(`group:${group.country ?? ''}:${group.name.toLowerCase()}`, () => ({
          name: group.name,
          type: 'actor',
          kind: 'group',
          aliases: [],
          ...(place ? { place: place.id } : {}),
        }));
        const span = { start: group.start, end: group.end, text: text.slice(group.start, group.end) };
        mentions.push({ ...span, type: 'actor', kind: 'group', entity: entity.id });
      }
      mentions.sort((a, b) => a.start - b.start);
    }

    // "X in the Rostov region" … "X in the Belgorod region".
    const regionOf = (m: Mention) => {
      const entry = choosePlace(found.get(m) ?? [], context);
      return entry ? entry.id : placeKey(parsePlaceName(m.text, knowledge.cues.regionNouns).base);
    };
    const point = locate(text);
    for (const [a, b] of conflictingRegions(statements, (m) => placeKey(m.text), regionOf)) {
      for (const [one, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const at = point(other.region.start);
        file.message(
          `Unexpected region \`${one.region.text}\` for \`${one.place.text}\`, which the article also puts in \`${other.region.text}\` (line ${at.line}, column ${at.column}); expected one region`,
          {
            place: { start: point(one.region.start), end: point(one.region.end) },
            ruleId: 'place/conflicting-regions',
            source: 'claimlens',
          },
        );
      }
    }

    file.data.mentions = mentions;
    file.data.entities = entities;
  };
}

/** Numbers after a name that end the line or lead to another name: a score or a row of a results table. */
const score = /^[ \t]+\d+(?:[ \t]+[\d.]+)*(?:[ \t]*(?:\r?\n|$)|[ \t]+(?:\p{Lu}|\.\d|\())/u;

/** A populated place of fewer than 100,000 people, which namesakes in other regions easily share. */
function small(entry: GazetteerEntry): boolean {
  return entry.kind === 'place' && entry.population < 100_000;
}

/** Countries and regions the article names unambiguously, and countries its demonyms name. */
function contextOf(
  found: ReadonlyMap<Mention, readonly GazetteerEntry[]>,
  demonymCountries: ReadonlySet<string>,
): PlaceContext {
  const countries = new Set<string>();
  const regions = new Set<string>();
  for (const list of found.values()) {
    const top = choosePlace(list, { countries: new Set(), regions: new Set() });
    if (!top) continue;
    if (top.kind === 'country') countries.add(top.country);
    if (top.kind === 'region' && list.every((e) => e.kind === 'region')) {
      if (list.length === 1) regions.add(top.id);
      if (list.every((e) => e.country === top.country)) countries.add(top.country);
    }
    if (list.length > 0 && list.every((e) => e.country === top.country)) countries.add(top.country);
  }
  for (const country of demonymCountries) countries.add(country);
  return { countries, regions };
}

/** Keep the longest form as the name, the others as aliases. */
function nameEntity(entity: DocumentEntity, form: string): void {
  if (form === entity.name || entity.aliases.includes(form)) return;
  if (form.length > entity.name.length) {
    entity.aliases.push(entity.name);
    entity.name = form;
  } else entity.aliases.push(form);
}

function locator(sentences: readonly SentenceTokens[]) {
  const sentenceAt = containing(sentences);
  return (m: Mention): (Located & { sentence: SentenceTokens }) | undefined => {
    const sentence = sentenceAt(m.start, m.end);
    if (!sentence) return undefined;
    const tokens = sentence.tokens;
    const first = tokenIndex(tokens, m.start, (t) => t.start);
    const last = tokenIndex(tokens, m.end, (t) => t.end);
    if (first < 0 || last < 0) return undefined;
    return { sentence, tokens, first, last };
  };
}
