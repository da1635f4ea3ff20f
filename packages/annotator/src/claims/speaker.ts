import type { DocumentEntity, Mention } from '@claimlens/core';

const personPronouns = new Set(['he', 'she', 'him', 'her', 'his']);
const groupPronouns = new Set(['they', 'it', 'its', 'their']);
const firstPerson = new Set(['i', 'we', 'me', 'us', 'you']);
const determiners = /^(?:the|a|an|this|that|these|those|its|his|her|their|our)\s+/i;

/**
 * Resolve the source of a claim to an entity of the document:
 * - a source overlapping an actor mention is that mention's entity (a person among several, else the last);
 * - "he" / "she" is the last person named before it; "they" / "it" the last organisation, government or group;
 * - a description ("the ministry", "the spokesman") is the last actor whose name contains its head noun, or
 *   the actor named next to an earlier use of that noun ("spokesman Jane Roe", "Jane Roe, the spokesman");
 * - a bare surname or other single name is the last entity whose name or alias ends with it.
 * Returns null when nothing fits. `lowerText` is `text` lower-cased; `mentions` must be sorted by start.
 */
export function resolveSpeaker(
  text: string,
  lowerText: string,
  source: { start: number; end: number },
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, DocumentEntity>,
): string | null {
  let firstAfter = lowerBound(mentions, source.start);
  while (firstAfter > 0 && (mentions[firstAfter - 1] as Mention).end > source.start) firstAfter--;
  let chosen: Mention | null = null;
  for (let k = firstAfter; k < mentions.length; k++) {
    const mention = mentions[k] as Mention;
    if (mention.start >= source.end) break;
    if (mention.end <= source.start || mention.type !== 'actor') continue;
    if (!chosen || mention.kind === 'person' || chosen.kind !== 'person') chosen = mention;
  }
  if (chosen) return chosen.entity;
  const phrase = text.slice(source.start, source.end).trim();
  const lower = phrase.toLowerCase();
  if (firstPerson.has(lower)) return null;
  if (personPronouns.has(lower)) return lastBefore(mentions, source.start, (m) => m.kind === 'person');
  if (groupPronouns.has(lower))
    return lastBefore(mentions, source.start, (m) => m.type === 'actor' && m.kind !== 'person');
  const words = phrase.replace(determiners, '').split(/\s+/);
  const head = (words[words.length - 1] ?? '').replace(/[’']s$/, '');
  if (head.length < 3) return null;
  const headLower = head.toLowerCase();
  if (words.length === 1 && /^\p{Lu}/u.test(head)) {
    const found = lastEntityNamed(mentions, entities, source.start, headLower);
    if (found) return found;
  }
  const named = lastBefore(
    mentions,
    source.start,
    (m) => m.type === 'actor' && m.text.toLowerCase().split(/\s+/).includes(headLower),
  );
  if (named) return named;
  return besideEarlierUse(text, lowerText, source.start, headLower, mentions);
}

function lastBefore(mentions: readonly Mention[], offset: number, test: (m: Mention) => boolean): string | null {
  for (let k = lowerBound(mentions, offset) - 1; k >= 0; k--) {
    const mention = mentions[k] as Mention;
    if (test(mention)) return mention.entity;
  }
  return null;
}

function lastEntityNamed(
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, DocumentEntity>,
  offset: number,
  word: string,
): string | null {
  const endsWith = (name: string) => {
    const lower = name.toLowerCase();
    return lower === word || lower.endsWith(` ${word}`);
  };
  return lastBefore(mentions, offset, (m) => {
    if (m.type !== 'actor') return false;
    const entity = entities.get(m.entity);
    return endsWith(m.text) || (entity !== undefined && (endsWith(entity.name) || entity.aliases.some(endsWith)));
  });
}

/** The actor named within a few characters of an earlier use of `head` ("spokesman Jane Roe"). */
function besideEarlierUse(
  text: string,
  lowerText: string,
  before: number,
  head: string,
  mentions: readonly Mention[],
): string | null {
  for (
    let at = lowerText.lastIndexOf(head, before - head.length - 1);
    at >= 0;
    at = at > 0 ? lowerText.lastIndexOf(head, at - 1) : -1
  ) {
    const end = at + head.length;
    for (let k = lowerBound(mentions, at - 40); k < mentions.length; k++) {
      const mention = mentions[k] as Mention;
      if (mention.start > end + 4) break;
      if (mention.type !== 'actor' || mention.kind !== 'person') continue;
      const gapAfter = mention.start - end;
      const gapBefore = at - mention.end;
      if (
        (gapAfter >= 0 && gapAfter <= 2) ||
        (gapBefore >= 0 && gapBefore <= 8 && /^[,\s]*(?:the|a|an)?\s*$/i.test(text.slice(mention.end, at)))
      ) {
        return mention.entity;
      }
    }
  }
  return null;
}

function lowerBound(mentions: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Mention).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
