import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CorpusClaim, type Dispute, findingsAbove, isConflict } from '@claimlens/core';
import type { DisputeItem, ExplorerDispute } from '../protocol.js';
import type { CorpusState } from '../workspace.js';
import { claimPlace } from './lookup.js';

/** Which findings the user wants to see: scored at least `minConfidence`, and not dismissed. */
export interface FindingFilter {
  minConfidence: number;
  dismissed: ReadonlySet<string>;
}

/**
 * A key for a dispute that survives re-analysis: the facet and each position's claims by article and content.
 * Claim and dispute ids are renumbered on every corpus build, so they cannot be remembered.
 */
export function findingKey(state: CorpusState, dispute: Dispute): string {
  const positions = dispute.positions.map((p) =>
    p.claims
      .map((id) => {
        const claim = state.corpus.claim(id);
        return claim ? `${claim.article}#${claim.content.text.replace(/\s+/g, ' ').trim()}` : id;
      })
      .sort()
      .join('+'),
  );
  return `${dispute.facet}|${positions.sort().join('|')}`;
}

/** The disputes scored at least the filter's minimum, dismissed ones included: for hovers and the list. */
export function scoredDisputes(state: CorpusState, filter: FindingFilter): Dispute[] {
  return findingsAbove(state.corpus, filter.minConfidence).disputes;
}

/** The disputes to show: scored at least the filter's minimum and not dismissed. */
export function shownDisputes(state: CorpusState, filter: FindingFilter): Dispute[] {
  return scoredDisputes(state, filter).filter((d) => !filter.dismissed.has(findingKey(state, d)));
}

/** The claims of each position of a dispute that the corpus knows, in order. */
export function positionClaims(state: CorpusState, dispute: Dispute): CorpusClaim[][] {
  return dispute.positions.map((p) =>
    p.claims.map((id) => state.corpus.claim(id)).filter((c): c is CorpusClaim => c !== undefined),
  );
}

/** The ids of the claims that take a side in a dispute whose positions cannot all hold. */
export function disputedClaims(disputes: readonly Dispute[]): Set<string> {
  return new Set(disputes.filter(isConflict).flatMap((d) => d.positions.flatMap((p) => p.claims)));
}

/** A dispute as the editor lists it: each position with who holds it and where its first claim is. */
export function disputeEntry(state: CorpusState, dispute: Dispute): ExplorerDispute {
  const claims = positionClaims(state, dispute);
  return {
    id: dispute.id,
    what: dispute.what,
    facet: dispute.facet,
    compatible: dispute.compatible,
    update: dispute.update === true,
    confidence: dispute.confidence,
    explanation: dispute.explanation,
    positions: dispute.positions.map((p, i) => {
      const first = claims[i]?.[0];
      return {
        value: p.value,
        sources: sourceNames(state, p.sources),
        place: first ? claimPlace(state, first) : null,
      };
    }),
  };
}

/** Each source as "Speaker (Outlet)". */
export function sourceNames(state: CorpusState, sources: Dispute['positions'][number]['sources']): string[] {
  return sources.map((s) => `${s.name} (${state.outlet(s.article)})`);
}

/** Every dispute scored at least the filter's minimum, dismissed ones marked, with each position's first claim. */
export function disputeItems(state: CorpusState | null, filter: FindingFilter): DisputeItem[] {
  if (!state) return [];
  return scoredDisputes(state, filter).map((d) => {
    const sides: DisputeItem['sides'] = [];
    positionClaims(state, d).forEach((claims, i) => {
      const claim = claims[0];
      const place = claim ? claimPlace(state, claim) : null;
      if (!claim || !place) return;
      const speaker = state.corpus.speakerName(claim);
      const value = d.positions[i]?.value ?? '';
      sides.push({ place, outlet: state.outlet(claim.article), speaker, text: claim.content.text, value });
    });
    const key = findingKey(state, d);
    return { ...disputeEntry(state, d), key, dismissed: filter.dismissed.has(key), sides };
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
