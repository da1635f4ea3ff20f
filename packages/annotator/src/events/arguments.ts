import type { EventArguments, FoundTime, Mention, Span } from '@claimlens/core';
import type { Token } from '../text/tokenize.js';
import { wordSet } from '../words.js';
import type { Found } from './time.js';
import { functionWords, type Trigger } from './triggers.js';

/** One sentence with what earlier stages found in it. */
export interface SentenceContext {
  text: string;
  tokens: readonly Token[];
  /** Entity mentions inside the sentence, in order. */
  mentions: readonly Mention[];
  /** Indices of the tokens that are event triggers. */
  triggerIndices: ReadonlySet<number>;
  /** Whether each token is a verb. */
  verbs: readonly boolean[];
  /** Time expressions in the sentence (`findTimes` over its tokens). */
  times: readonly FoundTime[];
  /** Counted things in the sentence (`findQuantities` over its tokens). */
  quantities: readonly Found[];
}

const beForms = wordSet('beForms');
const skipBeforeVerb = wordSet('skipBeforeVerb');
const determiners = wordSet('determiners');
const originWords = new Set(['from']);
const destinationWords = new Set(['into', 'onto', 'to', 'toward', 'towards']);
const placeWords = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'on']);
const directed = new Set(['movement', 'attack', 'seizure', 'capture']);
/** A country's border or land, which a movement that crosses or enters it goes into ("the Russian border"). */
const boundary = /^(?:the\s+)?\p{Lu}[\p{L}-]+\s+(?:border|territory|soil|airspace|waters|frontier)$/u;
const window = 10;

/** The arguments of one trigger: agent, patient, origin, destination, place, time, quantity. */
export function findArguments(context: SentenceContext, trigger: Trigger): EventArguments {
  const { tokens } = context;
  const args: EventArguments = {};
  const i = trigger.index;
  /** The first token after the trigger ("opened fire | on the crowd"). */
  const after = i + trigger.length;
  const set = (role: 'agent' | 'patient' | 'place', phrase: Phrase | undefined) => {
    if (!phrase) return;
    args[role] = phrase.span;
    if (phrase.entity) args[`${role}Entity`] = phrase.entity;
  };
  if (trigger.verbal) {
    const passive =
      beForms.has(tokens[i - 1]?.text.toLowerCase() ?? '') && /(?:ed|en|wn|t)$/.test(tokens[i]?.text ?? '');
    const subject = subjectBefore(context, i);
    if (passive) {
      set('patient', subject);
      const by = findWord(context, after, ['by']);
      if (by !== undefined) set('agent', phraseAt(context, by + 1));
    } else {
      set('agent', subject);
      const next = tokens[after];
      if ((next && !functionWords.has(next.text.toLowerCase())) || determiners.has(next?.text.toLowerCase() ?? '')) {
        set('patient', phraseAt(context, after));
      }
    }
  } else {
    const before = tokens[i - 1];
    if (before && (before.text === "'s" || before.text === '’s')) set('agent', phraseBefore(context, i - 1));
    else {
      const modifier = context.mentions.find((m) => m.end <= (tokens[i]?.start ?? 0) && m.end >= (before?.start ?? 0));
      // "the Geneva talks" happen in Geneva; "the Russian incursion" is Russia's
      const local = modifier?.type === 'place' && modifier.kind !== 'country';
      if (modifier)
        set(local ? 'place' : 'agent', { span: spanOf(modifier), entity: modifier.entity, type: modifier.type });
    }
    const of = tokens[after]?.text.toLowerCase() === 'of' ? after : undefined;
    if (of !== undefined) set('patient', phraseAt(context, of + 1));
    const by = findWord(context, after, ['by']);
    if (by !== undefined && !args.agent) set('agent', phraseAt(context, by + 1));
  }
  for (let j = after; j < Math.min(tokens.length, i + window); j++) {
    if (context.triggerIndices.has(j) && context.verbs[j]) break;
    const word = tokens[j]?.text.toLowerCase() ?? '';
    const phrase =
      originWords.has(word) || destinationWords.has(word) || placeWords.has(word)
        ? ((placeWords.has(word) ? undefined : placeAfterModifiers(context, j + 1)) ?? phraseAt(context, j + 1))
        : undefined;
    if (!phrase) continue;
    const isPlace = phrase.type === 'place' || (phrase.type === undefined && /^\p{Lu}/u.test(phrase.span.text));
    if (originWords.has(word) && !args.origin && (isPlace || directed.has(trigger.type))) args.origin = phrase.span;
    else if (
      destinationWords.has(word) &&
      !args.destination &&
      isPlace &&
      (word !== 'to' || directed.has(trigger.type))
    ) {
      args.destination = phrase.span;
    } else if (placeWords.has(word) && !args.place && phrase.type === 'place') {
      set('place', phrase);
    } else if (placeWords.has(word) && !args.place && isPlace && word !== 'on' && !/^\d/.test(phrase.span.text)) {
      set('place', phrase);
    }
  }
  // "entered Russia", "crossed the Russian border": where a movement goes when the text gives no "into"
  if (trigger.type === 'movement' && !args.destination && args.patient) {
    const place =
      args.patientEntity !== undefined &&
      context.mentions.some((m) => m.entity === args.patientEntity && m.type === 'place');
    if (place || boundary.test(args.patient.text)) args.destination = args.patient;
  }
  const time = nearest(
    context.times.filter((t) => ownerOf(context, t) === i),
    tokens[i],
  );
  if (time) args.time = spanOf(time, context.text);
  const { quantities } = context;
  const inPatient = args.patient
    ? quantities.find((q) => q.start >= (args.patient?.start ?? 0) - 16 && q.end <= (args.patient?.end ?? 0) + 24)
    : undefined;
  const quantity = inPatient ?? nearest(quantities, tokens[i], 60);
  if (quantity) args.quantity = spanOf(quantity, context.text);
  return args;
}

