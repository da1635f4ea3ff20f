export { compareClaims, type CompareInput } from './compare.js';
