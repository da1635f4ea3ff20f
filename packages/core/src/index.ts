export type { Article, ArticleMeta } from './article.js';
export type { Claim, CorpusClaim, Stance } from './claim.js';
export type { Agreement, Contradiction, ContradictionKind } from './contradiction.js';
export { buildCorpus, Corpus, type AnnotatedArticle, type OtherSource } from './corpus.js';
export type { DocumentAnnotation, Sentence } from './document.js';
export type {
  ActorKind,
  DocumentEntity,
  Entity,
  Geo,
  Mention,
  MentionKind,
  MentionType,
  PlaceKind,
} from './entity.js';
export type { Event, EventArguments, EventMention } from './event.js';
export { messageCodes, type Message, type MessageCode } from './message.js';
export { compareClaims, type CompareInput } from './compare/index.js';
export { clusterEvents } from './events/cluster.js';
export { resolveEntities, type CorpusConfig, type ResolvedEntities } from './resolve/entities.js';
export { readCorpus, type ReadOptions, type ReadResult } from './read.js';
export { decodeText, type Decoded } from './decode.js';
export { contains, makeSpan, overlaps, type ArticleSpan, type Span } from './span.js';
