import type { TokenTable } from './tokens.js';

/**
 * How often each word begins or continues a cue in annotated text: lower-cased word → counts. Words never
 * seen in a cue are left out. Read from `data/claims/cue-rates.tsv`.
 */
export type CueRates = ReadonlyMap<string, CueCount>;

/** Occurrences of a word, and how many of them begin a cue or continue one. */
export interface CueCount {
  count: number;
  begin: number;
  inside: number;
}

/** Per token, the code of how often its word begins a cue and continues one (see `rateCode`); 0 unknown. */
export interface CueRateCodes {
  begin: Uint8Array;
  inside: Uint8Array;
}

/**
 * The rate codes of every token of `table`: for each token, a small number that says how often its word
 * begins a cue (`begin`) and continues one (`inside`) in the counts, and how much evidence there is;
 * 0 for words the counts do not hold.
 */
export function cueRateCodes(table: TokenTable, rates: CueRates | null): CueRateCodes {
  const begin = new Uint8Array(table.length);
  const inside = new Uint8Array(table.length);
  if (!rates) return { begin, inside };
  for (let i = 0; i < table.length; i++) {
    const counts = rates.get(table.lower[i] as string);
    if (!counts) continue;
    begin[i] = rateCode(counts.begin, counts.count);
    inside[i] = rateCode(counts.inside, counts.count);
  }
  return { begin, inside };
}

/** A code from 1 to 28: the share `hits / count` in seven steps, times four steps of evidence (`count`). */
export function rateCode(hits: number, count: number): number {
  if (count <= 0) return 0;
  const rate = hits / count;
  const share = rate === 0 ? 0 : rate < 0.02 ? 1 : rate < 0.08 ? 2 : rate < 0.2 ? 3 : rate < 0.4 ? 4 : rate < 0.7 ? 5 : 6;
  const evidence = count === 1 ? 0 : count <= 4 ? 1 : count <= 30 ? 2 : 3;
  return 1 + share * 4 + evidence;
}

/** Read cue rates from their TSV form: `word count begin inside` per line, after a header line. */
export function parseCueRates(tsv: string): Map<string, CueCount> {
  const rates = new Map<string, CueCount>();
  for (const line of tsv.split('\n').slice(1)) {
    const [word, count, begin, inside] = line.split('\t');
    if (!word || count === undefined) continue;
    rates.set(word, { count: Number(count), begin: Number(begin), inside: Number(inside) });
  }
  return rates;
}

/** Write cue rates as TSV (see `parseCueRates`), sorted by word. */
export function formatCueRates(rates: ReadonlyMap<string, CueCount>): string {
  const lines = ['word\tcount\tbegin\tinside'];
  for (const word of [...rates.keys()].sort()) {
    const { count, begin, inside } = rates.get(word) as CueCount;
    lines.push(`${word}\t${count}\t${begin}\t${inside}`);
  }
  return `${lines.join('\n')}\n`;
}
