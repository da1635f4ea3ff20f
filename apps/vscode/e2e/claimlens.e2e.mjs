/**
 * End-to-end test of the claimlens extension in a real VS Code: code-server driven by Debian's Chromium.
 *
 * Needs the tools from `scripts/install-e2e.sh` and a built package (`npm run package -w claimlens-vscode`).
 * Run from the repository root: `node --test apps/vscode/e2e/claimlens.e2e.mjs`.
 *
 * Environment: `CLAIMLENS_VSIX` (default: the newest `apps/vscode/*.vsix`), `CLAIMLENS_E2E_SCREENSHOTS`
 * (default `.e2e/screenshots` in the repository), `CLAIMLENS_E2E_CACHE`, `CLAIMLENS_E2E_NODE`,
 * `CLAIMLENS_E2E_CODE_SERVER`, `CLAIMLENS_E2E_CHROMIUM` (see lib/).
 */

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { installExtension, makeHome, startCodeServer, tail } from './lib/code-server.mjs';
import { poll } from './lib/poll.mjs';
import {
  closeWidgets,
  highlights,
  hoverText,
  launchChromium,
  openFile,
  openWorkbench,
  problems,
  scrollHoverTo,
  waitForCorpus,
} from './lib/workbench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const seeds = join(root, 'seeds');
const shots = resolve(process.env.CLAIMLENS_E2E_SCREENSHOTS || join(root, '.e2e', 'screenshots'));
const seedFiles = readdirSync(seeds)
  .filter((name) => /\.(txt|md)$/.test(name))
  .sort();

/** User settings that keep the workbench quiet and the text visible. */
const settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'window.restoreWindows': 'none',
};

/** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {{actor: string[], place: string[], claim: string[], contradiction: string[]}} */
let colors = { actor: [], place: [], claim: [], contradiction: [] };
let shotCount = 0;

/**
 * Save a numbered screenshot and say where.
 *
 * @param {string} name
 */
