import type { AnnotatedArticle, DocumentAnnotation } from '../document.js';
import type { DocumentEntity, Entity, Geo } from '../entity.js';
import type { Message } from '../message.js';
import type { CorpusConfig } from '../read/config.js';
import { Groups } from './groups.js';
import {
  nameKey as foldName,
  transliterationForm as formOf,
  fullness,
  isProperName,
  sameTransliteration,
  transliterationKey as shapeOf,
} from './keys.js';

export interface ResolvedEntities {
  entities: Entity[];
  /** Per article id: the annotation with entity ids made corpus-wide and claim/event ids prefixed by the article id. */
  annotations: Map<string, DocumentAnnotation>;
  messages: Message[];
}

/** One document entity, as a node of the resolution. */
interface Node {
  article: string;
  entity: DocumentEntity;
  /** Resolution class: places together, each kind of actor apart. */
  kind: string;
  /** Proper names of the entity (its name and capitalised aliases). */
  names: string[];
}

/**
 * Resolve each document's entities to corpus-wide entities. Merged: the same gazetteer place; the same name or
 * alias (an acronym defined in one article names the entity in another); a surname to the one full name in the
 * corpus that ends in it; transliteration variants (Kiev/Kyiv, Malaev/Malayev). Never merged: places with
 * different gazetteer ids, people whose full names have different first names, unnamed collectives
 * ("the rebels") of different articles. Then the user's `config` merges, renames and ignores. Near-linear:
 * every rule compares only entities that share a key.
 */
export function resolveEntities(items: AnnotatedArticle[], config: CorpusConfig = {}): ResolvedEntities {
  const nameKey = memo(foldName);
  const transliterationKey = memo(shapeOf);
  const transliterationForm = memo(formOf);
  const nodes: Node[] = [];
  for (const { article, annotation } of items) {
    for (const entity of annotation.entities) {
      const kind = entity.type === 'place' ? 'place' : entity.kind;
      const names = [
        ...new Set([entity.name, ...entity.aliases].filter(isProperName).map((n) => n.replace(/^the\s+/i, ''))),
      ];
      nodes.push({ article: article.id, entity, kind, names });
    }
  }
  const groups = new Groups(
    nodes.map((n) => geoKey(n.entity)),
    nodes.map((n) => (n.kind === 'person' ? firstNameKey(n.names, nameKey, transliterationForm) : null)),
  );
  const ignored = new Set((config.ignore ?? []).map(nameKey));
  const isIgnored = (n: Node) =>
    ignored.size > 0 && (ignored.has(nameKey(n.entity.name)) || n.entity.aliases.some((x) => ignored.has(nameKey(x))));

  // 1. The same gazetteer place (or government of it).
  unionByKey(nodes, groups, (n) => {
    const geo = geoKey(n.entity);
    return geo === null ? [] : [`${n.entity.type}:${n.kind}:${geo}`];
  });
  // 2. The same name or proper alias; unnamed collectives stay in their article.
  // A short form that ends a longer name of the same entity is no key: two people share a surname, two
  // countries' ministries share "Foreign Ministry" (rule 3 links lone surnames).
  unionByKey(nodes, groups, (n) => {
    const keys = n.names.map(nameKey);
    return keys
      .filter((k) => !keys.some((longer) => longer !== k && longer.endsWith(` ${k}`)))
      .map((k) => `${n.kind}:${k}`);
  });
  // 3. A lone surname to the one full name that ends in it.
  const fullBySurname = new Map<string, Set<number>>();
  nodes.forEach((n, i) => {
    if (n.kind !== 'person') return;
    for (const name of n.names) {
      const words = nameKey(name).split(' ');
      if (words.length < 2) continue;
      const key = words[words.length - 1] as string;
      const set = fullBySurname.get(key) ?? new Set<number>();
      set.add(i);
      fullBySurname.set(key, set);
    }
  });
  nodes.forEach((n, i) => {
    if (n.kind !== 'person' || n.names.length === 0 || n.names.some((x) => x.includes(' '))) return;
    const full = fullBySurname.get(nameKey(n.names[0] as string));
    if (!full) return;
    const roots = new Set([...full].map((j) => groups.find(j)));
    if (roots.size === 1) groups.union([...roots][0] as number, i);
  });
  // 4. Transliteration variants: compare distinct spellings that share a consonant skeleton.
  const byShape = new Map<string, Map<string, number>>();
  nodes.forEach((n, i) => {
    for (const name of n.names) {
      if (transliterationForm(name).length < 3) continue;
      const key = `${n.kind}:${transliterationKey(name)}`;
      const spellings = byShape.get(key) ?? new Map<string, number>();
      if (!spellings.has(nameKey(name))) spellings.set(nameKey(name), i);
      byShape.set(key, spellings);
    }
  });
  for (const spellings of byShape.values()) {
    const list = [...spellings];
    if (list.length < 2 || list.length > 50) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const [x, i] = list[a] as [string, number];
        const [y, j] = list[b] as [string, number];
        if (sameTransliteration(x, y)) groups.union(i, j);
      }
    }
  }
  // 5. The user's corrections.
  const canonical = new Map<number, string>();
  const byName = new Map<string, number[]>();
  const corrections = (config.merge?.length ?? 0) > 0 || Object.keys(config.aliases ?? {}).length > 0;
  nodes.forEach((n, i) => {
    if (!corrections) return;
    for (const name of new Set([n.entity.name, ...n.entity.aliases].map(nameKey))) {
      const list = byName.get(name);
      if (list) list.push(i);
      else byName.set(name, [i]);
    }
  });
  const forceTogether = (names: readonly string[]): number | undefined => {
    const members = names.flatMap((name) => byName.get(nameKey(name)) ?? []);
    for (const i of members) groups.union(members[0] as number, i, true);
    return members[0];
  };
  for (const set of config.merge ?? []) forceTogether(set);
  for (const [name, aliases] of Object.entries(config.aliases ?? {})) {
    const first = forceTogether([name, ...aliases]);
    if (first !== undefined) canonical.set(first, name);
  }

  return build(items, nodes, groups, canonical, isIgnored);
}

