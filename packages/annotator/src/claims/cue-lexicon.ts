import type { Stance } from '@claimlens/core';

/** The stances in the order lexicon classes number them (class = 1 + index). */
export const stances: readonly Stance[] = ['assert', 'deny', 'accuse', 'hedge', 'conditional', 'question'];

/** One form of a cue word. */
export interface CueEntry {
  lemma: string;
  stance: Stance;
  stanceIndex: number;
}

/** Cue words with their stances, and the marker words of hedges, conditions and negation. */
export interface CueLexicon {
  forms: Map<string, CueEntry>;
  hedges: Set<string>;
  conditionals: Set<string>;
  negations: Set<string>;
}

/** The lexicon as stored in `data/claims/lexicon.json`. */
export interface CueLexiconData {
  cues: Record<string, string[]>;
  hedges: string[];
  conditionals: string[];
  negations: string[];
}

/** Build a lexicon from its stored form; throws when a cue names an unknown stance. */
export function cueLexicon(data: Readonly<CueLexiconData>): CueLexicon {
  const forms = new Map<string, CueEntry>();
  for (const [lemma, [stance, ...words]] of Object.entries(data.cues)) {
    const stanceIndex = stances.indexOf(stance as Stance);
    if (stanceIndex < 0)
      throw new Error(`Expected a stance (${stances.join(', ')}) for cue \`${lemma}\`, not \`${stance}\``);
    for (const word of words) forms.set(word.toLowerCase(), { lemma, stance: stance as Stance, stanceIndex });
  }
  return {
    forms,
    hedges: new Set(data.hedges.map((w) => w.toLowerCase())),
    conditionals: new Set(data.conditionals.map((w) => w.toLowerCase())),
    negations: new Set(data.negations.map((w) => w.toLowerCase())),
  };
}
