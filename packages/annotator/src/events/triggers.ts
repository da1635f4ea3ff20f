import { lemmatize, verbStem } from '../text/lemma.js';
import type { Token } from '../text/tokenize.js';
import { wordSet } from '../words.js';
import type { EventLexicon } from './event-lexicon.js';

/** A token judged to name a happening. */
export interface Trigger {
  index: number;
  lemma: string;
  type: string;
  /** Whether the trigger is a verb (else a noun or adjective such as "dead"). */
  verbal: boolean;
  /** Tokens the trigger spans: 2 for a two-word verb ("opened fire", "broke out"), else 1. */
  length: number;
}

export interface TriggerSettings {
  lexicon: EventLexicon;
  /** Least share of annotated occurrences for a lexicon word to count as an event on its own. */
  minProbability: number;
}

/** Words of closed classes: never triggers, and where noun phrases stop. */
export const functionWords = wordSet('functionWords');

/** Verbs that carry tense or mood rather than a happening. */
export const auxiliaries = wordSet('auxiliaries');

const premodifiers = wordSet('premodifiers');
const subjects = wordSet('subjectPronouns');
const modals = new Set("to will would shall should can could may might must did does do n't not never".split(' '));
const nominalSuffix = /(?:[^aeiou]tion|sion|ment|ings|ssal|[^i]val|usal|awal|rial)$/;

