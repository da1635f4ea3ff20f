/**
 * What the tagger said about each capitalised word earlier in a document (Ratinov and Roth's "extended
 * prediction history"): label counts per word, forgotten after `span` sentences without the word.
 */
export class NameMemory {
  private readonly words = new Map<number, { counts: Uint16Array; last: number }>();
  private sentence = 0;
  private readonly labels: number;
  private readonly span: number;

  constructor(labels: number, span = 60) {
    this.labels = labels;
    this.span = span;
  }

  /** The most frequent label remembered for a word (by lowercase hash) plus one, or 0. */
  recall(word: number): number {
    const entry = this.words.get(word);
    if (!entry || this.sentence - entry.last > this.span) return 0;
    let best = 0;
    let bestCount = 0;
    for (let l = 0; l < this.labels; l++) {
      const n = entry.counts[l] as number;
      if (n > bestCount) [best, bestCount] = [l + 1, n];
    }
    return best;
  }

  /** Remember that a word was tagged with `label` (or, label `-1`, tagged as no name). */
  remember(word: number, label: number): void {
    let entry = this.words.get(word);
    if (!entry || this.sentence - entry.last > this.span) {
      entry = { counts: new Uint16Array(this.labels + 1), last: this.sentence };
      this.words.set(word, entry);
    }
    const slot = label < 0 ? this.labels : label;
    entry.counts[slot] = (entry.counts[slot] as number) + 1;
    entry.last = this.sentence;
  }

  /** Move on to the next sentence. */
  next(): void {
    this.sentence++;
  }
}
