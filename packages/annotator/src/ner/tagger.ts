import { hashString, mix2 } from '../learn/hash.js';
import { argmax, LinearModel, type Scorer } from '../learn/perceptron.js';
import { type RoleEntry, RoleTable, TagPairTable } from '../learn/tag-table.js';
import { type Casing, lineKind, PROSE, TITLE, truecase } from './casing.js';
import {
  LOWER,
  makeNerLexeme,
  NER_FEATURES,
  type NerContext,
  nerContextFeatures,
  nerRoleFeatures,
  nerRoleOffsets,
  nerTagFeatures,
} from './features.js';
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
const cacheLimit = 100_000;

/** A greedy left-to-right BILOU name tagger over a hashed averaged perceptron. */
export class NerTagger {
  readonly classes: readonly string[];
  private readonly scorer: Scorer;
  private readonly knowledge: NerKnowledge;
  private readonly allowed: Uint8Array[];
  private readonly tagHashes: Uint32Array;
  private readonly pairs: TagPairTable;
  private readonly roles: RoleTable;
  /** Per class (and the two start states), 1 when no name is open after it. */
  private readonly outside: Uint8Array;
  /** Per class, the index of its entity type, or -1 for `O`. */
  private readonly labelOf: Int8Array;
  private readonly cache = new Map<string, RoleEntry>();
  private readonly fixed: boolean;
  private readonly posCache = new Map<string, number>();
  private readonly features = new Uint32Array(NER_FEATURES);
  private readonly scores: Float32Array;
  private readonly edges: RoleEntry[];
  private readonly gazetteer: CompiledGazetteer | null;
  private cased: readonly string[] = [];
  private words: readonly string[] = [];
  private pos: readonly string[] = [];
  private memoryInUse: NameMemory | null = null;
  private resolved = new Uint8Array(0);
  private entries: RoleEntry[] = [];
  private ctx: NerContext = {
    lexemes: [],
    pos: new Uint32Array(0),
    gazetteer: new Uint32Array(0),
    memory: new Uint8Array(0),
    kind: PROSE,
  };
  /** Whether decoding forbids invalid BILOU transitions. */
  constrained = false;

  constructor(scorer: Scorer, knowledge: NerKnowledge) {
    this.scorer = scorer;
    this.classes = scorer.classes;
    this.knowledge = knowledge;
    this.allowed = transitions(this.classes);
    this.tagHashes = Uint32Array.from([...this.classes, '-START-', '-START2-'], (tag) => hashString(tag));
    this.scores = new Float32Array(this.classes.length);
    this.pairs = new TagPairTable(scorer, this.tagHashes, nerTagFeatures);
    this.roles = new RoleTable(scorer, nerRoleOffsets, nerRoleFeatures, NER_FEATURES);
    this.outside = Uint8Array.from([...this.classes, '', ''], (tag) =>
      tag.startsWith('B-') || tag.startsWith('I-') ? 0 : 1,
    );
    this.labelOf = Int8Array.from(this.classes, (tag) =>
      tag === 'O' ? -1 : entityTypes.indexOf(tag.slice(2) as never),
    );
    this.fixed = scorer instanceof LinearModel;
    this.gazetteer = knowledge.gazetteer ? compileGazetteer(knowledge.gazetteer) : null;
    this.edges = edgeWords.map((w) => ({ lexeme: makeNerLexeme(w, undefined, undefined, undefined), roles: null }));
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
    const n = words.length;
    const ctx = this.prepare(words, pos, memory);
    const cased = this.cased;
    const classes = this.classes.length;
    const { features, scores, entries } = this;
    const prose = ctx.kind === PROSE;
    const start = classes;
    let previous = start;
    let t1 = start;
    let t2 = start + 1;
    for (let i = 0; i < n; i++) {
      if (prose && this.outside[t1] === 1 && !hasUpper(cased[i] as string)) {
        // Fast path: a word with no capital letter after no open name, in prose, starts no name.
        out[i] = 0;
        previous = 0;
        t2 = t1;
        t1 = 0;
        continue;
      }
      for (let k = i; k <= i + 4; k++) if (this.resolved[k] === 0) this.resolve(k);
      scores.fill(0);
      let count = 0;
      const p1 = this.tagHashes[t1] as number;
      if (this.fixed) {
        this.pairs.add(t1, t2, scores);
        this.roles.add(entries, i + 2, scores);
      } else {
        count = this.roles.write(entries, i + 2, features, count);
        count = nerTagFeatures(p1, this.tagHashes[t2] as number, features, count);
      }
      count = nerContextFeatures(ctx, i, p1, features, count);
      this.scorer.score(features, count, scores);
      let guess = argmax(scores, classes, this.constrained ? this.allowed[previous] : undefined);
      if (learn) guess = learn(i, guess, features, count);
      out[i] = guess;
      previous = guess;
      t2 = t1;
      t1 = guess;
    }
    if (memory) {
      for (let i = 0; i < n; i++) {
        if (!isCapitalised(words[i] as string)) continue;
        if (this.resolved[i + 2] === 0) this.resolve(i + 2);
        memory.remember(
          (entries[i + 2] as RoleEntry).lexeme[LOWER] as number,
          this.labelOf[out[i] as number] as number,
        );
      }
      memory.next();
    }
  }

