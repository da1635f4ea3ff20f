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
  for (const m of mentions) {
    if (m.type !== 'actor') continue;
    const defined = after.exec(text.slice(m.end, m.end + 16));
    if (defined?.[1] && isAcronym(defined[1])) out.push({ acronym: defined[1].replace(/\./g, ''), full: m });
    if (isAcronym(m.text)) {
      const long = /^\s*\(\s*([^()]{4,80}?)\s*\)/u.exec(text.slice(m.end, m.end + 90));
      const phrase = long?.[1];
      if (phrase && initialsMatch(m.text, phrase)) {
        const start = m.end + text.slice(m.end).indexOf(phrase);
        const full = mentions.find((x) => x.start === start && x.end === start + phrase.length);
        if (full) out.push({ acronym: m.text, full });
      }
    }
  }
  // Untagged full forms: "the Organisation for Joint Armament Cooperation (OCCAR)".
  const pattern =
    /((?:\p{Lu}[\p{L}'’-]*|of|for|and|the|on|in)(?:\s+(?:\p{Lu}[\p{L}'’-]*|of|for|and|the|on|in)){1,8})\s*\(\s*(\p{Lu}[\p{Lu}\d&]{1,7})\s*\)/gu;
  for (const match of text.matchAll(pattern)) {
    const acronym = match[2] ?? '';
    let phrase = (match[1] ?? '').replace(/^(?:the|of|for|and|on|in)\s+/i, '');
    const words = phrase.split(/\s+/);
    // Keep the shortest tail whose initials spell the acronym ("… said the Federal Security Service (FSB)").
    let found: string | undefined;
    for (let i = words.length - 2; i >= 0 && !found; i--) {
      const tail = words.slice(i).join(' ');
      if (/^\p{Lu}/u.test(tail) && initialsMatch(acronym, tail)) found = tail;
    }
    if (!found) continue;
    phrase = found;
    const start = (match.index ?? 0) + (match[1] ?? '').length - phrase.length;
    const end = start + phrase.length;
    if (text.slice(start, end) !== phrase) continue;
    if (out.some((d) => d.acronym === acronym)) continue;
    const tagged = mentions.find((m) => m.start === start && m.end === end);
    if (tagged) {
      out.push({ acronym, full: tagged });
      continue;
    }
    if (new SpanSet(mentions).overlaps(start, end)) continue;
    const full: Mention = { start, end, text: phrase, type: 'actor', kind: 'organization', entity: '' };
    mentions.push(full);
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
  const taken = new SpanSet(mentions);
  for (const { acronym, full } of definitions) {
    const pattern = new RegExp(`(?<![\\p{L}\\d])${acronym.replace(/[&.]/g, '\\$&')}(?![\\p{L}\\d])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + acronym.length;
      if (taken.overlaps(start, end) || loud(start, end)) continue;
      taken.add({ start, end });
      out.push({ start, end, text: acronym, type: full.type, kind: full.kind, entity: '' });
    }
  }
  return out;
}
