import type { Article } from './article.js';
import type { Claim } from './claim.js';
import type { DocumentEntity, Mention } from './entity.js';
import type { EventMention } from './event.js';
import type { Message } from './message.js';

/** A sentence of the text, by offsets. */
export interface Sentence {
  start: number;
  end: number;
}

/** What the annotator finds in one text. All offsets index that text. */
export interface DocumentAnnotation {
  mentions: Mention[];
  entities: DocumentEntity[];
  claims: Claim[];
  events: EventMention[];
  sentences: Sentence[];
  messages: Message[];
}

/** An article with what the annotator found in it: what `buildCorpus` takes. */
export interface AnnotatedArticle {
  article: Article;
  annotation: DocumentAnnotation;
}
