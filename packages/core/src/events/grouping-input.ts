import type { Where } from './compatible.js';
import type { EventModel, Member, PairContext } from './model.js';

/**
 * Event groupings made before, by what they read, so that a corpus build groups again only the sub-topics whose
 * mentions changed. The input is `groupingInput`'s description of one sub-topic; it does not describe WordNet,
 * so a store must keep apart the groupings made with other WordNet data (the annotator's keys hash its data).
 */
export interface GroupingCache {
  /** The grouping stored for `input` (per member, the index of its event's first member), if any. */
  get(input: string): readonly number[] | undefined;
  set(input: string, grouping: readonly number[]): void;
}

/**
 * Everything the grouping of `members` reads, as one text: equal texts give equal groupings. Per member, in order:
 * its article, sentence, words, lemma and synset, type, the participants, place and time of its profile, its year
 * and framing; per article, its names; per entity, what `differs` reads of it; the model's weights, trees, threshold and
 * the coreference rate of each lemma. Entity ids, article ids and place names are only ever compared with each
 * other, so they are written as the order in which they are first met: renumbering the corpus's entities (a file
 * added before them) leaves the text alone.
 */
export function groupingInput(members: readonly Member[], context: PairContext, model: EventModel): string {
  const ids = new Map<string, number>();
  const id = (value: string | undefined): number | null => {
    if (value === undefined) return null;
    let k = ids.get(value);
    if (k === undefined) {
      k = ids.size;
      ids.set(value, k);
    }
    return k;
  };
  const where = (w: Where | undefined) => (w ? [w.country ?? null, id(w.name)] : null);
  const sets = new Map<ReadonlySet<string>, number>();
  const setLines: string[] = [];
  const setOf = (words: ReadonlySet<string>, names = false): number => {
    let k = sets.get(words);
    if (k === undefined) {
      k = sets.size;
      sets.set(words, k);
      const items = names ? [...words].map((w) => (w.startsWith('entity:') ? `#${id(w.slice(7))}` : w)) : [...words];
      setLines.push(JSON.stringify(items));
    }
    return k;
  };
  const articles = new Map<number, number>();
  const memberLines = members.map((member) => {
    const { mention } = member.placed;
    const { profile } = member;
    let article = articles.get(member.article);
    if (article === undefined) {
      article = articles.size;
      articles.set(member.article, article);
    }
    return JSON.stringify([
      article,
      id(profile.article),
      setOf(member.names, true),
      member.sentence,
      setOf(member.words),
      mention.lemma,
      mention.synset ?? null,
      mention.type,
      mention.verbal === true,
      mention.generic === true,
      member.statement,
      member.background,
      member.year ?? null,
      profile.when ?? null,
      id(profile.agent),
      id(profile.patient),
      id(profile.place),
      where(profile.destination),
      where(profile.origin),
      profile.speaker ?? null,
      context.lemmas[mention.lemma] ?? null,
    ]);
  });
  const entityLines: string[] = [];
  for (const [value, k] of ids) {
    const info = context.entities.get(value);
    if (info)
      entityLines.push(JSON.stringify([k, info.type, info.kind, info.geo?.country ?? null, info.geo?.region ?? null]));
  }
  return [
    JSON.stringify([model.weights, model.trees ?? [], model.threshold]),
    ...memberLines,
    '',
    ...setLines,
    '',
    ...entityLines,
  ].join('\n');
}