/** A function remembering its results, for the many repeated names of a corpus. */
function memo(f: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let value = cache.get(s);
    if (value === undefined) {
      value = f(s);
      cache.set(s, value);
    }
    return value;
  };
}

/** Merge the nodes that share any key. */
function unionByKey(nodes: readonly Node[], groups: Groups, keys: (n: Node) => string[]): void {
  const first = new Map<string, number>();
  nodes.forEach((n, i) => {
    for (const key of keys(n)) {
      const j = first.get(key);
      if (j === undefined) first.set(key, i);
      else groups.union(j, i);
    }
  });
}

/**
 * The gazetteer key of a place or of the government of one: GeoNames id, else region, else country. A place
 * located only by the region it lies in (a village the gazetteer lacks) has none: its name decides.
 */
function geoKey(entity: DocumentEntity): string | null {
  const geo: Geo | undefined = entity.geo;
  if (!geo) return null;
  if (geo.geonameId !== null) return `g${geo.geonameId}`;
  if (entity.kind === 'region' || (geo.region && geo.region === geo.name))
    return `r:${geo.country}:${geo.region ?? geo.name}`;
  return geo.region === null ? `c:${geo.country}` : null;
}

/** The first name of a person's fullest name, by transliteration form ("Sergei" and "Sergey" alike). */
function firstNameKey(
  names: readonly string[],
  nameKey: (s: string) => string,
  transliterationForm: (s: string) => string,
): string | null {
  const full = names.filter((n) => n.includes(' ')).sort((a, b) => fullness(b) - fullness(a))[0];
  if (!full) return null;
  const first = nameKey(full).split(' ')[0] as string;
  if (first.length <= 2) return null;
  return transliterationForm(first).replace(/[aeiou]+$/, '');
}

