import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Contradiction, CorpusClaim } from '@claimlens/core';
import type { ContradictionItem } from '../protocol.js';
import type { CorpusState } from '../workspace.js';
import { claimPlace } from './lookup.js';

/**
 * A key for a contradiction that survives re-analysis: the kind and both claims' articles and contents.
 * Claim and contradiction ids are renumbered on every corpus build, so they cannot be remembered.
 */
export function findingKey(state: CorpusState, contradiction: Contradiction): string {
  const sides = contradiction.claims.map((id) => {
    const claim = state.corpus.claim(id);
    return claim ? `${claim.article}#${claim.content.text.replace(/\s+/g, ' ').trim()}` : id;
  });
  return `${contradiction.kind}|${sides.sort().join('|')}`;
}

/** The contradictions a claim takes part in, with the other side. */
export function contradictionsOf(
  state: CorpusState,
  claimId: string,
): { contradiction: Contradiction; other: CorpusClaim | undefined }[] {
  const result: { contradiction: Contradiction; other: CorpusClaim | undefined }[] = [];
  for (const contradiction of state.corpus.contradictions) {
    const index = contradiction.claims.indexOf(claimId);
    if (index === -1) continue;
    const otherId = contradiction.claims[1 - index];
    result.push({ contradiction, other: otherId === undefined ? undefined : state.corpus.claim(otherId) });
  }
  return result;
}

/** Every contradiction of the corpus with both sides' places, dismissed ones marked. */
export function contradictionItems(state: CorpusState | null, dismissed: ReadonlySet<string>): ContradictionItem[] {
  if (!state) return [];
  return state.corpus.contradictions.map((c) => {
    const sides: ContradictionItem['sides'] = [];
    for (const id of c.claims) {
      const claim = state.corpus.claim(id);
      const place = claim ? claimPlace(state, claim) : null;
      if (!claim || !place) continue;
      const speaker = claim.speaker ? (state.corpus.entity(claim.speaker)?.name ?? null) : (claim.source?.text ?? null);
      sides.push({ place, outlet: state.outlet(claim.article), speaker, text: claim.content.text });
    }
    const key = findingKey(state, c);
    return { id: c.id, kind: c.kind, explanation: c.explanation, key, dismissed: dismissed.has(key), sides };
  });
}

/** Dismissed findings, kept in `.claimlens/dismissed.json` under a folder. */
export class DismissedStore {
  readonly keys = new Set<string>();
  #file: string | null = null;

  /** Load from `<folder>/.claimlens/dismissed.json`; a missing or broken file means none dismissed. */
  async load(folder: string | null): Promise<void> {
    this.keys.clear();
    this.#file = folder ? path.join(folder, '.claimlens', 'dismissed.json') : null;
    if (!this.#file) return;
    try {
      const data: unknown = JSON.parse(await readFile(this.#file, 'utf8'));
      const list = (data as { dismissed?: unknown }).dismissed;
      if (Array.isArray(list)) for (const key of list) if (typeof key === 'string') this.keys.add(key);
    } catch {
      // No file yet, or not ours to fix: start with nothing dismissed.
    }
  }

  async set(key: string, dismissed: boolean): Promise<void> {
    if (dismissed) this.keys.add(key);
    else this.keys.delete(key);
    if (!this.#file) return;
    await mkdir(path.dirname(this.#file), { recursive: true });
    const body = { comment: 'Findings dismissed in the claimlens editor extension.', dismissed: [...this.keys].sort() };
    await writeFile(this.#file, `${JSON.stringify(body, null, 2)}\n`);
  }
}
