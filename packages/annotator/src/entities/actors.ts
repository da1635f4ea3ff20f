import type { Mention } from '@claimlens/core';
import type { PlaceKnowledge } from '../places/knowledge.js';
import type { SentenceTokens } from '../text/sentences.js';
import type { Token } from '../text/tokenize.js';
import { SpanSet } from './spans.js';

/** A group actor found in the text: "Ukrainian troops" (tied to a country), "pro-Russian separatists", "the rebels". */
export interface GroupMention {
  start: number;
  end: number;
  /** Name of the group as the entity is called: "Ukrainian troops", "rebels". */
  name: string;
  /** The country a demonym ties the group to (ISO code), or null. */
  country: string | null;
}

/**
 * Groups named by a demonym and a collective noun ("Russian border guards"), and bare collectives that act
 * ("the rebels said", "shelled by separatists"). Skips spans that overlap `mentions` and headline sentences.
 */
export function findGroups(
  text: string,
  sentences: readonly SentenceTokens[],
  mentions: readonly Mention[],
  knowledge: PlaceKnowledge,
  skip: (sentence: SentenceTokens) => boolean,
): GroupMention[] {
  const out: GroupMention[] = [];
  const taken = new SpanSet(mentions);
  const covered = (start: number, end: number) => taken.overlaps(start, end);
  for (const sentence of sentences) {
    if (skip(sentence)) continue;
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const parts = /^(?:([Pp]ro|[Aa]nti)-)?(\p{Lu}[\p{L}-]*)$/u.exec(token.text);
      const demonym = parts?.[2] ? knowledge.demonyms.get(parts[2]) : undefined;
      if (demonym) {
        const noun = collectiveAt(tokens, i + 1, knowledge) ?? collectiveAfterModifier(tokens, i + 1, knowledge);
        if (!noun) continue;
        const end = (tokens[noun.last] as Token).end;
        if (covered(token.start, end)) continue;
        taken.add({ start: token.start, end });
        out.push({
          start: token.start,
          end,
          name: text.slice(token.start, end).replace(/\s+/g, ' '),
          country: parts?.[1] ? null : demonym.country,
        });
        i = noun.last;
        continue;
      }
      const noun = collectiveAt(tokens, i, knowledge, i === 0);
      if (!noun) continue;
      const previous = tokens[i - 1];
      if (previous && /^\p{Lu}/u.test(previous.text) && previous.text !== 'The') continue;
      const next = tokens[noun.last + 1];
      const before = tokens
        .slice(Math.max(0, i - 3), i)
        .map((t) => t.text.toLowerCase())
        .join(' ');
      const acts =
        (next !== undefined &&
          /^\p{Ll}/u.test(next.text) &&
          (knowledge.subjectVerbs.has(next.text) || /[a-z]ed$/.test(next.text))) ||
        /(?:^|\s)by(?: the)?$/.test(before) ||
        /according to(?: the)?$/.test(before);
      const end = (tokens[noun.last] as Token).end;
      if (!acts || covered(token.start, end)) {
        i = noun.last;
        continue;
      }
      taken.add({ start: token.start, end });
      out.push({ start: token.start, end, name: noun.phrase, country: null });
      i = noun.last;
    }
  }
  return out;
}

interface Collective {
  last: number;
  phrase: string;
}

function collectiveAt(
  tokens: readonly Token[],
  i: number,
  knowledge: PlaceKnowledge,
  initial = false,
): Collective | undefined {
  const a = tokens[i];
  if (!a) return undefined;
  const first = initial ? a.text.toLowerCase() : a.text;
  const b = tokens[i + 1];
  if (b && secondWords(knowledge.collectives).has(b.text)) {
    const two = `${first} ${b.text}`;
    if (knowledge.collectives.has(two)) return { last: i + 1, phrase: two };
  }
  return knowledge.collectives.has(first) ? { last: i, phrase: first } : undefined;
}

const seconds = new WeakMap<ReadonlySet<string>, Set<string>>();

/** Last words of the two-word collectives ("guards" of "border guards"), to try a pair only where one may end. */
function secondWords(collectives: ReadonlySet<string>): Set<string> {
  let set = seconds.get(collectives);
  if (!set) {
    set = new Set([...collectives].filter((c) => c.includes(' ')).map((c) => c.slice(c.lastIndexOf(' ') + 1)));
    seconds.set(collectives, set);
  }
  return set;
}