interface Phrase {
  span: Span;
  entity?: string;
  type?: Mention['type'];
}

/** The noun phrase that starts at token `j` (determiners skipped), or the entity mention there. */
function phraseAt(context: SentenceContext, j: number): Phrase | undefined {
  const { tokens } = context;
  while (j < tokens.length && determiners.has(tokens[j]?.text.toLowerCase() ?? '')) j++;
  const first = tokens[j];
  if (!first) return undefined;
  const mention = context.mentions.find((m) => m.start <= first.start && first.start < m.end);
  if (mention) return { span: spanOf(mention), entity: mention.entity, type: mention.type };
  let last = j;
  while (last < tokens.length && isNominal(context, last)) last++;
  if (last === j) return undefined;
  // "300 soldiers of the army": keep "of" + one more phrase
  const end = tokens[last - 1] as Token;
  return { span: { start: first.start, end: end.end, text: context.text.slice(first.start, end.end) } };
}

/** A place name after lower-case modifiers, where a movement goes or comes from ("into eastern Ukraine"). */
function placeAfterModifiers(context: SentenceContext, j: number): Phrase | undefined {
  const { tokens } = context;
  for (let k = j; k < Math.min(tokens.length, j + 5); k++) {
    const token = tokens[k] as Token;
    const mention = context.mentions.find((m) => m.start === token.start);
    if (mention)
      return k > j && mention.type === 'place'
        ? { span: spanOf(mention), entity: mention.entity, type: 'place' }
        : undefined;
    if (!/^\p{Ll}+$/u.test(token.text) || context.verbs[k]) return undefined;
  }
  return undefined;
}

/**
 * The subject before a verb at token `i`: the phrase just before it, or, when that phrase is a time
 * ("separatists on April 16 broke into"), the phrase before the time and its preposition.
 */
