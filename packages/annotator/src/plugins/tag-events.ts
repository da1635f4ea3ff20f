import { type Claim, type EventMention, findTimes, type Mention } from '@claimlens/core';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { findArguments } from '../events/arguments.js';
import { defaultEventLexicon, type EventLexicon, synsetsOf } from '../events/event-lexicon.js';
import { findQuantities } from '../events/time.js';
import { findTriggers, isEventWord, isHeadline, isVerb } from '../events/triggers.js';
import type { Token } from '../text/tokenize.js';
import '../types.js';

export interface Options {
  /** Event vocabulary, types and statistics. Default: the files in `data/events/` (see data/README.md). */
  lexicon?: EventLexicon;
  /**
   * Least share of its occurrences that annotators marked as an event for a lexicon word (noun or verb)
   * to count as a trigger by itself. Default: 0.5.
   */
  minProbability?: number;
  /**
   * Least coreference rate of an annotated lemma pair (`synonyms` in the lexicon) for the two lemmas to share
   * a synset; the hand-made synsets always apply. Default: 1.01, i.e. annotated pairs off: on ECB+ dev they
   * chained unrelated happenings together (attack ~ capture) and cost 0.02 CoNLL F1.
   */
  minSynonymRate?: number;
}

const emptyOptions: Options = {};

/**
 * Tag event mentions, verbal ("crossed", "seized") and nominal ("the incursion", "protests"), with a coarse
 * type, the lemma, arguments where the text gives them (agent, patient, origin, destination, place, time,
 * quantity; entity ids from `file.data.mentions`), and the claims whose content holds them.
 * Uses `token.pos` when a tagger set it, else suffix and context rules. Sets `file.data.events`.
 */
export default function tagEvents(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions;
  const minProbability = settings.minProbability ?? 0.5;
  const minSynonymRate = settings.minSynonymRate ?? 1.01;
  return (_tree: Root, file: VFile): void => {
    const lexicon = settings.lexicon ?? defaultEventLexicon();
    const synsets = synsetsOf(lexicon, minSynonymRate);
    const text = String(file.value);
    const mentions = [...(file.data.mentions ?? [])].sort((a, b) => a.start - b.start);
    const within = claimsContaining(file.data.claims ?? []);
    const events: EventMention[] = [];
    let cursor = 0;
    for (const sentence of file.data.sentences ?? []) {
      const tokens = sentence.tokens;
      const inSentence: Mention[] = [];
      while (cursor < mentions.length && (mentions[cursor] as Mention).end <= sentence.start) cursor++;
      for (let k = cursor; k < mentions.length && (mentions[k] as Mention).start < sentence.end; k++) {
        inSentence.push(mentions[k] as Mention);
      }
      // a trigger inside a name only when it is a known event word and not the name's first word
      // ("Tara Reid Checks Into Rehab" read as one name by a headline-blind tagger)
      const headline = isHeadline(tokens);
      const triggers = findTriggers(tokens, { lexicon, minProbability }).filter((t) => {
        const token = tokens[t.index] as Token;
        const name = inSentence.find((m) => m.start <= token.start && token.end <= m.end);
        return !name || (headline && name.start < token.start && isEventWord(t.lemma, lexicon, minProbability));
      });
      if (triggers.length === 0) continue;
      const context = {
        text,
        tokens,
        mentions: inSentence,
        triggerIndices: new Set(triggers.map((t) => t.index)),
        verbs: tokens.map((_, i) => isVerb(tokens, i, lexicon)),
        times: findTimes(text, tokens[0]?.start ?? 0, tokens.at(-1)?.end ?? 0),
        quantities: findQuantities(text, tokens[0]?.start ?? 0, tokens.at(-1)?.end ?? 0),
      };
      for (const trigger of triggers) {
        const token = tokens[trigger.index];
        const last = tokens[trigger.index + trigger.length - 1];
        if (!token || !last) continue;
        const args = findArguments(context, trigger);
        if (args.time) {
          const value = findTimes(text, args.time.start, args.time.end)[0]?.value;
          if (value) args.timeValue = value;
        }
        events.push({
          id: `v${events.length + 1}`,
          trigger: { start: token.start, end: last.end, text: text.slice(token.start, last.end) },
          type: trigger.type,
          lemma: trigger.lemma,
          ...(synsets.has(trigger.lemma) ? { synset: synsets.get(trigger.lemma) as string } : {}),
          ...(trigger.verbal ? { verbal: true } : {}),
          arguments: args,
          ...(isGeneric(trigger.lemma, lexicon) ? { generic: true } : {}),
          claims: within(token.start, last.end),
        });
      }
    }
    file.data.events = events;
  };
}

/**
 * The ids of the claims whose content holds a span, for spans asked in document order: a sweep over the
 * claims by start, so an article of thousands of claims costs about one pass, not claims × triggers.
 */
function claimsContaining(claims: readonly Claim[]): (start: number, end: number) => string[] {
  const order = new Map(claims.map((c, i) => [c, i]));
  const byStart = [...claims].sort((a, b) => a.content.start - b.content.start);
  let next = 0;
  let last = -1;
  let open: Claim[] = [];
  return (start, end) => {
    if (start < last) {
      next = 0;
      open = [];
    }
    last = start;
    while (next < byStart.length && (byStart[next] as Claim).content.start <= start)
      open.push(byStart[next++] as Claim);
    open = open.filter((c) => c.content.end > start);
    return open
      .filter((c) => end <= c.content.end)
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map((c) => c.id);
  };
}

/**
 * Whether a lemma names a happening too generally to group its mentions across articles by the word alone:
 * a word of `lexicon.generic`, unless annotated news shows it naming one happening across articles at least
 * half the time ("find" a body).
 */
function isGeneric(lemma: string, lexicon: EventLexicon): boolean {
  if (!lexicon.generic?.has(lemma)) return false;
  const coref = lexicon.lemmas[lemma]?.coref;
  return coref === undefined || coref < 0.5;
}
