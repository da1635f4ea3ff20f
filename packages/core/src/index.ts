export type { Article, ArticleMeta } from './article.js';
export type { Claim, CorpusClaim, Stance } from './claim.js';
export type { Agreement, Contradiction, ContradictionKind, Voice } from './contradiction.js';
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
export {
  compareClaims,
  compareQuantities,
  parseQuantities,
  type CompareInput,
  type CompareOptions,
  type CompareResult,
  type Quantity,
  type QuantityRelation,
} from './compare/index.js';
export { clusterEvents } from './events/cluster.js';
export { resolveEntities, type CorpusConfig, type ResolvedEntities } from './resolve/entities.js';
export { corpusConfigNames, readCorpusConfig, type CorpusConfigResult } from './config.js';
export { globToRegExp, parseConfig, readCorpus, type ReadOptions, type ReadResult, type WorkspaceConfig } from './read.js';
export { binarySignature, decodeText, type Decoded } from './decode.js';
export {
  inferMetadata,
  knownOutlets,
  mergeMetadata,
  normaliseDate,
  pickMetadata,
  readFrontMatter,
  type FoundMetadata,
  type FrontMatter,
  type Metadata,
  type MetadataField,
  type MetadataSource,
} from './metadata.js';
export { blankRanges, boilerplateRules, findBoilerplate, type BoilerplateOptions, type BoilerplateRange, type BoilerplateRule } from './boilerplate.js';
export * from './formats/index.js';
export { contains, makeSpan, overlaps, type ArticleSpan, type Span } from './span.js';
