import type { Mention } from '@claimlens/core';
import { initialsMatch, isAcronym } from './names.js';
import { SpanSet } from './spans.js';

/** An acronym defined in the text and the mention of the full form it abbreviates. */
export interface AcronymDefinition {
  acronym: string;
  full: Mention;
}

const after = /^\s*\(\s*([\p{Lu}][\p{Lu}\d&.]{1,9}s?)\s*\)/u;

/**
 * Acronyms the text defines: "Federal Security Service (FSB)" after a tagged name, or "FSB (Federal Security
 * Service)"; also an untagged capitalised phrase before "(XYZ)" whose initials spell XYZ, which gets a mention.
 */
export function acronymDefinitions(text: string, mentions: Mention[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const bySpan = new Map<string, Mention>();
  for (const m of mentions) bySpan.set(`${m.start}:${m.end}`, m);
  for (const m of mentions) {
    if (m.type !== 'actor' || !/^\s*\(/u.test(text.slice(m.end, m.end + 4))) continue;
    const defined = after.exec(text.slice(m.end, m.end + 16));
    if (defined?.[1] && isAcronym(defined[1])) out.push({ acronym: defined[1].replace(/\./g, ''), full: m });
    if (isAcronym(m.text)) {
      const long = /^\s*\(\s*([^()]{4,80}?)\s*\)/u.exec(text.slice(m.end, m.end + 90));
      const phrase = long?.[1];
      if (phrase && initialsMatch(m.text, phrase)) {
        const start = text.indexOf(phrase, m.end);
        const full = bySpan.get(`${start}:${start + phrase.length}`);
        if (full) out.push({ acronym: m.text, full });
      }
    }
  }
  // Untagged full forms: "the Organisation for Joint Armament Cooperation (OCCAR)". Found from the "(XYZ)".
  const taken = new SpanSet(mentions);
  const known = new Set(out.map((d) => d.acronym));
  const phraseBefore =
    /((?:\p{Lu}[\p{L}'’-]*|of|for|and|the|on|in)(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|for|and|the|on|in)){1,8})\s*$/u;
  for (const match of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}\d&]{1,7})\s*\)/gu)) {
    const acronym = match[1] ?? '';
    const at = match.index ?? 0;
    const from = Math.max(0, at - 160);
    const before = phraseBefore.exec(text.slice(from, at));
    if (!before?.[1]) continue;
    let phrase = before[1].replace(/^(?:the|of|for|and|on|in)\s+/i, '');
    const words = phrase.split(/\s+/);
    // Keep the shortest tail whose initials spell the acronym ("… said the Federal Security Service (FSB)").
    let found: string | undefined;
    for (let i = words.length - 2; i >= 0 && !found; i--) {
      const tail = words.slice(i).join(' ');
      if (/^\p{Lu}/u.test(tail) && initialsMatch(acronym, tail)) found = tail;
    }
    if (!found) continue;
    phrase = found;
    const start = from + (before.index ?? 0) + before[1].length - phrase.length;
    const end = start + phrase.length;
    if (text.slice(start, end) !== phrase) continue;
    if (known.has(acronym)) continue;
    known.add(acronym);
    const tagged = bySpan.get(`${start}:${end}`);
    if (tagged) {
      out.push({ acronym, full: tagged });
      continue;
    }
    if (taken.overlaps(start, end)) continue;
    const full: Mention = { start, end, text: phrase, type: 'actor', kind: 'organization', entity: '' };
    mentions.push(full);
    taken.add(full);
    bySpan.set(`${start}:${end}`, full);
    out.push({ acronym, full });
  }
  mentions.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * Mentions of each defined acronym the tagger missed, as actors of the full form's kind; none where `loud` says
 * the text is in capitals (an all-caps line spells words the way acronyms are spelt: "IN", "US").
 */
export function acronymMentions(
  text: string,
  definitions: readonly AcronymDefinition[],
  mentions: readonly Mention[],
  loud: (start: number, end: number) => boolean = () => false,
): Mention[] {
  const out: Mention[] = [];
  if (definitions.length === 0) return out;
  const taken = new SpanSet(mentions);
  // One pass over the text for all acronyms, longest first.
  const byAcronym = new Map<string, Mention>();
  for (const { acronym, full } of definitions) if (!byAcronym.has(acronym)) byAcronym.set(acronym, full);
  const alternatives = [...byAcronym.keys()]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\d])(?:${alternatives.join('|')})(?![\\p{L}\\d])`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const full = byAcronym.get(match[0]);
    if (!full || taken.overlaps(start, end) || loud(start, end)) continue;
    taken.add({ start, end });
    out.push({ start, end, text: match[0], type: full.type, kind: full.kind, entity: '' });
  }
  return out;
}
