import type { Mention } from '@claimlens/core';
import { containing, tokenIndex } from '../entities/spans.js';
import type { SentenceTokens } from '../text/sentences.js';
import type { Token } from '../text/tokenize.js';
import type { Gazetteer } from './gazetteer.js';

/**
 * "the Ukrainian Luhansk": a name the tagger took with the demonym before it, where the rest is a gazetteer
 * place, is that place (the demonym says whose it is). Changes the mentions in place.
 */
export function separateDemonyms(
  text: string,
  mentions: Mention[],
  demonyms: ReadonlyMap<string, unknown>,
  gazetteer: Gazetteer,
): void {
  for (const m of mentions) {
    if (m.kind === 'person') continue;
    const first = /^(\p{Lu}[\p{L}-]*)\s+/u.exec(m.text);
    if (!first?.[1] || !demonyms.has(first[1])) continue;
    const rest = m.text.slice(first[0].length);
    if (!/^\p{Lu}/u.test(rest) || gazetteer.lookup(rest).length === 0 || gazetteer.lookup(m.text).length > 0) continue;
    m.start += first[0].length;
    m.text = text.slice(m.start, m.end);
    m.type = 'place';
    m.kind = 'location';
  }
}

/**
 * "in Geneva Ukraine will demand": a place mention of two names side by side that together name no place, followed
 * by a verb, is two places when the second is a country or capital (the subject of the clause it starts) and the
 * first a country, region or place of 50,000 people or more.
 */
export function splitAdjacentPlaces(
  sentences: readonly SentenceTokens[],
  mentions: readonly Mention[],
  gazetteer: Gazetteer,
): Mention[] {
  const suspects = new Set(
    mentions.filter((m) => m.type === 'place' && m.text.includes(' ') && gazetteer.lookup(m.text).length === 0),
  );
  if (suspects.size === 0) return [...mentions];
  const sentenceAt = containing(sentences);
  /** The token after the one that ends at `end`. */
  const after = (end: number): Token | undefined => {
    const tokens = sentenceAt(end, end)?.tokens ?? [];
    const i = tokenIndex(tokens, end, (t) => t.end);
    return i < 0 ? undefined : tokens[i + 1];
  };
  const out: Mention[] = [];
  for (const m of mentions) {
    if (!suspects.has(m)) {
      out.push(m);
      continue;
    }
    const next = after(m.end);
    const verb = next !== undefined && /^(?:MD|VB[DPZ]?)$/.test(next.pos ?? '') && /^\p{Ll}/u.test(next.text);
    const words = [...m.text.matchAll(/\S+/g)];
    let split: Mention[] | undefined;
    for (let k = 1; verb && k < words.length && !split; k++) {
      const cut = (words[k] as RegExpMatchArray).index ?? 0;
      const left = m.text.slice(0, cut).trimEnd();
      const right = m.text.slice(cut);
      // The subject is a country or a capital ("Ukraine will", "Kyiv said"); the place before it a known one.
      const subject = gazetteer.lookup(right).some((e) => e.kind === 'country' || e.feature === 'PPLC');
      const place = gazetteer.lookup(left).some((e) => e.kind !== 'place' || e.population >= 50_000);
      if (!subject || !place) continue;
      split = [
        { ...m, end: m.start + left.length, text: left, kind: 'location' },
        { ...m, start: m.start + cut, text: right, kind: 'location' },
      ];
    }
    out.push(...(split ?? [m]));
  }
  return out;
}

/**
 * "Russia's Belgorod and Kursk regions", "between the Luhansk and the Russian Rostov region": names joined by
 * "and" or commas before a region noun are all regions. Sets `kind: 'region'` on those place mentions.
 */
export function coordinatedRegions(
  text: string,
  mentions: readonly Mention[],
  regionNouns: readonly string[],
  demonyms: ReadonlyMap<string, unknown>,
): void {
  const nouns = regionNouns.join('|');
  const plural = new RegExp(`^\\s+(?:${nouns})s\\b`, 'iu');
  const singular = new RegExp(`(?:^\\s+|\\s)(?:${nouns})$`, 'iu');
  const places = mentions.filter((m) => m.type === 'place').sort((a, b) => a.start - b.start);
  for (let i = places.length - 1; i > 0; i--) {
    const last = places[i] as Mention;
    const after = text.slice(last.end, last.end + 16);
    const many = plural.test(after);
    if (!many && !singular.test(last.text) && !new RegExp(`^\\s+(?:${nouns})\\b`, 'iu').test(after)) continue;
    if (many) last.kind = 'region';
    // Walk back over "X, Y and Z".
    for (let k = i - 1; k >= 0; k--) {
      const x = places[k] as Mention;
      const y = places[k + 1] as Mention;
      const between = text.slice(x.end, y.start);
      if (!/^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+)?$/u.test(between)) break;
      const extra = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(between);
      if (extra && !/^(?:the|and)$/i.test(extra[1] ?? '') && !demonyms.has(extra[1] ?? '')) break;
      x.kind = 'region';
    }
  }
}
