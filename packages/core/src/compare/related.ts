import type { Event } from '../event.js';
import type { WordNet } from '../events/wordnet.js';
import type { ViewContext } from './view.js';

/**
 * Stories: articles joined by the events they report together (an event's mentions never leave the group of
 * articles the event stage found to be about one subject). Returns, per event, the number of its story.
 */
export function storiesOf(events: readonly Event[]): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  for (const event of events) {
    const first = event.mentions[0]?.article;
    if (first === undefined) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const m of event.mentions) {
      if (!parent.has(m.article)) parent.set(m.article, m.article);
      const a = find(m.article);
      const b = find(first);
      if (a !== b) parent.set(a, b);
    }
  }
  const numbers = new Map<string, number>();
  const stories = new Map<string, number>();
  for (const event of events) {
    const first = event.mentions[0]?.article;
    if (first === undefined) continue;
    const root = find(first);
    let n = numbers.get(root);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(root, n);
    }
    stories.set(event.id, n);
  }
  return stories;
}

/** Events of one key an event is related to at most (the latest met): keeps the pairs linear in the corpus. */
const maxPerKey = 16;

/** The kind of event that is someone's words ("said"): every quote has one, so it relates nothing. */
const statement = 'statement';

/**
 * Pairs of different events that may tell one happening the event stage kept apart: of one story, with acts named
 * by one lemma or by lemmas WordNet relates (a synonym, a broader word, a cause, an entailment or an opposite:
 * "shooting" / "kill", "fall" / "die"); or of one lemma and one of the `scopes` given per event (the week and a
 * country its claims name). Only events with scopes (claims to compare) take part, and statements never do.
 * Events meet through keys, each key relating an event to at most `maxPerKey` others, so the work grows with the
 * corpus.
 */
export function relatedEvents(
  events: readonly Event[],
  scopes: ReadonlyMap<string, readonly string[]>,
  stories: ReadonlyMap<string, number>,
  ctx: ViewContext,
  wordnet: WordNet | undefined,
): [string, string][] {
  const byKey = new Map<string, { id: string; lemmas: Set<string> }[]>();
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  for (const event of events) {
    const near = scopes.get(event.id);
    if (!near || event.type === statement) continue;
    const story = stories.get(event.id);
    const lemmas = new Set<string>();
    for (const m of event.mentions) {
      const mention = ctx.eventMention(m.article, m.mention);
      if (mention && mention.type !== statement) lemmas.add(mention.lemma);
    }
    const keys = new Set<string>();
    for (const lemma of lemmas) {
      for (const scope of near) keys.add(`${scope}:${lemma}`);
      const senses = story === undefined ? undefined : wordnet?.senses(lemma);
      if (!senses) continue;
      keys.add(`${story}:${lemma}`);
      for (const ids of [senses.own, senses.broader, senses.linked]) for (const id of ids) keys.add(`${story}#${id}`);
    }
    const self = { id: event.id, lemmas };
    for (const key of keys) {
      let list = byKey.get(key);
      if (!list) {
        list = [];
        byKey.set(key, list);
      }
      for (let k = Math.max(0, list.length - maxPerKey); k < list.length; k++) {
        const other = list[k] as { id: string; lemmas: Set<string> };
        const pairKey = `${other.id}\u0000${event.id}`;
        if (seen.has(pairKey) || !related(other.lemmas, lemmas, wordnet)) continue;
        seen.add(pairKey);
        pairs.push([other.id, event.id]);
      }
      list.push(self);
    }
  }
  return pairs;
}

/** Whether two events' lemmas share one, or WordNet relates two of them (not merely as co-hyponyms). */
function related(a: ReadonlySet<string>, b: ReadonlySet<string>, wordnet: WordNet | undefined): boolean {
  for (const x of a) {
    if (b.has(x)) return true;
    if (!wordnet) continue;
    for (const y of b) {
      const relation = wordnet.relation(x, y);
      if (relation !== 'none' && relation !== 'sibling') return true;
    }
  }
  return false;
}
