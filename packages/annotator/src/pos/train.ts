import { seededRandom, shuffle } from '../learn/conll.js';
import { PerceptronTrainer } from '../learn/perceptron.js';
import { PosTagger } from './tagger.js';

/** A sentence with gold tags. */
export interface TaggedSentence {
  words: readonly string[];
  tags: readonly string[];
}

export interface PosTrainOptions {
  /** Passes over the data. Default: 6. */
  epochs?: number;
  /** Seed of the shuffling. Default: 1. */
  seed?: number;
  /** Hash bits (2^bits buckets). Default: 20. */
  bits?: number;
  /** A word enters the tag dictionary with at least this many occurrences … Default: 5. */
  dictMinCount?: number;
  /** … and this share of them with one tag. Default: 0.97. */
  dictMinShare?: number;
  /** Other words seen at least this often may only take the tags they were seen with (0: off). Default: 5. */
  allowedMinCount?: number;
  /** Called after each epoch with the training accuracy. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

/** Train a part-of-speech tagger; returns the trainer (finish it to get the averaged model) and the tag dictionary. */
export function trainPos(sentences: readonly TaggedSentence[], options: PosTrainOptions = {}) {
  const epochs = options.epochs ?? 6;
  const random = seededRandom(options.seed ?? 1);
  const classes = [...new Set(sentences.flatMap((s) => s.tags))].sort();
  const index = new Map(classes.map((tag, i) => [tag, i]));
  const dict = tagDictionary(
    sentences,
    options.dictMinCount ?? 5,
    options.dictMinShare ?? 0.97,
    options.allowedMinCount ?? 5,
  );
  const trainer = new PerceptronTrainer(classes, options.bits ?? 20);
  const tagger = new PosTagger(trainer, dict);
  const order = [...sentences];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const sentence of shuffle(order, random)) {
      const out = new Uint8Array(sentence.words.length);
      tagger.tagIndices(sentence.words, out, (i, guess, features, count) => {
        const truth = index.get(sentence.tags[i] as string) as number;
        trainer.tick();
        trainer.update(truth, guess, features, count);
        return guess;
      });
      out.forEach((c, i) => {
        if (classes[c] === sentence.tags[i]) correct++;
        total++;
      });
    }
    options.onEpoch?.(epoch, correct / Math.max(1, total));
  }
  return { trainer, dict };
}

function tagDictionary(
  sentences: readonly TaggedSentence[],
  minCount: number,
  minShare: number,
  allowedMinCount: number,
): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const { words, tags } of sentences) {
    words.forEach((word, i) => {
      let byTag = counts.get(word);
      if (!byTag) {
        byTag = new Map();
        counts.set(word, byTag);
      }
      const tag = tags[i] as string;
      byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    });
  }
  const dict: Record<string, string> = {};
  for (const [word, byTag] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let total = 0;
    let best = '';
    let bestCount = 0;
    for (const [tag, n] of byTag) {
      total += n;
      if (n > bestCount) [best, bestCount] = [tag, n];
    }
    if (total >= minCount && bestCount / total >= minShare) dict[word] = best;
    else if (allowedMinCount > 0 && total >= allowedMinCount) {
      dict[word] = [...byTag]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([tag]) => tag)
        .join(' ');
    }
  }
  return dict;
}