/** Whether a token is a verb: by its tag when tagged, else by suffix and context. */
export function isVerb(tokens: readonly Token[], i: number, lexicon: EventLexicon): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (token.pos) return token.pos.startsWith('VB');
  const lower = token.text.toLowerCase();
  if (functionWords.has(lower) || !/^[a-z][a-z-]*$/i.test(lower)) return false;
  if (auxiliaries.has(lower)) return true;
  if (/^\p{Lu}/u.test(token.text) && i > 0 && !/^["“'‘(]$/.test(tokens[i - 1]?.text ?? '')) return false;
  if (/[^e]ed$/.test(lower) && lower.length > 4) return true;
  if (/ing$/.test(lower) && lower.length > 5) return !functionWords.has(tokens[i - 1]?.text.toLowerCase() ?? '');
  const irregular = lexicon.exceptions[lower];
  if (irregular !== undefined && !lower.endsWith('s')) return true;
  const before = tokens[i - 1]?.text.toLowerCase() ?? '';
  return modals.has(before) || (subjects.has(before) && lower.endsWith('s'));
}

/**
 * The lemma used to group event mentions: deverbal nouns give their verb ("shooting" → "shoot",
 * "announcement" → "announce", "death" → "die") when the verb is a known event word.
 */
export function eventLemma(token: Token, lexicon: EventLexicon): string {
  let cache = lemmaCaches.get(lexicon);
  if (!cache) {
    cache = new Map();
    lemmaCaches.set(lexicon, cache);
  }
  const key = token.lemma === undefined ? `${token.pos ?? ''} ${token.text}` : `=${token.lemma}`;
  let lemma = cache.get(key);
  if (lemma === undefined) {
    lemma = uncachedEventLemma(token, lexicon);
    cache.set(key, lemma);
  }
  return lemma;
}

/** Event lemmas already worked out, per lexicon: by `pos text` of the token, or `=lemma` when it has one. */
const lemmaCaches = new WeakMap<EventLexicon, Map<string, string>>();

function uncachedEventLemma(token: Token, lexicon: EventLexicon): string {
  const lemma = token.lemma ?? lemmatize(token.text, { pos: token.pos, exceptions: lexicon.exceptions });
  const derived = lexicon.derivations?.get(lemma);
  if (derived !== undefined) return derived;
  if (lexicon.nonEvents.has(lemma)) return lemma;
  const known = (word: string) => lexicon.lemmas[word] !== undefined || lexicon.types[word] !== undefined;
  for (const [suffix, replacements] of deverbal) {
    if (!lemma.endsWith(suffix) || lemma.length < suffix.length + 3) continue;
    const stem = lemma.slice(0, -suffix.length);
    for (const r of replacements) {
      const verb = r === '*' ? (lexicon.exceptions[lemma] ?? verbStem(lemma)) : stem + r;
      if (verb !== lemma && known(verb) && !(lexicon.lemmas[lemma] && !known(lemma))) return verb;
    }
  }
  return lemma;
}

/** Noun suffixes and what replaces them to give the verb ("nomination" → "nominate"). */
const deverbal: [string, string[]][] = [
  ['ing', ['*']],
  ['ation', ['ate', '', 'e']],
  ['ition', ['ite', 'ish']],
  ['ution', ['ute', 've']],
  ['ssion', ['t', 'ss']],
  ['sion', ['de', 'se']],
  ['tion', ['te', 't', 'e']],
  ['ment', ['']],
  ['ance', ['', 'e']],
  ['ence', ['', 'e']],
  ['ure', ['', 'e']],
  ['al', ['', 'e']],
  ['ery', ['']],
];

/** Find the event triggers of one sentence. */
export function findTriggers(tokens: readonly Token[], settings: TriggerSettings): Trigger[] {
  const { lexicon, minProbability } = settings;
  const triggers: Trigger[] = [];
  const headline = isHeadline(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const lower = token.text.toLowerCase();
    if (!/^\p{L}[\p{L}-]*$/u.test(token.text) || functionWords.has(lower) || lower.length < 3) continue;
    // taggers read capitalised headline words as names: there, judge the word by its lower-case form
    const plain: Token = headline ? { start: token.start, end: token.end, text: lower } : token;
    const lemma = eventLemma(plain, lexicon);
    const pair = `${lemma} ${tokens[i + 1]?.text.toLowerCase()}`;
    const verbal = headline ? /(?:[^e]ed|[^s]s)$/.test(lower) && lemma !== lower : isVerb(tokens, i, lexicon);
    // a particle or object ("broke down", "opened fire"), not a preposition before its noun ("wrote on Twitter")
    const second = tokens[i + 1]?.pos;
    const twoWords = verbal && lexicon.verbPhrases?.has(pair) === true && second !== 'IN';
    if (auxiliaries.has(lower) || auxiliaries.has(lemma)) continue;
    const stats = lexicon.lemmas[lemma];
    const type = lexicon.types[lemma];
    const known = (stats !== undefined && stats.p >= minProbability && stats.n >= 2) || type !== undefined;
    const capital = /^\p{Lu}/u.test(token.text) && i > 0 && !/^["“'‘(]$/.test(tokens[i - 1]?.text ?? '');
    const proper = !headline && (token.pos ? token.pos.startsWith('NNP') : capital);
    const tagged = token.pos !== undefined && !headline;
    if (tagged && !/^(?:VB|NN|JJ)/.test(token.pos ?? '')) continue;
    const word = plain.text.toLowerCase();
    if (!known && (lexicon.nonEvents.has(lemma) || lexicon.nonEvents.has(word))) continue;
    // "two armored vehicles": a participle between a determiner or number and a noun describes, it does not happen
    const before = tokens[i - 1]?.text.toLowerCase() ?? '';
    const after = tokens[i + 1];
    const attributive =
      /(?:ed|ing)$/.test(lower) &&
      (premodifiers.has(before) ||
        /^\d/.test(before) ||
        /^\p{Lu}\p{Ll}+(?:an|ese|ish|i)$/u.test(tokens[i - 1]?.text ?? '')) &&
      after !== undefined &&
      /^\p{L}/u.test(after.text) &&
      !functionWords.has(after.text.toLowerCase());
    if (attributive && !known) continue;
    if (namesCollective(tokens, i, verbal, lexicon.collectives)) continue;
    let hit = false;
    if (known && (!proper || (stats?.p ?? 0) >= 0.8)) hit = true;
    else if (verbal && !proper && !(stats && stats.p < 0.1)) hit = true;
    else if (!proper && nominalSuffix.test(lower) && (!tagged || token.pos?.startsWith('NN'))) hit = true;
    else if (!proper && !verbal && !(stats && stats.p < 0.1) && namesHappening(plain, lexicon)) hit = true;
    if (!hit) continue;
    triggers.push({ index: i, lemma, type: type ?? 'occurrence', verbal, length: twoWords ? 2 : 1 });
    if (twoWords) i++;
  }
  return triggers;
}

/** Whether a noun names a happening in general English (`lexicon.eventNouns`: "quake", "incursion"). */
function namesHappening(token: Token, lexicon: EventLexicon): boolean {
  if (!lexicon.eventNouns || (token.pos !== undefined && !token.pos.startsWith('NN'))) return false;
  const noun = token.lemma ?? lemmatize(token.text, { pos: token.pos ?? 'NNS', exceptions: lexicon.exceptions });
  return lexicon.eventNouns.has(noun);
}

/**
 * Whether a token names who acts rather than what happened: a collective noun ("forces", "troops"), or a
 * noun before one ("security forces", "government troops", "border guards").
 */
function namesCollective(
  tokens: readonly Token[],
  i: number,
  verbal: boolean,
  collectives: ReadonlySet<string> | undefined,
): boolean {
  if (!collectives || verbal) return false;
  const word = (k: number) => tokens[k]?.text.toLowerCase() ?? '';
  if (collectives.has(word(i)) || collectives.has(`${word(i - 1)} ${word(i)}`)) return true;
  return collectives.has(word(i + 1)) || collectives.has(`${word(i)} ${word(i + 1)}`);
}

/** Whether a known event word: annotated often enough, or typed in the lexicon. */
export function isEventWord(lemma: string, lexicon: EventLexicon, minProbability: number): boolean {
  const stats = lexicon.lemmas[lemma];
  return (stats !== undefined && stats.p >= minProbability && stats.n >= 2) || lexicon.types[lemma] !== undefined;
}

/** A headline or title: most words capitalised, or all in capitals. */
export function isHeadline(tokens: readonly Token[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const token of tokens) {
    if (!/^\p{L}{4,}/u.test(token.text)) continue;
    words++;
    if (/^\p{Lu}/u.test(token.text)) capitals++;
  }
  return words >= 2 && capitals / words >= 0.6;
}