function subjectBefore(context: SentenceContext, i: number): Phrase | undefined {
  const phrase = phraseBefore(context, i);
  const time = phrase && context.times.find((t) => t.start < phrase.span.end && phrase.span.start < t.end);
  if (!time) return phrase;
  let k = context.tokens.findIndex((t) => t.start >= time.start);
  if (timePrepositions.has(context.tokens[k - 1]?.text.toLowerCase() ?? '')) k--;
  return k > 0 ? phraseBefore(context, k) : undefined;
}

const timePrepositions = new Set(['on', 'in', 'at', 'by', 'since', 'until', 'during']);

/** The noun phrase or entity mention that ends just before token `i` (auxiliaries and adverbs skipped). */
function phraseBefore(context: SentenceContext, i: number): Phrase | undefined {
  const { tokens } = context;
  let j = i - 1;
  while (j >= 0 && (skipBeforeVerb.has(tokens[j]?.text.toLowerCase() ?? '') || /ly$/.test(tokens[j]?.text ?? ''))) j--;
  const last = tokens[j];
  if (!last) return undefined;
  const mention = context.mentions.find((m) => m.start < last.end && last.end <= m.end);
  if (mention) return { span: spanOf(mention), entity: mention.entity, type: mention.type };
  if (/^(?:he|she|they|we|it|i|you)$/i.test(last.text)) return { span: spanOf(last) };
  let first = j;
  while (first >= 0 && isNominal(context, first)) first--;
  if (first === j) return undefined;
  const start = tokens[first + 1] as Token;
  return { span: { start: start.start, end: last.end, text: context.text.slice(start.start, last.end) } };
}

function isNominal(context: SentenceContext, j: number): boolean {
  const token = context.tokens[j];
  if (!token || context.verbs[j]) return false;
  if (token.pos) return /^(?:NN|JJ|CD|PRP\$?)$|^NNP?S?$/.test(token.pos);
  const lower = token.text.toLowerCase();
  return /^[\p{L}\p{N}][\p{L}\p{N}.,'-]*$/u.test(token.text) && !functionWords.has(lower);
}

function findWord(context: SentenceContext, from: number, words: string[]): number | undefined {
  for (let j = from; j < Math.min(context.tokens.length, from + window); j++) {
    const word = context.tokens[j]?.text.toLowerCase() ?? '';
    if (words.includes(word)) return j;
    if (word === ';' || (context.triggerIndices.has(j) && context.verbs[j])) return undefined;
  }
  return undefined;
}

/**
 * The trigger a time expression belongs to: the nearest one before it ("troops crossed the border on Friday,
 * officials said"; "said on Friday that troops crossed"), else the nearest one after it ("On Friday, troops crossed").
 */
function ownerOf(context: SentenceContext, found: Found): number | undefined {
  let before: number | undefined;
  let after: number | undefined;
  for (const j of context.triggerIndices) {
    const token = context.tokens[j];
    if (!token) continue;
    if (token.start < found.start) {
      if (before === undefined || token.start > (context.tokens[before]?.start ?? 0)) before = j;
    } else if (after === undefined || token.start < (context.tokens[after]?.start ?? 0)) after = j;
  }
  return before ?? after;
}

function distanceTo(found: Found, token: Token): number {
  return found.start >= token.end
    ? found.start - token.end
    : found.end <= token.start
      ? (token.start - found.end) * 1.5
      : 0;
}

function nearest(
  found: readonly Found[],
  token: Token | undefined,
  limit = Number.POSITIVE_INFINITY,
): Found | undefined {
  if (!token) return undefined;
  let best: Found | undefined;
  let bestDistance = limit;
  for (const f of found) {
    const distance = distanceTo(f, token);
    if (distance <= bestDistance) {
      best = f;
      bestDistance = distance;
    }
  }
  return best;
}

function spanOf(part: { start: number; end: number; text?: string }, text?: string): Span {
  return { start: part.start, end: part.end, text: part.text ?? text?.slice(part.start, part.end) ?? '' };
}
