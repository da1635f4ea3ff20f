export { compareClaims, type CompareInput, type CompareOptions, type CompareResult } from './compare.js';
export { compareQuantities, parseQuantities, type Quantity, type QuantityRelation } from './quantity.js';
export { groupVoices, type VoiceOptions } from './voices.js';
