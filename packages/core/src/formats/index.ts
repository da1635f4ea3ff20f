export { annotationToJson, articleJson, corpusToJson, importJson, importJsonl, jsonVersion } from './json.js';
export { corpusToJsonl } from './jsonl.js';
export { parseBrat, toBrat, type BratInput } from './brat.js';
export { parseW3C, toW3C, w3cContext, type W3CItem } from './w3c.js';
export { formatScore, scoreAnnotations, type Counts, type Score, type ScoreRow } from './score.js';
export { offsetConverter, type OffsetConverter } from './offsets.js';
export type { ImportedClaim, ImportedCorpus, ImportedDocument, ImportedMention } from './imported.js';
