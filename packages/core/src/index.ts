export {
  formatAgreement,
  type HumanAgreement,
  type HumanAgreementInput,
  type HumanAgreementRow,
  humanAgreement,
} from './annotations/agreement.js';
export { type Anchored, anchorTarget, quoteTarget } from './annotations/anchor.js';
export { type AppliedAnnotations, applyHumanAnnotations, type PlacedAnnotation } from './annotations/apply.js';
export {
  annotationContext,
  formatAnnotationFile,
  newAnnotation,
  outsideReason,
  type ParseAnnotationOptions,
  type ParsedAnnotations,
  parseAnnotationFile,
} from './annotations/file.js';
export {
  actorKinds,
  annotationsFolder,
  type HumanAnnotation,
  type HumanTag,
  humanTags,
  type Origin,
  placeKinds,
  type QuoteTarget,
  stances,
} from './annotations/model.js';
export {
  type ArticleAnnotations,
  type HumanAnnotationsResult,
  readHumanAnnotations,
  withHumanAnnotations,
} from './annotations/read.js';
export type { Article, ArticleMeta } from './article.js';
export { AnnotationCache, type AnnotationCacheOptions, defaultCacheFolder } from './cache.js';
export type { Claim, CorpusClaim, Stance } from './claim.js';
export {
  type ClaimFacets,
  type CompareInput,
  type CompareLexicon,
  type CompareOptions,
  type CompareResult,
  type CueList,
  compareClaims,
  compareQuantities,
  emptyCompareLexicon,
  type ProbeResult,
  parseCompareLexicon,
  parseQuantities,
  probeClaims,
  type Quantity,
  type QuantityRelation,
  readCompareLexicon,
} from './compare/index.js';
export type { Agreement, Contradiction, ContradictionKind, Voice } from './contradiction.js';
export { type BuildOptions, buildCorpus, Corpus, type OtherSource } from './corpus.js';
export type { Dispute, DisputePosition, DisputeSource, Facet } from './dispute.js';
export type { AnnotatedArticle, DocumentAnnotation, Sentence } from './document.js';
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
export { type ClusterOptions, clusterEvents, eventPairs, lemmaModel } from './events/cluster.js';
export { clusterDocuments, type DocumentClusterOptions } from './events/documents.js';
export type { GroupingCache } from './events/grouping-input.js';
export { type EventGrouping, readEventGrouping } from './events/knowledge.js';
export { type EventModel, features as eventFeatures } from './events/model.js';
export { parseWordNet, type Relation, type WordNet } from './events/wordnet.js';
export * from './formats/index.js';
export { type Message, type MessageCode, messageCodes } from './message.js';
export {
  type BoilerplateOptions,
  type BoilerplateRange,
  type BoilerplateRule,
  blankRanges,
  boilerplateRules,
  findBoilerplate,
} from './read/boilerplate.js';
export {
  type CorpusConfig,
  type CorpusConfigResult,
  corpusConfigNames,
  parseConfig,
  readCorpusConfig,
  type WorkspaceConfig,
} from './read/config.js';
export { describeFileError, type ReadOptions, type ReadResult, readCorpus } from './read/corpus.js';
export { binarySignature, type Decoded, decodeText } from './read/decode.js';
export {
  articleExtensions,
  articleGlobs,
  defaultMaxFileSize,
  type FileSelection,
  fileSelector,
  formatOf,
} from './read/files.js';
export {
  type FoundMetadata,
  type FrontMatter,
  inferMetadata,
  knownOutlets,
  type Metadata,
  type MetadataField,
  type MetadataSource,
  mergeMetadata,
  normaliseDate,
  pickMetadata,
  readFrontMatter,
} from './read/metadata.js';
export { type ResolvedEntities, resolveEntities } from './resolve/entities.js';
export { type ArticleSpan, contains, makeSpan, overlaps, partitionPoint, type Span } from './span.js';
export { type FoundClock, type FoundTime, findClocks, findTimes } from './time/find.js';
export { dayOfTime, type When, whenConflicts, whenOf } from './time/when.js';
