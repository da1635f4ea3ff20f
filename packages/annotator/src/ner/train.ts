import { seededRandom, shuffle } from '../learn/conll.js';
import { PerceptronTrainer } from '../learn/perceptron.js';
import { bilouClasses, bilouFromSpans, spansFromBio } from './labels.js';
import { type NerKnowledge, NerTagger } from './tagger.js';

/** A sentence with part-of-speech tags and gold BIO name tags. */
export interface NerSentence {
  words: readonly string[];
  pos: readonly string[];
  /** BIO tags such as `B-PER`, `I-PER`, `O`. */
  tags: readonly string[];
}

export interface NerTrainOptions {
  /** Passes over the data. Default: 10. */
  epochs?: number;
  /** Seed of the shuffling. Default: 1. */
  seed?: number;
  /** Hash bits (2^bits buckets). Default: 21. */
  bits?: number;
  /** Sentences of one training document (the order of the file) between memory resets. Default: 40. */
  documentSize?: number;
  /** Called after each epoch with the training token accuracy. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

/** Train a BILOU name tagger; returns the trainer (finish it to get the averaged model). */
export function trainNer(sentences: readonly NerSentence[], knowledge: NerKnowledge, options: NerTrainOptions = {}) {
  const epochs = options.epochs ?? 10;
  const random = seededRandom(options.seed ?? 1);
  const classes = bilouClasses();
  const index = new Map(classes.map((tag, i) => [tag, i]));
  const trainer = new PerceptronTrainer(classes, options.bits ?? 21);
  const tagger = new NerTagger(trainer, knowledge);
  const order = sentences.map((s) => ({
    words: s.words,
    pos: s.pos,
    gold: Uint8Array.from(bilouFromSpans(spansFromBio(s.tags), s.words.length), (t) => index.get(t) ?? 0),
  }));
  let memory = tagger.memory();
  const size = options.documentSize ?? 40;
  const documents: (typeof order)[] = [];
  for (let i = 0; i < order.length; i += size) documents.push(order.slice(i, i + size));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const sentence of shuffle(documents, random).flatMap((document, d) =>
      document.map((s, k) => ({ ...s, first: k === 0, d })),
    )) {
      if (sentence.first) memory = tagger.memory();
      const out = new Uint8Array(sentence.words.length);
      tagger.tagIndices(sentence.words, sentence.pos, out, memory, (i, guess, features, count) => {
        trainer.tick();
        trainer.update(sentence.gold[i] as number, guess, features, count);
        return guess;
      });
      out.forEach((c, i) => {
        if (c === sentence.gold[i]) correct++;
        total++;
      });
    }
    options.onEpoch?.(epoch, correct / Math.max(1, total));
  }
  return { trainer };
}
