import type { Mention } from '@claimlens/core';
import { distance } from 'fastest-levenshtein';
import { shouted } from '../entities/lines.js';
import { SpanSet } from '../entities/spans.js';
import type { SentenceTokens } from '../text/sentences.js';
import type { Token } from '../text/tokenize.js';
import { wordSet } from '../words.js';
import { type GazetteerEntry, placeKey } from './gazetteer.js';
import type { PlaceKnowledge } from './knowledge.js';
import { candidates, parsePlaceName } from './link.js';

export interface DiscoverOptions {
  /** Smallest population of a gazetteer place taken after "in/near/from X" without a tagger's say-so. */
  minPopulation: number;
  /** Countries the article names: a smaller place after "in" must lie in one, unless it is a capital or a large city. */
  countries: ReadonlySet<string>;
}

/**
 * Place mentions the tagger missed, where the text gives strong evidence: "the village of X", "X region",
 * and "in/near/from X" when X is a gazetteer country or region, or a place with at least `minPopulation`.
 * Also widens tagged "X" to "X region" when the region noun follows. Returns the new mention list, sorted.
 */
export function discoverPlaces(
  text: string,
  sentences: readonly SentenceTokens[],
  mentions: readonly Mention[],
  knowledge: PlaceKnowledge,
  options: DiscoverOptions,
): Mention[] {
  const { cues, gazetteer, demonyms } = knowledge;
  const out = [...mentions];
  const settlementNouns = new Set(cues.settlementNouns);
  const regionNouns = new Set(cues.regionNouns);
  const prepositions = new Set(cues.placePrepositions);
  const notPlaces = new Set(cues.notPlaces);
  // Words the text writes in lower case somewhere ("in Sunny weather" is no place where "sunny" is a word).
  let lower: Set<string> | undefined;
  const lowerWords = (): Set<string> => {
    if (!lower) {
      lower = new Set();
      for (const sentence of sentences) for (const t of sentence.tokens) if (/^\p{Ll}/u.test(t.text)) lower.add(t.text);
    }
    return lower;
  };

  const taken = new SpanSet(out);
  const covered = (start: number, end: number) => taken.overlaps(start, end);
  // Tagged places by span, to widen "X" to "X region".
  const placeAt = new Map<number, number>();
  out.forEach((m, i) => {
    if (m.type === 'place') placeAt.set(m.start, i);
  });
  const add = (start: number, end: number, kind: Mention['kind']) => {
    out.push({ start, end, text: text.slice(start, end), type: 'place', kind, entity: '' });
    taken.add({ start, end });
  };
  for (const sentence of sentences) {
    if (shouting(text, sentence)) continue;
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const word = token.text.toLowerCase();
      // "the village of X"
      if (settlementNouns.has(word) && tokens[i + 1]?.text === 'of') {
        const run = capitalRun(tokens, i + 2, notPlaces);
        if (run && !covered(run.start, run.end) && !demonyms.has(run.text)) add(run.start, run.end, 'settlement');
        continue;
      }
      // "X region", "X Oblast"
      if (i > 0 && regionNouns.has(word)) {
        let run = capitalRunBack(tokens, i - 1, notPlaces);
        // "the Russian Rostov region": a demonym before the name is no part of it.
        while (run && run.words.length > 1 && demonyms.has(run.words[0] as string))
          run = runOf(tokens, run.last - run.words.length + 2, run.last);
        if (
          !run ||
          demonyms.has(run.text) ||
          /^(north|south|east|west|central|southern|northern|eastern|western)/i.test(run.text)
        )
          continue;
        const end = token.end;
        const at = placeAt.get(run.start);
        const tagged = at !== undefined && out[at]?.end === run.end ? at : -1;
        // "Ohio State" is a university or a team; "Ohio state" the state.
        if (token.text === 'State') continue;
        const known = candidates(
          parsePlaceName(`${run.text} ${token.text}`, cues.regionNouns),
          `${run.text} ${token.text}`,
          gazetteer,
        ).filter((e) => options.countries.has(e.country));
        if (tagged !== -1) {
          out.splice(tagged, 1, { ...(out[tagged] as Mention), end, text: text.slice(run.start, end), kind: 'region' });
          taken.add({ start: run.end, end });
        } else if (!covered(run.start, end) && (known.length > 0 || /^(region|oblast|province|krai|kray)$/.test(word)))
          add(run.start, end, 'region');
        continue;
      }
      // "in X", "near X", "from X"
      if (prepositions.has(word) && word === token.text) {
        const run = capitalRun(tokens, i + 1, notPlaces);
        if (!run || covered(run.start, run.end) || demonyms.has(run.text)) continue;
        const next = tokens[run.last + 1];
        if (next && (regionNouns.has(next.text.toLowerCase()) || /^\p{Lu}/u.test(next.text))) continue;
        if (run.words.some((w) => lowerWords().has(w.toLowerCase()))) continue;
        // Only a place's own name, or a transliteration one letter from it ("Slovyansk"), counts here: alternate
        // names include old and foreign words ("Luck", "Motown").
        const key = placeKey(run.text);
        const found = gazetteer
          .lookup(run.text)
          .filter(
            (e) =>
              e.kind === 'country' ||
              placeKey(e.name) === key ||
              (key.length >= 6 && distance(placeKey(e.name), key) <= Math.max(1, Math.floor(key.length / 5))),
          );
        const inContext = (e: GazetteerEntry) => options.countries.has(e.country);
        const strong = found.some((e) =>
          e.kind === 'country'
            ? true
            : e.kind === 'region'
              ? inContext(e) || e.population >= 500_000
              : e.population >= options.minPopulation &&
                (inContext(e) || e.population >= 100_000 || e.feature === 'PPLC' || e.feature === 'PPLA'),
        );
        if (strong) add(run.start, run.end, 'location');
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a sentence is written in capitals (a headline or a shouted line), where case says nothing. */
export function shouting(text: string, sentence: { start: number; end: number }): boolean {
  return shouted(text, sentence.start, sentence.end);
}

interface Run {
  start: number;
  end: number;
  text: string;
  words: string[];
  last: number;
}

/** One to three capitalised words from `from` on (not sentence-initial by construction of the callers). */
function capitalRun(tokens: readonly Token[], from: number, stop: ReadonlySet<string>): Run | undefined {
  let last = from - 1;
  while (last + 1 < tokens.length && last + 1 - from < 3 && isName(tokens[last + 1] as Token, stop)) last++;
  if (last < from) return undefined;
  return runOf(tokens, from, last);
}

function capitalRunBack(tokens: readonly Token[], to: number, stop: ReadonlySet<string>): Run | undefined {
  let first = to + 1;
  while (first - 1 >= 0 && to - (first - 1) < 3 && isName(tokens[first - 1] as Token, stop)) first--;
  if (first > to) return undefined;
  return runOf(tokens, first, to);
}

function runOf(tokens: readonly Token[], first: number, last: number): Run {
  const a = tokens[first] as Token;
  const b = tokens[last] as Token;
  const words = tokens.slice(first, last + 1).map((t) => t.text);
  return { start: a.start, end: b.end, text: words.join(' '), words, last };
}

/** Capitalised words that start a sentence and never a place name. */
const sentenceStartWords = wordSet('sentenceStartWords');

function isName(token: Token, stop: ReadonlySet<string>): boolean {
  return /^\p{Lu}[\p{Ll}\p{M}'’-]/u.test(token.text) && !stop.has(token.text) && !sentenceStartWords.has(token.text);
}
