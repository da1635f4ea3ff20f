export { defaultPosModelUrl, loadPosTagger, type PosExtra } from './load.js';
export { PosTagger, type Scorer } from './tagger.js';
export { type PosTrainOptions, type TaggedSentence, trainPos } from './train.js';
