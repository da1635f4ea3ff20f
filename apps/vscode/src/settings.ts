import { defaultHighlights } from '@claimlens/server/protocol';
import * as vscode from 'vscode';

export type Category = 'actors' | 'places' | 'claims' | 'ownVoice' | 'events' | 'contradictions';

/** The highlight categories, each switched by `claimlens.highlights.<key>`. */
export const categories: { key: Category; label: string; legend: string; default: boolean }[] = [
  {
    key: 'actors',
    label: 'Actors',
    legend: 'people, organisations, governments (claimlens.actorBackground)',
    default: defaultHighlights.actors,
  },
  {
    key: 'places',
    label: 'Places',
    legend: 'countries, regions, cities (claimlens.placeBackground)',
    default: defaultHighlights.places,
  },
  {
    key: 'claims',
    label: 'Claims',
    legend:
      'reported claims: source and cue in colour, what is said shaded (claimlens.cueForeground, contentBackground)',
    default: defaultHighlights.claims,
  },
  {
    key: 'ownVoice',
    label: "Outlet's own statements",
    legend: 'sentences with no source, shaded faintly (claimlens.ownVoiceBackground)',
    default: defaultHighlights.ownVoice,
  },
  {
    key: 'events',
    label: 'Events',
    legend: 'dotted underline (claimlens.eventBorder)',
    default: defaultHighlights.events,
  },
  {
    key: 'contradictions',
    label: 'Contradictions',
    legend: 'wavy underline (claimlens.contradictionForeground)',
    default: defaultHighlights.contradictions,
  },
];

/** Flip one category, in the workspace settings when a folder is open, else the user's. */
export async function toggleCategory(category: Category): Promise<void> {
  const config = vscode.workspace.getConfiguration('claimlens');
  const current = config.get<boolean>(
    `highlights.${category}`,
    categories.find((c) => c.key === category)?.default ?? true,
  );
  await config.update(`highlights.${category}`, !current, settingsTarget());
}

/** Switch every category off, or, when all are off, back to the ones on by default. */
export async function toggleAll(): Promise<void> {
  const config = vscode.workspace.getConfiguration('claimlens');
  const anyOn = categories.some((c) => config.get<boolean>(`highlights.${c.key}`, c.default));
  for (const c of categories) {
    const wanted = anyOn ? false : c.default;
    if (config.get<boolean>(`highlights.${c.key}`, c.default) !== wanted)
      await config.update(`highlights.${c.key}`, wanted, settingsTarget());
  }
}

function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
}