  /**
   * Set up the scratch context for a sentence: line kind, truecased words, edges, gazetteer matches.
   * Positions are padded by two; a position's entry, POS hash and memory are resolved when first needed.
   */
  private prepare(words: readonly string[], pos: readonly string[], memory: NameMemory | undefined): NerContext {
    const { casing } = this.knowledge;
    const n = words.length;
    const kind = lineKind(words, casing);
    this.cased = truecase(words, kind, casing);
    this.words = words;
    this.pos = pos;
    this.memoryInUse = memory ?? null;
    if (this.resolved.length < n + 4) this.grow(n + 4);
    const ctx = this.ctx;
    // A truecased Title Case line reads as prose; an ALL-CAPS line keeps its own kind (truecasing it is lossy).
    ctx.kind = kind === TITLE ? PROSE : kind;
    this.resolved.fill(0, 0, n + 4);
    ctx.gazetteer.fill(0, 0, n + 4);
    ctx.memory.fill(0, 0, n + 4);
    for (const [k, edge] of [
      [0, 0],
      [1, 1],
      [n + 2, 2],
      [n + 3, 3],
    ] as const) {
      this.entries[k] = this.edges[edge] as RoleEntry;
      ctx.lexemes[k] = (this.edges[edge] as RoleEntry).lexeme;
      ctx.pos[k] = edgePos[edge] as number;
      this.resolved[k] = 1;
    }
    if (this.gazetteer) matchGazetteer(this, n, this.gazetteer, ctx.gazetteer);
    return ctx;
  }

  /** Resolve padded position `k`: its cached entry, POS hash and remembered label. */
  resolve(k: number): void {
    const i = k - 2;
    const word = this.cased[i] as string;
    let entry = this.cache.get(word);
    if (!entry) {
      if (this.cache.size >= cacheLimit) this.cache.clear();
      const { casing, gazetteer, clusters } = this.knowledge;
      const lower = word.toLowerCase();
      entry = {
        lexeme: makeNerLexeme(word, casing.get(lower), gazetteer?.get(lower), clusters?.get(lower)),
        roles: null,
      };
      this.cache.set(word, entry);
    }
    const ctx = this.ctx;
    this.entries[k] = entry;
    ctx.lexemes[k] = entry.lexeme;
    const tag = this.pos[i] ?? '';
    let h = this.posCache.get(tag);
    if (h === undefined) {
      h = hashString(tag);
      this.posCache.set(tag, h);
    }
    ctx.pos[k] = h;
    if (this.memoryInUse && isCapitalised(this.words[i] as string))
      ctx.memory[k] = this.memoryInUse.recall(entry.lexeme[LOWER] as number);
    this.resolved[k] = 1;
  }

  /** The lowercase hash of word `i` (resolving it). */
  lowerHash(i: number): number {
    if (this.resolved[i + 2] === 0) this.resolve(i + 2);
    return (this.entries[i + 2] as RoleEntry).lexeme[LOWER] as number;
  }

  /** Whether word `i` (as truecased) starts with a capital. */
  capitalised(i: number): boolean {
    return isCapitalised(this.cased[i] as string);
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.resolved.length * 2);
    this.resolved = new Uint8Array(capacity);
    this.entries = new Array<RoleEntry>(capacity);
    this.ctx = {
      lexemes: new Array<Uint32Array>(capacity),
      pos: new Uint32Array(capacity),
      gazetteer: new Uint32Array(capacity),
      memory: new Uint8Array(capacity),
      kind: PROSE,
    };
  }
}

/** A gazetteer compiled to hashes of lowercase words, so matching needs no strings. */
interface CompiledGazetteer {
  /** Hash of a multi-word phrase → index into `marks`. */
  phrases: Map<number, number>;
  /** Hashes of the proper prefixes of multi-word phrases. */
  prefixes: Set<number>;
  /** Per category set, the hashes of `B-`, `I-` and `L-` marks. */
  marks: Uint32Array[];
}

function compileGazetteer(gazetteer: ReadonlyMap<string, string>): CompiledGazetteer {
  const phrases = new Map<number, number>();
  const prefixes = new Set<number>();
  const categories = new Map<string, number>();
  const marks: Uint32Array[] = [];
  for (const [name, category] of gazetteer) {
    const words = name.split(' ');
    if (words.length < 2) continue;
    let index = categories.get(category);
    if (index === undefined) {
      index = marks.length;
      categories.set(category, index);
      marks.push(Uint32Array.from(['B-', 'I-', 'L-'], (p) => hashString(p + category)));
    }
    let h = hashString(words[0] as string);
    for (let k = 1; k < words.length; k++) {
      prefixes.add(h);
      h = mix2(99, h, hashString(words[k] as string));
    }
    phrases.set(h, index);
  }
  return { phrases, prefixes, marks };
}

/** Longest gazetteer matches of two or more words starting at capitalised words: `B-`/`I-`/`L-` + categories. */
function matchGazetteer(tagger: NerTagger, n: number, gazetteer: CompiledGazetteer, marks: Uint32Array): void {
  const { phrases, prefixes } = gazetteer;
  for (let i = 0; i < n - 1; i++) {
    if (!tagger.capitalised(i)) continue;
    let h = tagger.lowerHash(i);
    let found = 0;
    let index = 0;
    for (let j = i + 1; j < n && j < i + maxGazetteerWords && prefixes.has(h); j++) {
      h = mix2(99, h, tagger.lowerHash(j));
      const hit = phrases.get(h);
      if (hit !== undefined) {
        found = j;
        index = hit;
      }
    }
    if (found === 0) continue;
    const mark = gazetteer.marks[index] as Uint32Array;
    marks[i + 2] = mark[0] as number;
    for (let k = i + 1; k < found; k++) marks[k + 2] = mark[1] as number;
    marks[found + 2] = mark[2] as number;
    i = found;
  }
}

function isCapitalised(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase();
}

/** Whether a word has an upper-case letter (ASCII fast path, then Unicode). */
function hasUpper(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 65 && code <= 90) return true;
    if (code > 127 && word[i] !== (word[i] as string).toLowerCase()) return true;
  }
  return false;
}
