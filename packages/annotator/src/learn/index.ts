export { type ConllSentence, parseConll, seededRandom, shuffle } from './conll.js';
export { hashString, mix, mix2, mix3 } from './hash.js';
export { argmax, LinearModel, PerceptronTrainer, type Scorer } from './perceptron.js';
export { decodeModel, encodeModel, type ModelFile } from './serialize.js';
export { type RoleEntry, RoleTable, TagPairTable } from './tag-table.js';
