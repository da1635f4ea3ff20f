import { hashString } from '../learn/hash.js';
import { argmax } from '../learn/perceptron.js';
import type { Scorer } from '../pos/tagger.js';
import { type Casing, lineKind, truecase } from './casing.js';
import { LOWER, makeNerLexeme, NER_FEATURES, type NerContext, nerFeatures } from './features.js';
import { entityTypes, type NameSpan, spansFromBilou, transitions } from './labels.js';
import { NameMemory } from './memory.js';

/** What the tagger knows besides its weights. */
export interface NerKnowledge {
  /** Usual case of words (see `learnCasing`). */
  casing: Casing;
  /** Lowercased names (words joined by single spaces) → categories joined by `|`. Default: none. */
  gazetteer?: ReadonlyMap<string, string>;
  /** Word → distributional class. Default: none. */
  clusters?: ReadonlyMap<string, string>;
}

const edgeWords = ['-S2-', '-S1-', '-E1-', '-E2-'];
const edgePos = Uint32Array.from(['-START2-', '-START-', '-END-', '-END2-'], (t) => hashString(t));
const maxGazetteerWords = 6;

/** A greedy left-to-right BILOU name tagger over a hashed averaged perceptron. */
export class NerTagger {
  readonly classes: readonly string[];
  private readonly scorer: Scorer;
  private readonly knowledge: NerKnowledge;
  private readonly allowed: Uint8Array[];
  private readonly tagHashes: Uint32Array;
  /** Per class, the index of its entity type, or -1 for `O`. */
  private readonly labelOf: Int8Array;
  private readonly cache = new Map<string, Uint32Array>();
  private readonly posCache = new Map<string, number>();
  private readonly features = new Uint32Array(NER_FEATURES);
  private readonly scores: Float32Array;
  private readonly edges: Uint32Array[];
  /** Whether decoding forbids invalid BILOU transitions. */
  constrained = false;

  constructor(scorer: Scorer, knowledge: NerKnowledge) {
    this.scorer = scorer;
    this.classes = scorer.classes;
    this.knowledge = knowledge;
    this.allowed = transitions(this.classes);
    this.tagHashes = Uint32Array.from([...this.classes, '-START-', '-START2-'], (tag) => hashString(tag));
    this.scores = new Float32Array(this.classes.length);
    this.labelOf = Int8Array.from(this.classes, (tag) => (tag === 'O' ? -1 : entityTypes.indexOf(tag.slice(2) as never)));
    this.edges = edgeWords.map((w) => makeNerLexeme(w, undefined, undefined, undefined));
  }

  /** A memory for one document: pass it to `tag` for each of the document's sentences in order. */
  memory(): NameMemory {
    return new NameMemory(entityTypes.length);
  }

  /** Names in a sentence of words with their part-of-speech tags. */
  tag(words: readonly string[], pos: readonly string[], memory?: NameMemory): NameSpan[] {
    const out = new Uint8Array(words.length);
    this.tagIndices(words, pos, out, memory);
    return spansFromBilou(this.classes, out);
  }

  /** Tag a sentence, writing class indices into `out`; `learn` (training only) is told each decision. */
  tagIndices(
    words: readonly string[],
    pos: readonly string[],
    out: Uint8Array,
    memory?: NameMemory,
    learn?: (i: number, guess: number, features: Uint32Array, count: number) => number,
  ): void {
    const ctx = this.contextOf(words, pos, memory);
    const start = this.classes.length;
    let previous = start;
    let p1 = this.tagHashes[start] as number;
    let p2 = this.tagHashes[start + 1] as number;
    for (let i = 0; i < words.length; i++) {
      const count = nerFeatures(ctx, i, p1, p2, this.features);
      this.scores.fill(0);
      this.scorer.score(this.features, count, this.scores);
      let guess = argmax(this.scores, this.classes.length, this.constrained ? this.allowed[previous] : undefined);
      if (learn) guess = learn(i, guess, this.features, count);
      out[i] = guess;
      previous = guess;
      p2 = p1;
      p1 = this.tagHashes[guess] as number;
    }
    if (memory) {
      for (let i = 0; i < words.length; i++) {
        if (!isCapitalised(words[i] as string)) continue;
        const label = this.labelOf[out[i] as number] as number;
        memory.remember((ctx.lexemes[i + 2] as Uint32Array)[LOWER] as number, label);
      }
      memory.next();
    }
  }

  private contextOf(words: readonly string[], pos: readonly string[], memory: NameMemory | undefined): NerContext {
    const { casing, gazetteer, clusters } = this.knowledge;
    const kind = lineKind(words, casing);
    const cased = truecase(words, kind, casing);
    const n = cased.length;
    const lexemes: Uint32Array[] = [this.edges[0] as Uint32Array, this.edges[1] as Uint32Array];
    const posHashes = new Uint32Array(n + 4);
    posHashes[0] = edgePos[0] as number;
    posHashes[1] = edgePos[1] as number;
    for (let i = 0; i < n; i++) {
      const word = cased[i] as string;
      let lexeme = this.cache.get(word);
      if (!lexeme) {
        if (this.cache.size > 200_000) this.cache.clear();
        const lower = word.toLowerCase();
        lexeme = makeNerLexeme(word, casing.get(lower), gazetteer?.get(lower), clusters?.get(lower));
        this.cache.set(word, lexeme);
      }
      lexemes.push(lexeme);
      const tag = pos[i] ?? '';
      let h = this.posCache.get(tag);
      if (h === undefined) this.posCache.set(tag, (h = hashString(tag)));
      posHashes[i + 2] = h;
    }
    lexemes.push(this.edges[2] as Uint32Array, this.edges[3] as Uint32Array);
    posHashes[n + 2] = edgePos[2] as number;
    posHashes[n + 3] = edgePos[3] as number;
    const remembered = new Uint8Array(n + 4);
    if (memory) {
      for (let i = 0; i < n; i++) {
        if (isCapitalised(words[i] as string)) remembered[i + 2] = memory.recall((lexemes[i + 2] as Uint32Array)[LOWER] as number);
      }
    }
    const marks = gazetteer ? matchGazetteer(cased, gazetteer) : new Uint32Array(n + 4);
    return { lexemes, pos: posHashes, gazetteer: marks, kind, memory: remembered };
  }
}

/** Longest gazetteer matches of two or more words starting at capitalised words: `B-`/`I-`/`L-` + categories. */
function matchGazetteer(words: readonly string[], gazetteer: ReadonlyMap<string, string>): Uint32Array {
  const marks = new Uint32Array(words.length + 4);
  for (let i = 0; i < words.length; i++) {
    const first = (words[i] as string)[0];
    if (first === undefined || first === first.toLowerCase()) continue;
    let phrase = (words[i] as string).toLowerCase();
    let found = 0;
    let categories = '';
    for (let j = i + 1; j < words.length && j < i + maxGazetteerWords; j++) {
      phrase += ` ${(words[j] as string).toLowerCase()}`;
      const hit = gazetteer.get(phrase);
      if (hit !== undefined) {
        found = j;
        categories = hit;
      }
    }
    if (found === 0) continue;
    marks[i + 2] = hashString(`B-${categories}`);
    for (let k = i + 1; k < found; k++) marks[k + 2] = hashString(`I-${categories}`);
    marks[found + 2] = hashString(`L-${categories}`);
    i = found;
  }
  return marks;
}

function isCapitalised(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase();
}
