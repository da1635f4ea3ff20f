import type { Mention } from '@claimlens/core';
import { SpanSet } from '../entities/spans.js';
import type { SentenceTokens } from '../text/sentences.js';
import type { Token } from '../text/tokenize.js';
import type { Gazetteer } from './gazetteer.js';

/** A span the tagger named, of any type (MISC included), that no place may overlap. */
export interface NamedSpan {
  start: number;
  end: number;
}

/** Lowercase words inside names of people ("Van der Merwe", "Abu al Hassan"). */
const particles = new Set([
  'de',
  'der',
  'den',
  'van',
  'von',
  'da',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
]);

/**
 * One sense per article: a gazetteer place the article tags as a place and never as anything else is a place
 * wherever else the article writes it ("Slovyansk was quiet" after "in Slovyansk"). Looks only in `sentences`
 * (the body), never inside another name; returns the new mention list, sorted.
 */
export function placesByDiscourse(
  text: string,
  sentences: readonly SentenceTokens[],
  mentions: readonly Mention[],
  names: readonly NamedSpan[],
  gazetteer: Gazetteer,
): Mention[] {
  const places = new Map<string, Mention['kind']>();
  const others = new Set<string>();
  for (const m of mentions) {
    if (m.type === 'place') places.set(m.text, m.kind);
    else others.add(m.text);
  }
  for (const name of others) places.delete(name);
  for (const name of places.keys())
    if (!/^\p{Lu}/u.test(name) || gazetteer.lookup(name).length === 0) places.delete(name);
  if (places.size === 0) return [...mentions];
  // Names by their first word, so that each token costs one look-up.
  const byFirst = new Map<string, { name: string; words: string[]; kind: Mention['kind'] }[]>();
  for (const [name, kind] of places) {
    const words = name.split(/\s+/);
    const first = words[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), { name, words, kind }]);
  }
  const out = [...mentions];
  const taken = new SpanSet(mentions);
  const named = new SpanSet(names);
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      for (const { name, words, kind } of byFirst.get((tokens[i] as Token).text) ?? []) {
        const last = tokens[i + words.length - 1];
        if (!last || words.some((w, k) => tokens[i + k]?.text !== w)) continue;
        const start = (tokens[i] as Token).start;
        const end = last.end;
        // The whole name, not the start of a longer one ("Paris Saint-Germain", "Van der Merwe").
        const next = tokens[i + words.length];
        if (next && (/^\p{Lu}/u.test(next.text) || particles.has(next.text))) continue;
        if (text.slice(start, end) !== name || taken.overlaps(start, end) || named.overlaps(start, end)) continue;
        out.push({ start, end, text: name, type: 'place', kind, entity: '' });
        taken.add({ start, end });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
