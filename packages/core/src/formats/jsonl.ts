import type { Corpus } from '../corpus.js';
import { articleJson, claimJson, documentJsonVersion, eventMentionJson, mentionJson } from './json.js';

/**
 * `claimlens analyze --format jsonl`: one JSON object per article, one per line, in corpus order. Each holds the
 * article's metadata, its mentions (entity ids corpus-wide), claims and event mentions (with the corpus event id).
 */
export function* corpusToJsonl(corpus: Corpus): Generator<string> {
  const eventOf = new Map<string, string>();
  for (const event of corpus.events)
    for (const m of event.mentions) eventOf.set(`${m.article}\u0000${m.mention}`, event.id);
  for (const article of corpus.articles) {
    const annotation = corpus.annotations.get(article.id);
    const line = {
      version: documentJsonVersion,
      article: articleJson(article),
      mentions: (annotation?.mentions ?? []).map(mentionJson),
      claims: (annotation?.claims ?? []).map((c) => claimJson(c, article.id)),
      events: (annotation?.events ?? []).map((v) => ({
        ...eventMentionJson(v),
        event: eventOf.get(`${article.id}\u0000${v.id}`) ?? null,
      })),
      messages: article.messages.map((m) => ({ ...m })),
    };
    yield `${JSON.stringify(line)}\n`;
  }
}
