export { loadPosTagger, defaultPosModelUrl, type PosExtra } from './load.js';
export { PosTagger, type Scorer } from './tagger.js';
export { trainPos, type PosTrainOptions, type TaggedSentence } from './train.js';