function build(
  items: readonly AnnotatedArticle[],
  nodes: readonly Node[],
  groups: Groups,
  canonical: ReadonlyMap<number, string>,
  isIgnored: (n: Node) => boolean,
): ResolvedEntities {
  const entities: Entity[] = [];
  const byRoot = new Map<number, Entity>();
  const local = new Map<string, Map<string, string>>();
  const localOf = (article: string) => {
    let map = local.get(article);
    if (!map) {
      map = new Map();
      local.set(article, map);
    }
    return map;
  };
  const counts = new Map<Entity, Map<string, number>>();
  const dropped = new Map<string, Set<string>>();
  const isDropped = (article: string, id: string) => dropped.get(article)?.has(id) ?? false;
  const rootIgnored = new Set<number>();
  const aliasSets = new Map<Entity, Set<string>>();
  nodes.forEach((n, i) => {
    if (isIgnored(n)) rootIgnored.add(groups.find(i));
  });
  nodes.forEach((n, i) => {
    const root = groups.find(i);
    if (rootIgnored.has(root)) {
      const set = dropped.get(n.article) ?? new Set<string>();
      set.add(n.entity.id);
      dropped.set(n.article, set);
      return;
    }
    let entity = byRoot.get(root);
    if (!entity) {
      entity = {
        id: `E${entities.length + 1}`,
        name: n.entity.name,
        type: n.entity.type,
        kind: n.entity.kind,
        aliases: [],
        mentions: [],
      };
      byRoot.set(root, entity);
      entities.push(entity);
      counts.set(entity, new Map());
    }
    if (n.entity.geo && !entity.geo) {
      entity.geo = n.entity.geo;
      entity.kind = n.entity.kind;
    }
    const seen = aliasSets.get(entity) ?? new Set<string>();
    aliasSets.set(entity, seen);
    for (const name of [n.entity.name, ...n.entity.aliases]) {
      if (seen.has(name)) continue;
      seen.add(name);
      entity.aliases.push(name);
    }
    localOf(n.article).set(n.entity.id, entity.id);
  });
  for (const [i, name] of canonical) {
    const entity = byRoot.get(groups.find(i));
    if (entity) entity.name = name;
  }

  const annotations = new Map<string, DocumentAnnotation>();
  for (const { article, annotation } of items) {
    const ids = localOf(article.id);
    const map = (id: string) => ids.get(id);
    const mentions = annotation.mentions
      .filter((m) => !isDropped(article.id, m.entity))
      .map((m) => ({ ...m, entity: map(m.entity) ?? m.entity }));
    for (const m of mentions) {
      const entity = entities[Number(m.entity.slice(1)) - 1];
      if (!entity || entity.id !== m.entity) continue;
      entity.mentions.push(
        m.origin === 'human'
          ? { article: article.id, start: m.start, end: m.end, text: m.text, origin: m.origin }
          : { article: article.id, start: m.start, end: m.end, text: m.text },
      );
      const count = counts.get(entity) as Map<string, number>;
      count.set(m.text, (count.get(m.text) ?? 0) + 1);
    }
    // One flat string per id, shared by the claim and the event mentions that hold it (a template literal
    // would make a rope of three strings for every use).
    const prefixed = new Map<string, string>();
    const prefix = (id: string) => {
      let full = prefixed.get(id);
      if (full === undefined) {
        full = [article.id, id].join(':');
        prefixed.set(id, full);
      }
      return full;
    };
    annotations.set(article.id, {
      ...annotation,
      mentions,
      entities: annotation.entities
        .filter((e) => !isDropped(article.id, e.id))
        .map((e) => {
          const copy: DocumentEntity = { ...e, id: map(e.id) ?? e.id };
          if (e.place !== undefined) copy.place = map(e.place) ?? e.place;
          return copy;
        }),
      claims: annotation.claims.map((c) => ({
        ...c,
        id: prefix(c.id),
        speaker: c.speaker === null || isDropped(article.id, c.speaker) ? null : (map(c.speaker) ?? c.speaker),
      })),
      events: annotation.events.map((v) => ({ ...v, id: prefix(v.id), claims: v.claims.map(prefix) })),
    });
  }
  // Names: the user's canonical name, else the longest proper full form, then the most used.
  const named = new Set([...canonical.keys()].map((i) => byRoot.get(groups.find(i))));
  for (const entity of entities) {
    const count = counts.get(entity) as Map<string, number>;
    if (!named.has(entity)) {
      const forms = [entity.name, ...entity.aliases].filter((f) => isProperName(f) && !/^[\p{Lu}\d&.]+$/u.test(f));
      const best = forms.sort((a, b) => fullness(b) - fullness(a) || (count.get(b) ?? 0) - (count.get(a) ?? 0))[0];
      if (best) entity.name = best.replace(/^the\s+/i, '');
    }
    entity.aliases = entity.aliases.filter((a) => a !== entity.name);
  }
  // Places of governments and groups, as corpus ids.
  for (const { article, annotation } of items) {
    for (const e of annotation.entities) {
      if (e.place === undefined) continue;
      const id = localOf(article.id).get(e.id);
      const place = localOf(article.id).get(e.place);
      const entity = id ? entities[Number(id.slice(1)) - 1] : undefined;
      if (entity && place && entity.place === undefined) entity.place = place;
    }
  }
  return { entities, annotations, messages: [] };
}
