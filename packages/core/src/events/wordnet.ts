/**
 * How two words are related in WordNet: `synonym` (a sense in common, counting the verbs a noun's senses derive
 * from, so "death" meets "die"), `hypernym` (one's sense is a broader sense of the other's, up to two levels:
 * "murder" → "kill"), `opposite` (one's sense, or the sense just broader, is the opposite of the other's: "win" /
 * "lose", "enter" / "leave": another happening, not the same), `linked` (one's sense, or the sense just broader,
 * causes or entails the other's: "kill" → "die", "murder" → "die"), `sibling` (they share a broader sense), or
 * `none`.
 */
export type Relation = 'synonym' | 'hypernym' | 'opposite' | 'linked' | 'sibling' | 'none';

/** WordNet relations between lemmas, read from the compact table `data/events/wordnet.tsv.br` of the annotator. */
export interface WordNet {
  relation(a: string, b: string): Relation;
  /** Whether WordNet knows the lemma. */
  has(lemma: string): boolean;
  /** The lemma's synsets and their hypernyms (two levels up): two lemmas are related only when these meet. */
  senses(lemma: string): Senses | undefined;
}

/** Synsets as numbers, sorted. */
export interface Senses {
  own: Int32Array;
  broader: Int32Array;
  linked: Int32Array;
  opposite: Int32Array;
}

/**
 * Read the table: one lemma a line, a tab, its synsets (numbers in base 36, comma-separated), a tab, their
 * hypernyms two levels up, a tab, the synsets they and their direct hypernyms cause or entail, a tab, the synsets
 * they are the opposite of. Lines starting with `#` are comments.
 */
export function parseWordNet(text: string): WordNet {
  const lemmas = new Map<string, Senses>();
  const numbers = (field: string | undefined) =>
    Int32Array.from(field ? field.split(',').map((n) => Number.parseInt(n, 36)) : []).sort();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [lemma, own, broader, linked, opposite] = line.split('\t');
    if (lemma) {
      lemmas.set(lemma, {
        own: numbers(own),
        broader: numbers(broader),
        linked: numbers(linked),
        opposite: numbers(opposite),
      });
    }
  }
  return {
    has: (lemma) => lemmas.has(lemma),
    senses: (lemma) => lemmas.get(lemma),
    relation(a, b) {
      const sa = lemmas.get(a);
      const sb = lemmas.get(b);
      if (!sa || !sb) return 'none';
      if (meet(sa.own, sb.own)) return 'synonym';
      if (meet(sa.own, sb.broader) || meet(sa.broader, sb.own)) return 'hypernym';
      if (meet(sa.own, sb.opposite) || meet(sa.opposite, sb.own)) return 'opposite';
      if (meet(sa.own, sb.linked) || meet(sa.linked, sb.own)) return 'linked';
      return meet(sa.broader, sb.broader) ? 'sibling' : 'none';
    },
  };
}

/** Whether two sorted arrays share a number. */
function meet(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}
