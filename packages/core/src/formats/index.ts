export { type BratInput, parseBrat, toBrat } from './brat.js';
export { type ExportFile, type ExportFormat, exportFiles, exportFormats } from './export.js';
export { corpusAbove, findingsAbove, isConflict, type ShownFindings } from './findings.js';
export type { ImportedClaim, ImportedCorpus, ImportedDocument, ImportedMention } from './imported.js';
export {
  annotationToJson,
  articleJson,
  type CorpusJsonOptions,
  corpusToJson,
  documentJsonVersion,
  importJson,
  importJsonl,
  jsonVersion,
} from './json.js';
export { corpusToJsonl } from './jsonl.js';
export { type OffsetConverter, offsetConverter } from './offsets.js';
export { type Counts, formatScore, type Score, type ScoreRow, scoreAnnotations } from './score.js';
export { parseW3C, toW3C, type W3CItem, w3cContext } from './w3c.js';
