import type { DocumentEntity, Mention } from '@claimlens/core';
import { countBelow } from '../entities/spans.js';

const personPronouns = new Set(['he', 'she', 'him', 'her', 'his']);
const groupPronouns = new Set(['they', 'it', 'its', 'their']);
const firstPerson = new Set(['i', 'we', 'me', 'us', 'you']);
const determiners = /^(?:the|a|an|this|that|these|those|its|his|her|their|our)\s+/i;
const wordBefore = /(\p{L}+)[\s,]{0,2}$/u;
const wordAfter = /^[,\s]*(?:(?:the|a|an)\s+)?(\p{L}+)/iu;

/** Resolves claim sources to entities of one document; build once per document with `speakerIndex`. */
export type SpeakerResolver = (source: { start: number; end: number }) => string | null;

/**
 * Index the actor mentions of a document for resolving claim sources, in time linear in the mentions,
 * and return the resolver. A source resolves as follows:
 * - a source overlapping an actor mention is that mention's entity (a person among several, else the last);
 * - "he" / "she" is the last person named before it; "they" / "it" the last organisation, government or group;
 * - a bare surname or other single capitalised name is the last entity whose name or alias ends with it;
 * - a description ("the ministry", "the spokesman") is the last actor whose name contains its head noun, or
 *   the person named next to an earlier use of that noun ("spokesman Jane Roe", "Jane Roe, the spokesman").
 * The resolver returns null when nothing fits. `mentions` must be sorted by start.
 */
export function speakerIndex(
  text: string,
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, DocumentEntity>,
): SpeakerResolver {
  const starts = new Float64Array(mentions.length);
  // lastPerson[k] / lastGroup[k]: the entity of the last person / other actor among mentions[0..k).
  const lastPerson: (string | null)[] = new Array(mentions.length + 1).fill(null);
  const lastGroup: (string | null)[] = new Array(mentions.length + 1).fill(null);
  const byEndWord = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const byDescriptor = new Map<string, { at: number; entity: string }[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  };
  const lastWord = (name: string) => {
    const lower = name.trim().toLowerCase();
    return lower.slice(lower.lastIndexOf(' ') + 1);
  };
  mentions.forEach((mention, k) => {
    starts[k] = mention.start;
    const actor = mention.type === 'actor';
    lastPerson[k + 1] = actor && mention.kind === 'person' ? mention.entity : (lastPerson[k] ?? null);
    lastGroup[k + 1] = actor && mention.kind !== 'person' ? mention.entity : (lastGroup[k] ?? null);
    if (!actor) return;
    const words = mention.text.toLowerCase().split(/\s+/);
    for (const word of new Set(words)) push(byWord, word, k);
    const ends = new Set([words[words.length - 1] ?? '']);
    const entity = entities.get(mention.entity);
    if (entity) {
      ends.add(lastWord(entity.name));
      for (const alias of entity.aliases) ends.add(lastWord(alias));
    }
    for (const end of ends) push(byEndWord, end, k);
    if (mention.kind !== 'person') return;
    const before = wordBefore.exec(text.slice(Math.max(0, mention.start - 40), mention.start));
    if (before?.[1])
      push(byDescriptor, before[1].toLowerCase(), { at: mention.start - before[0].length, entity: mention.entity });
    const after = wordAfter.exec(text.slice(mention.end, mention.end + 40));
    if (after?.[1] && after[0].length - after[1].length <= 8)
      push(byDescriptor, after[1].toLowerCase(), {
        at: mention.end + after[0].length - after[1].length,
        entity: mention.entity,
      });
  });
  /** The number of mentions starting before `offset`. */
  const before = (offset: number) => countBelow(starts, offset);
  /** The entity of the last mention in `list` (indices, ascending) that starts before `offset`. */
  const lastIn = (list: readonly number[] | undefined, offset: number): string | null => {
    if (!list) return null;
    const lo = countBelow(list, before(offset));
    return lo > 0 ? (mentions[list[lo - 1] as number] as Mention).entity : null;
  };
  return (source) => {
    let k = before(source.start);
    while (k > 0 && (mentions[k - 1] as Mention).end > source.start) k--;
    let chosen: Mention | null = null;
    for (; k < mentions.length; k++) {
      const mention = mentions[k] as Mention;
      if (mention.start >= source.end) break;
      if (mention.end <= source.start || mention.type !== 'actor') continue;
      if (!chosen || mention.kind === 'person' || chosen.kind !== 'person') chosen = mention;
    }
    if (chosen) return chosen.entity;
    const phrase = text.slice(source.start, source.end).trim();
    const lower = phrase.toLowerCase();
    if (firstPerson.has(lower)) return null;
    if (personPronouns.has(lower)) return lastPerson[before(source.start)] ?? null;
    if (groupPronouns.has(lower)) return lastGroup[before(source.start)] ?? null;
    const words = phrase.replace(determiners, '').split(/\s+/);
    const head = (words[words.length - 1] ?? '').replace(/[’']s$/, '');
    if (head.length < 3) return null;
    const headLower = head.toLowerCase();
    if (words.length === 1 && /^\p{Lu}/u.test(head)) {
      const found = lastIn(byEndWord.get(headLower), source.start);
      if (found) return found;
    }
    const named = lastIn(byWord.get(headLower), source.start);
    if (named) return named;
    const described = byDescriptor.get(headLower);
    if (!described) return null;
    for (let d = described.length - 1; d >= 0; d--) {
      const use = described[d] as { at: number; entity: string };
      if (use.at < source.start) return use.entity;
    }
    return null;
  };
}
