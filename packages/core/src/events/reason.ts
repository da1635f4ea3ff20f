import type { EntityInfo } from './compatible.js';
import type { Member } from './model.js';

/**
 * Why a cluster's mentions were grouped, in one line: the words ("same word “quake”", "related words: kill,
 * murder"), participants and places two or more mentions share, and "same day" when two give one day.
 * None for a cluster of one mention.
 */
export function reasonOf(cluster: readonly Member[], entities: ReadonlyMap<string, EntityInfo>): string | undefined {
  if (cluster.length < 2) return undefined;
  const lemmas = [...new Set(cluster.map((m) => m.placed.mention.lemma))];
  const parts = [lemmas.length === 1 ? `same word “${lemmas[0]}”` : `related words: ${lemmas.slice(0, 3).join(', ')}`];
  const shared = (ids: (string | undefined)[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => entities.get(id)?.name ?? id)
      .slice(0, 2);
  };
  const participants = shared(cluster.flatMap((m) => [m.profile.agent, m.profile.patient]));
  if (participants.length > 0) parts.push(`shared participants: ${participants.join(', ')}`);
  const days = new Set<number>();
  for (const { profile } of cluster) {
    if (profile.when?.kind !== 'day') continue;
    if (days.has(profile.when.day)) {
      parts.push('same day');
      break;
    }
    days.add(profile.when.day);
  }
  const places = shared(cluster.map((m) => m.profile.place));
  if (places.length > 0) parts.push(`same place: ${places.join(', ')}`);
  return parts.join('; ');
}
