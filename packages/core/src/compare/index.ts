export { type CompareInput, type CompareOptions, type CompareResult, compareClaims } from './compare.js';
export { compareQuantities, parseQuantities, type Quantity, type QuantityRelation } from './quantity.js';
export { groupVoices, type VoiceOptions } from './voices.js';