/** "Russian government forces": a lowercase modifier, then the collective noun. */
function collectiveAfterModifier(
  tokens: readonly Token[],
  i: number,
  knowledge: PlaceKnowledge,
): Collective | undefined {
  const modifier = tokens[i];
  if (!modifier || !/^\p{Ll}[\p{Ll}-]+$/u.test(modifier.text) || knowledge.subjectVerbs.has(modifier.text))
    return undefined;
  return collectiveAt(tokens, i + 1, knowledge);
}

/** Where a place mention sits in its sentence, to read the words around it. */
export interface Located {
  tokens: readonly Token[];
  /** Index of the first and last token of the mention. */
  first: number;
  last: number;
}

/** Prepositions after which a place is no subject ("the border with X", "officials in X said"); "by X" may act. */
export const placePrepositions =
  /^(?:with|for|of|in|into|to|from|against|on|at|near|across|toward|towards|inside|over|through|throughout|around)$/i;

/**
 * Whether a place mention is used as an actor: subject of a reporting verb ("Moscow denied", "Kiev has
 * repeatedly said", "Kyiv is in talks", "Kiev and its allies accused"), object of one ("accused Kiev"), owner
 * of what a government says or does ("Kiev's allegations"), party to talks ("negotiations with Moscow") or
 * agent ("annexed by Moscow", "actions by Russia") or addressee ("a protest to Kiev").
 */
export function actsAsGovernment(where: Located, knowledge: PlaceKnowledge): boolean {
  const { tokens, first, last } = where;
  const at = (i: number) => tokens[i]?.text ?? '';
  const previous = at(first - 1);
  const subject = !placePrepositions.test(previous);
  if (subject && subjectOf(tokens, last + 1, knowledge)) return true;
  // "Kiev and its Western allies have accused".
  if (subject && at(last + 1) === 'and' && (at(last + 2) === 'its' || at(last + 2) === 'their')) {
    for (let i = last + 3; i < Math.min(tokens.length, last + 8); i++) {
      if (/^[,.;:]$/.test(at(i))) break;
      if (subjectOf(tokens, i, knowledge)) return true;
    }
  }
  // "Kiev's allegations".
  if (/^['’]s$/.test(at(last + 1)) && knowledge.actorNouns.has(at(last + 2))) return true;
  if (knowledge.objectVerbs.has(previous) || knowledge.objectVerbs.has(`${at(first - 2)} ${previous}`)) return true;
  // "was annexed by Moscow", "military actions by Russia": the agent.
  if (previous === 'by' && !/^['’]s$/.test(at(last + 1))) {
    const before = tokens[first - 2];
    if (before && (before.pos === 'VBN' || /^\p{Ll}+ed$/u.test(before.text) || knowledge.actorNouns.has(before.text)))
      return true;
  }
  // "a note of protest to Kiev", "an offer to Ukraine": the addressee.
  if (previous === 'to' && knowledge.actorNouns.has(at(first - 2).toLowerCase())) return true;
  // "talks with Moscow", "negotiations were now underway with Moscow".
  if (previous === 'with') {
    for (let i = first - 2; i >= Math.max(0, first - 6); i--) {
      if (/^[,.;:]$/.test(at(i))) break;
      if (knowledge.actorNouns.has(at(i).toLowerCase())) return true;
    }
  }
  return false;
}

/** Whether the words from `i` on are a reporting verb, perhaps after an adverb, or "is in talks". */
function subjectOf(tokens: readonly Token[], i: number, knowledge: PlaceKnowledge): boolean {
  const next = tokens[i]?.text ?? '';
  if (knowledge.subjectVerbs.has(next)) return true;
  // "Russia repeatedly denied"; "Russia has repeatedly denied" is a verb already ("has").
  if (/^\p{Ll}+ly$/u.test(next) && knowledge.subjectVerbs.has(tokens[i + 1]?.text ?? '')) return true;
  // "Kyiv is in talks", "Moscow was in negotiations".
  return (
    /^(?:is|was|are|were)$/.test(next) &&
    tokens[i + 1]?.text === 'in' &&
    knowledge.actorNouns.has(tokens[i + 2]?.text ?? '')
  );
}
