import type { DocumentEntity, Mention } from '@claimlens/core';
import type { SentenceTokens } from '../text/sentences.js';
import type { Token } from '../text/tokenize.js';
import { containing, lastBefore, SpanSet, tokenIndex } from './spans.js';

/** Head nouns of definite descriptions: organisations ("the ministry") and roles of people ("the spokesman"). */
export interface DescriptionLexicon {
  organizations: string[];
  roles: string[];
}

/**
 * Definite descriptions that point back to one entity: "the ministry" → the last organisation whose name has
 * "Ministry"; "the spokesman" → the last person introduced as a spokesman ("spokesman Ivan Petrov",
 * "Ivan Petrov, a ministry spokesman"). Returns new mentions, linked, that overlap none of `mentions`.
 */
export function resolveDescriptions(
  sentences: readonly SentenceTokens[],
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, DocumentEntity>,
  lexicon: DescriptionLexicon,
  skip: (s: SentenceTokens) => boolean,
): Mention[] {
  const organizations = new Set(lexicon.organizations);
  const roles = new Set(lexicon.roles);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const roleOf = introducedRoles(sentences, sorted, entities, roles);
  const out: Mention[] = [];
  const taken = new SpanSet(sorted);
  // Per organisation noun: the mentions (in order) of organisations whose name has it ("Foreign Ministry").
  const byHead = new Map<string, { starts: number[]; ids: string[] }>();
  for (const m of sorted) {
    const entity = entities.get(m.entity);
    if (m.type !== 'actor' || !entity || entity.kind === 'person') continue;
    for (const word of new Set(entity.name.toLowerCase().split(/[^\p{L}]+/u))) {
      if (!organizations.has(word)) continue;
      const list = byHead.get(word) ?? { starts: [], ids: [] };
      list.starts.push(m.start);
      list.ids.push(entity.id);
      byHead.set(word, list);
    }
  }
  for (const sentence of sentences) {
    if (skip(sentence)) continue;
    const tokens = sentence.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const article = tokens[i] as Token;
      if (article.text !== 'the' && article.text !== 'The') continue;
      const head = tokens[i + 1] as Token;
      const next = tokens[i + 2];
      if (
        next &&
        (next.text === 'of' ||
          /^\p{Lu}/u.test(next.text) ||
          (/^\p{Ll}/u.test(next.text) && (organizations.has(next.text) || roles.has(next.text))))
      )
        continue;
      const start = article.start;
      const end = head.end;
      if (taken.overlaps(start, end)) continue;
      let referent: string | undefined;
      if (organizations.has(head.text)) {
        const list = byHead.get(head.text);
        if (list) {
          const i = lastBefore(list.starts, start);
          if (i >= 0) referent = list.ids[i];
        }
      } else if (roles.has(head.text)) {
        for (const { at, entity } of roleOf.get(head.text) ?? []) if (at < start) referent = entity;
      }
      if (!referent) continue;
      const entity = entities.get(referent) as DocumentEntity;
      out.push({
        start,
        end,
        text: `${article.text} ${head.text}`,
        type: 'actor',
        kind: entity.kind,
        entity: referent,
      });
    }
  }
  return out;
}

/** People introduced with a role: "<role> [Name]" or "[Name], (a|the) … <role>". */
function introducedRoles(
  sentences: readonly SentenceTokens[],
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, DocumentEntity>,
  roles: ReadonlySet<string>,
): Map<string, { at: number; entity: string }[]> {
  const out = new Map<string, { at: number; entity: string }[]>();
  const sentenceAt = containing(sentences);
  const find = (offset: number, side: 'start' | 'end'): { tokens: readonly Token[]; i: number } | undefined => {
    const sentence = sentenceAt(offset, offset);
    if (!sentence) return undefined;
    const tokens = sentence.tokens;
    const i = tokenIndex(tokens, offset, (t) => t[side]);
    return i < 0 ? undefined : { tokens, i };
  };
  for (const m of mentions) {
    if (entities.get(m.entity)?.kind !== 'person') continue;
    const found = new Set<string>();
    const first = find(m.start, 'start');
    if (first) {
      for (let k = Math.max(0, first.i - 3); k < first.i; k++) {
        const word = (first.tokens[k] as Token).text.toLowerCase();
        if (roles.has(word)) found.add(word);
      }
    }
    const last = find(m.end, 'end');
    if (last && last.tokens[last.i + 1]?.text === ',') {
      for (let k = last.i + 2; k < Math.min(last.tokens.length, last.i + 8); k++) {
        const word = (last.tokens[k] as Token).text;
        if (word === ',' || word === '.') break;
        if (roles.has(word)) found.add(word);
      }
    }
    for (const role of found) {
      const list = out.get(role) ?? [];
      list.push({ at: m.start, entity: m.entity });
      out.set(role, list);
    }
  }
  return out;
}
