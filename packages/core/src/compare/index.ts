export { type CompareInput, type CompareOptions, type CompareResult, compareClaims } from './compare.js';
export {
  type CompareLexicon,
  type CueList,
  emptyCompareLexicon,
  parseCompareLexicon,
  readCompareLexicon,
} from './lexicon.js';
export { type ClaimFacets, type ProbeResult, probeClaims } from './probe.js';
export { compareQuantities, parseQuantities, type Quantity, type QuantityRelation } from './quantity.js';
export { groupVoices, type VoiceOptions } from './voices.js';
