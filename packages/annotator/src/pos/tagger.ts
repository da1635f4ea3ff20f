import { argmax, type LinearModel } from '../learn/perceptron.js';
import { hashString } from '../learn/hash.js';
import { DICT, edgeLexemes, makeLexeme, NO_TAG, POS_FEATURES, posFeatures } from './features.js';

/** Anything that scores hashed features (a trained model, or a trainer mid-training). */
export interface Scorer {
  readonly classes: readonly string[];
  score(features: Uint32Array, count: number, out: Float32Array): void;
}

const start1 = hashString('-START-');
const start2 = hashString('-START2-');

/** A greedy left-to-right part-of-speech tagger (Penn Treebank tags) over a hashed averaged perceptron. */
export class PosTagger {
  readonly classes: readonly string[];
  private readonly scorer: Scorer;
  private readonly dict: ReadonlyMap<string, number>;
  private readonly tagHashes: Uint32Array;
  private readonly cache = new Map<string, Uint32Array>();
  private readonly features = new Uint32Array(POS_FEATURES);
  private readonly scores: Float32Array;

  /** `dict` maps frequent unambiguous words to their tag. */
  constructor(scorer: Scorer, dict: Readonly<Record<string, string>>) {
    this.scorer = scorer;
    this.classes = scorer.classes;
    const index = new Map(this.classes.map((tag, i) => [tag, i]));
    this.dict = new Map(
      Object.entries(dict).flatMap(([word, tag]) => (index.has(tag) ? [[word, index.get(tag) as number]] : [])),
    );
    this.tagHashes = Uint32Array.from(this.classes, (tag) => hashString(tag));
    this.scores = new Float32Array(this.classes.length);
  }

  /** Tag a sentence of words. */
  tag(words: readonly string[]): string[] {
    const out = new Uint8Array(words.length);
    this.tagIndices(words, out);
    return Array.from(out, (c) => this.classes[c] as string);
  }

  /** Tag a sentence, writing class indices into `out`; `learn` (training only) is told each decision. */
  tagIndices(words: readonly string[], out: Uint8Array, learn?: (i: number, guess: number, features: Uint32Array, count: number) => number): void {
    const context = this.contextOf(words);
    let p1 = start1;
    let p2 = start2;
    for (let i = 0; i < words.length; i++) {
      const dict = (context[i + 2] as Uint32Array)[DICT] as number;
      let guess: number;
      if (dict !== NO_TAG) guess = dict;
      else {
        const count = posFeatures(context, i, p1, p2, this.features);
        this.scores.fill(0);
        this.scorer.score(this.features, count, this.scores);
        guess = argmax(this.scores, this.classes.length);
        if (learn) guess = learn(i, guess, this.features, count);
      }
      out[i] = guess;
      p2 = p1;
      p1 = this.tagHashes[guess] as number;
    }
  }

  private contextOf(words: readonly string[]): Uint32Array[] {
    const context: Uint32Array[] = [edgeLexemes[0] as Uint32Array, edgeLexemes[1] as Uint32Array];
    for (const word of words) {
      let lexeme = this.cache.get(word);
      if (!lexeme) {
        if (this.cache.size > 200_000) this.cache.clear();
        lexeme = makeLexeme(word, this.dict.get(word));
        this.cache.set(word, lexeme);
      }
      context.push(lexeme);
    }
    context.push(edgeLexemes[2] as Uint32Array, edgeLexemes[3] as Uint32Array);
    return context;
  }
}
