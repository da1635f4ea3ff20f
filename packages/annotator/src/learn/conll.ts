/** One sentence of a CoNLL-2003 file: parallel arrays of tokens and their columns. */
export interface ConllSentence {
  words: string[];
  pos: string[];
  chunk: string[];
  ner: string[];
}

/** Parse CoNLL-2003 text (`TOKEN POS CHUNK NER` a line, blank lines between sentences; `-DOCSTART-` skipped). */
export function parseConll(text: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let current: ConllSentence = { words: [], pos: [], chunk: [], ner: [] };
  for (const line of text.split(/\r?\n/)) {
    const columns = line.trim().split(/\s+/);
    if (columns.length < 4 || columns[0] === '-DOCSTART-') {
      if (current.words.length > 0) sentences.push(current);
      current = { words: [], pos: [], chunk: [], ner: [] };
      continue;
    }
    current.words.push(columns[0] as string);
    current.pos.push(columns[1] as string);
    current.chunk.push(columns[2] as string);
    current.ner.push(columns[3] as string);
  }
  if (current.words.length > 0) sentences.push(current);
  return sentences;
}

/** A deterministic pseudo-random generator in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffle `items` in place with a seeded generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
