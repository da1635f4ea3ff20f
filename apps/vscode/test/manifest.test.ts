import { existsSync, readFileSync } from 'node:fs';
import { defaultSettings, normaliseSettings } from '@claimlens/server';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const extensionSource = readFileSync(new URL('../src/extension.ts', import.meta.url), 'utf8');
const buildScript = readFileSync(new URL('../scripts/build.mjs', import.meta.url), 'utf8');
const strings: Record<string, string> = JSON.parse(
  readFileSync(new URL('../package.nls.json', import.meta.url), 'utf8'),
);
const exists = (file: string) => existsSync(new URL(`../${file}`, import.meta.url));

describe('the extension manifest', () => {
  it('activates for a folder with claimlens.json and on plain text and Markdown, never on everything', () => {
    expect(manifest.activationEvents).toEqual([
      'workspaceContains:claimlens.json',
      'onLanguage:plaintext',
      'onLanguage:markdown',
    ]);
    expect(manifest.main).toBe('./dist/extension.cjs');
  });

  it('has what a published extension shows: a PNG icon, a changelog, a README whose images ship with it', () => {
    expect(manifest.icon).toMatch(/\.png$/);
    expect(
      readFileSync(new URL(`../${manifest.icon}`, import.meta.url))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    for (const file of ['CHANGELOG.md', 'README.md', 'LICENSE.txt']) expect(exists(file), file).toBe(true);
    // No public repository yet: no guessed URL, and the README's images are in the package, relative to it.
    expect(manifest.repository).toBeUndefined();
    const shipped = readFileSync(new URL('../.vscodeignore', import.meta.url), 'utf8').split('\n');
    const images = [
      ...readFileSync(new URL('../README.md', import.meta.url), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g),
    ];
    for (const [, image] of images) {
      expect(exists(image as string), image).toBe(true);
      expect(shipped, image).toContain(`!${image}`);
    }
  });

  it('has every user-visible string in package.nls.json, and every string used there', () => {
    const text = JSON.stringify(manifest);
    const used = [...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] as string);
    expect(used.filter((key) => strings[key] === undefined)).toEqual([]);
    expect(Object.keys(strings).filter((key) => !used.includes(key))).toEqual([]);
    const titles = [
      ...manifest.contributes.commands.map((c: { title: string }) => c.title),
      ...Object.values(manifest.contributes.configuration.properties).map(
        (p) =>
          (p as { description?: string; markdownDescription?: string }).description ??
          (p as { markdownDescription: string }).markdownDescription,
      ),
    ];
    for (const title of titles) expect(title).toMatch(/^%.+%$/);
  });

  it('validates claimlens.json against the schema the build ships', () => {
    expect(manifest.contributes.jsonValidation).toEqual([
      { fileMatch: 'claimlens.json', url: './dist/config.schema.json' },
    ]);
    expect(buildScript).toContain('config.schema.json');
  });

  it('has a walkthrough whose steps have their media', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    expect(walkthrough.steps.map((s: { id: string }) => s.id)).toEqual(['openSeeds', 'hover', 'dispute', 'explorer']);
    for (const step of walkthrough.steps) expect(exists(step.media.markdown), step.media.markdown).toBe(true);
  });

  it('declares how it behaves in untrusted and virtual workspaces', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
  });

  it('names every command claimlens.verbNoun in the claimlens category, and registers each one', () => {
    const commands: { command: string; category: string; title: string }[] = manifest.contributes.commands;
    const registered = [...extensionSource.matchAll(/\b(?:command|serverCommand)\('(\w+)'/g)]
      .map((m) => `claimlens.${m[1]}`)
      .sort();
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

  it('has settings claimlens.area.setting, each with a scope, whose defaults are the server defaults', () => {
    const properties: Record<string, { default: unknown; scope: string }> =
      manifest.contributes.configuration.properties;
    for (const [key, property] of Object.entries(properties))
      expect(['resource', 'window'], key).toContain(property.scope);
    expect(properties['claimlens.workspace.analyse']).toMatchObject({ default: false, scope: 'resource' });
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
