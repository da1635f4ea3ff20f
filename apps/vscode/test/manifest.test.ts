import { readFileSync } from 'node:fs';
import { defaultSettings, normaliseSettings } from '@claimlens/server';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const extensionSource = readFileSync(new URL('../src/extension.ts', import.meta.url), 'utf8');

describe('the extension manifest', () => {
  it('activates on plain text and Markdown only, never on everything', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:plaintext', 'onLanguage:markdown']);
    expect(manifest.main).toBe('./dist/extension.cjs');
  });

  it('declares how it behaves in untrusted and virtual workspaces', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
  });

  it('names every command claimlens.verbNoun in the claimlens category, and registers each one', () => {
    const commands: { command: string; category: string; title: string }[] = manifest.contributes.commands;
    const registered = [...extensionSource.matchAll(/command\('(\w+)'/g)].map((m) => `claimlens.${m[1]}`).sort();
    expect(commands.map((c) => c.command).sort()).toEqual(registered);
    for (const c of commands) {
      expect(c.command).toMatch(/^claimlens\.[a-z]+[A-Z][A-Za-z]*$/);
      expect(c.category).toBe('claimlens');
    }
    expect(registered).toEqual(
      expect.arrayContaining([
        'claimlens.analyzeWorkspace',
        'claimlens.showContradictions',
        'claimlens.exportAnnotations',
      ]),
    );
  });

  it('contributes a themable colour for each kind of highlight, for every theme kind', () => {
    const colors: { id: string; defaults: Record<string, string> }[] = manifest.contributes.colors;
    expect(colors.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'claimlens.actorBackground',
        'claimlens.placeBackground',
        'claimlens.cueForeground',
        'claimlens.contentBackground',
        'claimlens.contradictionForeground',
      ]),
    );
    for (const c of colors)
      expect(Object.keys(c.defaults).sort()).toEqual(['dark', 'highContrast', 'highContrastLight', 'light']);
  });

  it('has settings claimlens.area.setting whose defaults are the server defaults', () => {
    const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;
    const value: Record<string, Record<string, unknown>> = {};
    for (const [key, property] of Object.entries(properties)) {
      const [prefix, area, setting, ...rest] = key.split('.');
      expect(prefix).toBe('claimlens');
      expect(rest).toEqual([]);
      value[area!] = { ...value[area!], [setting!]: property.default };
    }
    expect(normaliseSettings(value)).toEqual(defaultSettings);
    expect(properties['claimlens.diagnostics.severity']!.default).toBe('information');
  });

  it('has its own activity-bar container with Events, Actors, Places and Annotations', () => {
    expect(manifest.contributes.viewsContainers.activitybar[0].id).toBe('claimlens');
    expect(manifest.contributes.views.claimlens.map((v: { id: string }) => v.id)).toEqual([
      'claimlens.events',
      'claimlens.actors',
      'claimlens.places',
      'claimlens.annotations',
    ]);
  });

  it('accepts the VS Code versions its types describe', () => {
    const types = manifest.devDependencies['@types/vscode'].replace(/^\D*/, '');
    const engine = manifest.engines.vscode.replace(/^\D*/, '');
    const [tMajor, tMinor] = types.split('.').map(Number);
    const [eMajor, eMinor] = engine.split('.').map(Number);
    expect(eMajor * 1000 + eMinor >= tMajor * 1000 + tMinor).toBe(true);
  });
});