async function screenshot(name) {
  shotCount += 1;
  const path = join(shots, `${String(shotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path });
  console.log(`screenshot: ${path}`);
}

describe('claimlens in VS Code (code-server + Chromium)', { timeout: 20 * 60_000 }, () => {
  before(async () => {
    const vsix = process.env.CLAIMLENS_VSIX || newestVsix(join(root, 'apps', 'vscode'));
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    console.log(`screenshots folder: ${shots}`);
    console.log(`vsix: ${vsix}`);
    const home = await makeHome(settings);
    await installExtension(home, vsix);
    colors = contributedColors(join(home, 'extensions'));
    console.log(`extension colours: ${JSON.stringify(colors)}`);
    server = await startCodeServer(home);
    console.log(`code-server: ${server.url} (home ${home}, log ${server.log})`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    await openWorkbench(page, server.url, seeds);
  });

  after(async () => {
    try {
      if (page && shotCount === 0) await screenshot('final').catch(() => undefined);
      await browser?.close().catch(() => undefined);
    } finally {
      if (server) {
        console.log(`code-server log (tail):\n${tail(server.log, 15)}`);
        await server.stop();
      }
    }
  });

  test('the extension contributes colours for actors, places and claims', () => {
    assert.ok(colors.actor.length > 0, 'no colour id with "actor" in contributes.colors');
    assert.ok(colors.place.length > 0, 'no colour id with "place" in contributes.colors');
    assert.ok(colors.claim.length > 0, 'no colour id with "claim" in contributes.colors');
  });

  test('every seed article shows actor, place and claim highlights', async () => {
    const all = [...colors.actor, ...colors.place, ...colors.claim];
    /** @type {string[]} */
    const missing = [];
    for (const [index, name] of seedFiles.entries()) {
      const started = Date.now();
      await openFile(page, name, { debugShot: join(shots, `open-failed-${name}.png`) });
      // The first file waits for the language server to start and read the workspace.
      const timeoutMs = index === 0 ? 180_000 : 45_000;
      /** @type {Awaited<ReturnType<typeof highlights>>} */
      let found = [];
      const complete = await poll(
        async () => {
          found = await highlights(page, all);
          return kinds(found).every(([, count]) => count > 0);
        },
        { timeoutMs, intervalMs: 500, what: `highlights in ${name}` },
      ).catch(() => false);
      const counts = kinds(found);
      const sample = (ids) =>
        [
          ...new Set(
            found
              .filter((h) => ids.includes(h.color))
              .map((h) => h.text.trim())
              .filter(Boolean),
          ),
        ]
          .slice(0, 6)
          .map((text) => JSON.stringify(text.length > 50 ? `${text.slice(0, 50)}…` : text))
          .join(', ');
      console.log(
        `${name}: ${counts.map(([kind, count]) => `${kind} ${count}`).join(', ')} highlight elements in view after ${Date.now() - started} ms; ` +
          `unmatched decorations ${found.filter((h) => h.color === '').length}`,
      );
      console.log(`  actors: ${sample(colors.actor)}`);
      console.log(`  places: ${sample(colors.place)}`);
      console.log(`  claims: ${sample(colors.claim)}`);
      await screenshot(`highlights-${name.replace(/\.[^.]+$/, '')}`);
      if (!complete) missing.push(`${name} (${counts.map(([kind, count]) => `${kind} ${count}`).join(', ')})`);
    }
    assert.deepEqual(missing, [], 'seed files without all three kinds of highlight in view');
  });

  test('a hover on a claim lists what other sources say about the event', async () => {
    // Other sources come from the cross-article analysis: wait until the status item says it is done.
    const started = Date.now();
    const status = await waitForCorpus(page);
    console.log(`status after ${Date.now() - started} ms: ${status}`);
    /** @type {string[]} */
    const tried = [];
    let shown = '';
    const deadline = Date.now() + 240_000;
    for (const name of seedFiles) {
      if (shown || Date.now() > deadline) break;
      await closeWidgets(page);
      await openFile(page, name, { debugShot: join(shots, `open-failed-${name}.png`) });
      const found = await highlights(page, [...colors.contradiction, ...colors.claim]);
      // Claims another source contradicts first (they surely have other sources), then any claim.
      const candidates = [
        ...found.filter((h) => colors.contradiction.includes(h.color)),
        ...found.filter((h) => colors.claim.includes(h.color)),
      ];
      const seen = new Set();
      for (const claim of candidates) {
        if (Date.now() > deadline || seen.size >= 20) break;
        const key = claim.text.slice(0, 20);
        if (seen.has(key) || claim.box.width < 8) continue;
        seen.add(key);
        const text = await hoverText(page, claim.box);
        const others = otherSources(text);
        tried.push(`${name} ${JSON.stringify(claim.text.slice(0, 40))}: ${summarise(text)}`);
        if (others.length > 0) {
          shown = text;
          console.log(`hover on ${JSON.stringify(claim.text.slice(0, 60))} in ${name}:\n${indent(text)}`);
          await scrollHoverTo(page, /Other sources on this event/i);
          await screenshot('hover');
          break;
        }
      }
    }
    if (!shown) await screenshot('hover-missing');
    assert.ok(
      shown,
      `no claim hover listed another source under "Other sources on this event"; tried:\n${tried.join('\n')}`,
    );
  });

  test('the Problems panel lists contradictions between sources', async () => {
    await waitForCorpus(page);
    await closeWidgets(page);
    const rows = await problems(page, (list) => list.some((row) => /contradict/i.test(row)), 120_000);
    console.log(`Problems panel (${rows.length} rows):\n${indent(rows.slice(0, 25).join('\n'))}`);
    await screenshot('problems');
    assert.ok(
      rows.some((row) => /contradict/i.test(row)),
      `no row of the Problems panel mentions a contradiction; rows:\n${rows.join('\n')}`,
    );
  });
});

/**
 * The entries a hover lists under "Other sources on this event", without placeholders like "none yet".
 *
 * @param {string} text
 * @returns {string[]}
 */
function otherSources(text) {
  const at = text.search(/Other sources on this event/i);
  if (at < 0) return [];
  return text
    .slice(at)
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/none yet|updating|^(View Problem|Quick Fix|No quick fixes)/i.test(line));
}

/** @param {string} text */
function summarise(text) {
  if (!text) return '(no hover)';
  const heading = /Other sources on this event/i.test(text)
    ? `other sources: ${otherSources(text).length}`
    : 'no "Other sources" section';
  return `${text.split('\n')[0].slice(0, 60)} … ${heading}`;
}

/**
 * Count highlight elements per kind.
 *
 * @param {Awaited<ReturnType<typeof highlights>>} found
 * @returns {Array<[string, number]>}
 */
function kinds(found) {
  const { actor, place, claim } = colors;
  return Object.entries({ actor, place, claim }).map(([kind, ids]) => [
    kind,
    found.filter((h) => ids.includes(h.color)).length,
  ]);
}

/**
 * Colour ids the installed extension contributes, grouped by what they paint.
 *
 * @param {string} extensionsDir
 * @returns {{actor: string[], place: string[], claim: string[], contradiction: string[]}}
 */
function contributedColors(extensionsDir) {
  const folders = readdirSync(extensionsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  assert.equal(folders.length, 1, `expected one installed extension, not ${folders.map((f) => f.name).join(', ')}`);
  const manifest = JSON.parse(readFileSync(join(extensionsDir, folders[0].name, 'package.json'), 'utf8'));
  /** @type {string[]} */
  const ids = (manifest.contributes?.colors ?? []).map((/** @type {{id: string}} */ color) => color.id);
  // Match on the name after the extension's prefix: `claimlens.placeBorder` is a place colour, not a claim one.
  const named = (/** @type {RegExp} */ pattern) => ids.filter((id) => pattern.test(id.replace(/^[^.]*\./, '')));
  return {
    actor: named(/actor/i),
    place: named(/place/i),
    claim: named(/claim|cue|quote|source|content/i).filter((id) => !/contradict/i.test(id)),
    contradiction: named(/contradict/i),
  };
}

/**
 * The most recently written `*.vsix` in a folder.
 *
 * @param {string} folder
 * @returns {string}
 */
function newestVsix(folder) {
  const packages = readdirSync(folder)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!packages[0]) {
    throw new Error(`Expected a .vsix in ${folder}, not none: run \`npm run package -w claimlens-vscode\` first`);
  }
  return packages[0];
}

/** @param {string} text */
function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
