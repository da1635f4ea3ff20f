export { CAPS, type Casing, learnCasing, lineKind, PROSE, TITLE, truecase } from './casing.js';
export {
  bilouClasses,
  bilouFromSpans,
  entityTypes,
  type NameMention,
  type NameSpan,
  spansFromBilou,
  spansFromBio,
} from './labels.js';
export { defaultGazetteerUrl, defaultNerModelUrl, loadNerTagger, type NerExtra, readGazetteer } from './load.js';
export { NameMemory } from './memory.js';
export { type NerKnowledge, NerTagger } from './tagger.js';
export { type NerSentence, type NerTrainOptions, trainNer } from './train.js';
