import { hashString } from '../learn/hash.js';
import { argmax, LinearModel, type Scorer } from '../learn/perceptron.js';
import { type RoleEntry, RoleTable, TagPairTable } from '../learn/tag-table.js';
import {
  DICT,
  makeLexeme,
  NO_TAG,
  POS_FEATURES,
  posContextFeatures,
  posRoleFeatures,
  posTagFeatures,
  roleOffsets,
} from './features.js';

export type { Scorer };

/** A word's feature hashes, the scores of its features in each role once computed, and its allowed classes. */
interface Entry extends RoleEntry {
  /** The only classes the word may take (a word seen often enough in training), or null. */
  allowed: Uint8Array | null;
}

const cacheLimit = 100_000;

/**
 * A greedy left-to-right part-of-speech tagger (Penn Treebank tags) over a hashed averaged perceptron.
 * With a fixed model, the scores of each word's own features are cached per word.
 */
export class PosTagger {
  readonly classes: readonly string[];
  private readonly scorer: Scorer;
  private readonly fixed: boolean;
  private readonly dict: ReadonlyMap<string, number>;
  private readonly allowed: ReadonlyMap<string, Uint8Array>;
  private readonly tagHashes: Uint32Array;
  private readonly cache = new Map<string, Entry>();
  private readonly edges: Entry[];
  private readonly features = new Uint32Array(POS_FEATURES);
  private readonly scores: Float32Array;
  private readonly pairs: TagPairTable;
  private readonly roles: RoleTable;
  private context: Entry[] = [];

  /**
   * `dict` maps frequent words to their tag (unambiguous words), or to the tags they may take, separated by
   * spaces (the tagger then chooses among those only).
   */
  constructor(scorer: Scorer, dict: Readonly<Record<string, string>>) {
    this.scorer = scorer;
    this.fixed = scorer instanceof LinearModel;
    this.classes = scorer.classes;
    const index = new Map(this.classes.map((tag, i) => [tag, i]));
    const single = new Map<string, number>();
    const allowed = new Map<string, Uint8Array>();
    for (const [word, value] of Object.entries(dict)) {
      const tags = value.split(' ').filter((tag) => index.has(tag));
      if (tags.length === 1) single.set(word, index.get(tags[0] as string) as number);
      else if (tags.length > 1)
        allowed.set(
          word,
          Uint8Array.from(tags, (tag) => index.get(tag) as number),
        );
    }
    this.dict = single;
    this.allowed = allowed;
    this.tagHashes = Uint32Array.from([...this.classes, '-START-', '-START2-'], (tag) => hashString(tag));
    this.pairs = new TagPairTable(scorer, this.tagHashes, posTagFeatures);
    this.roles = new RoleTable(scorer, roleOffsets, posRoleFeatures, POS_FEATURES);
    this.scores = new Float32Array(this.classes.length);
    this.edges = ['-START2-', '-START-', '-END-', '-END2-'].map((w) => ({
      lexeme: makeLexeme(w, undefined),
      roles: null,
      allowed: null,
    }));
  }

  /** Tag a sentence of words. */
  tag(words: readonly string[]): string[] {
    const out = new Uint8Array(words.length);
    this.tagIndices(words, out);
    const tags = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) tags[i] = this.classes[out[i] as number] as string;
    return tags;
  }

  /** Tag a sentence, writing class indices into `out`; `learn` (training only) is told each decision. */
  tagIndices(
    words: readonly string[],
    out: Uint8Array,
    learn?: (i: number, guess: number, features: Uint32Array, count: number) => number,
  ): void {
    const context = this.contextOf(words);
    const classes = this.classes.length;
    const { features, scores } = this;
    let t1 = classes;
    let t2 = classes + 1;
    for (let i = 0; i < words.length; i++) {
      const self = context[i + 2] as Entry;
      const dict = self.lexeme[DICT] as number;
      let guess: number;
      if (dict !== NO_TAG) guess = dict;
      else if (this.fixed && self.allowed) {
        // A known word: score only the tags it was seen with.
        scores.fill(0);
        const count = posContextFeatures(self.lexeme, i, this.tagHashes[t1] as number, features, 0);
        this.scorer.score(features, count, scores);
        const allowed = self.allowed;
        guess = allowed[0] as number;
        let best = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < allowed.length; k++) {
          const c = allowed[k] as number;
          const s = this.roles.addClass((scores[c] as number) + this.pairs.get(t1, t2, c), context, i + 2, c);
          if (s > best) [best, guess] = [s, c];
        }
      } else {
        scores.fill(0);
        let count = 0;
        if (this.fixed) {
          this.pairs.add(t1, t2, scores);
          this.roles.add(context, i + 2, scores);
        } else {
          count = this.roles.write(context, i + 2, features, count);
          count = posTagFeatures(this.tagHashes[t1] as number, this.tagHashes[t2] as number, features, count);
        }
        count = posContextFeatures(self.lexeme, i, this.tagHashes[t1] as number, features, count);
        this.scorer.score(features, count, scores);
        guess = self.allowed ? argmaxAmong(scores, self.allowed) : argmax(scores, classes);
        if (learn) guess = learn(i, guess, features, count);
      }
      out[i] = guess;
      t2 = t1;
      t1 = guess;
    }
  }

  private contextOf(words: readonly string[]): Entry[] {
    if (this.context.length < words.length + 4)
      this.context = new Array<Entry>(Math.max(words.length + 4, this.context.length * 2));
    const context = this.context;
    context[0] = this.edges[0] as Entry;
    context[1] = this.edges[1] as Entry;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      let entry = this.cache.get(word);
      if (!entry) {
        if (this.cache.size >= cacheLimit) this.cache.clear();
        entry = { lexeme: makeLexeme(word, this.dict.get(word)), roles: null, allowed: this.allowed.get(word) ?? null };
        this.cache.set(word, entry);
      }
      context[i + 2] = entry;
    }
    context[words.length + 2] = this.edges[2] as Entry;
    context[words.length + 3] = this.edges[3] as Entry;
    return context;
  }
}

function argmaxAmong(scores: Float32Array, allowed: Uint8Array): number {
  let guess = allowed[0] as number;
  let best = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < allowed.length; k++) {
    const c = allowed[k] as number;
    if ((scores[c] as number) > best) [best, guess] = [scores[c] as number, c];
  }
  return guess;
}
