/**
 * End-to-end test of the walkthrough a new user follows, in code-server driven by Chromium: from *Get started with
 * claimlens*, **Open Sample Articles** asks for a folder, copies the sample articles that ship with the extension
 * into a new folder in it and opens that; the samples analyse, and the next steps are there: a hover lists other
 * sources on a claim's event, the Problems panel names a dispute, and the claimlens explorer lists events.
 *
 * Needs what `claimlens.e2e.mjs` needs (see there). Run from the repository root:
 * `node --test apps/vscode/e2e/walkthrough.e2e.mjs`.
 */

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { installExtension, makeHome, quietSettings, startCodeServer, tail } from './lib/code-server.mjs';
import { poll } from './lib/poll.mjs';
import { runCommand, showClaimlensViews, viewRows } from './lib/views.mjs';
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
const samples = join(root, 'apps', 'vscode', 'samples');
const shots = resolve(process.env.CLAIMLENS_E2E_SCREENSHOTS || join(root, '.e2e', 'screenshots'), 'walkthrough');
const sampleFiles = readdirSync(samples).sort();
const articles = sampleFiles.filter((name) => /\.(txt|md)$/.test(name));

/** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** Where the user asks for the samples to go, and the folder the command makes in it. */
let parent = '';
let made = '';
let shotCount = 0;

/** @param {string} name */
async function screenshot(name) {
  shotCount += 1;
  const path = join(shots, `${String(shotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path });
  console.log(`screenshot: ${path}`);
}

/**
 * @param {string} name
 * @param {() => Promise<void>} body
 */
function shotOnFailure(name, body) {
  return async () => {
    try {
      await body();
    } catch (error) {
      await screenshot(`${name}-failed`).catch(() => undefined);
      throw error;
    }
  };
}

describe('the walkthrough in VS Code (code-server + Chromium)', { timeout: 15 * 60_000 }, () => {
  before(async () => {
    const vsix = process.env.CLAIMLENS_VSIX || newestVsix(join(root, 'apps', 'vscode'));
    mkdirSync(shots, { recursive: true });
    const home = await makeHome({ ...quietSettings, 'editor.hover.delay': 300 });
    await installExtension(home, vsix);
    server = await startCodeServer(home);
    console.log(`code-server: ${server.url} (home ${home}, log ${server.log})`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    // A user's own folder, without claimlens.json: nothing is analysed in it.
    parent = mkdtempSync(join(tmpdir(), 'claimlens-e2e-walkthrough-'));
    writeFileSync(join(parent, 'notes.md'), '# Notes\n\nThings to read later.\n');
    await openWorkbench(page, server.url, parent);
  });

  after(async () => {
    try {
      await browser?.close().catch(() => undefined);
    } finally {
      if (server) {
        console.log(`code-server log (tail):\n${tail(server.log, 15)}`);
        await server.stop();
      }
    }
  });

  test(
    'Open Sample Articles, from the walkthrough, copies the samples into a new folder where the user asks and opens it',
    shotOnFailure('open-samples', async () => {
      await runCommand(page, 'claimlens: Get Started');
      const walkthrough = page.locator('.gettingStartedContainer').first();
      await walkthrough.waitFor({ state: 'visible', timeout: 20_000 });
      await walkthrough.getByText('Open a folder of articles').first().click();
      const button = walkthrough.getByRole('button', { name: 'Open Sample Articles' }).first();
      await button.waitFor({ state: 'visible', timeout: 10_000 });
      await screenshot('walkthrough-first-step');
      await button.click();
      // code-server asks for the folder in its own dialog: a path box with the workspace folder in it.
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`${parent}/`);
      await screenshot('pick-folder');
      await page.keyboard.press('Enter');
      made = join(parent, 'claimlens-samples');
      // The window opens the new folder: its explorer lists the samples.
      await poll(
        async () => {
          const url = decodeURIComponent(page.url());
          if (!url.includes('claimlens-samples')) {
            // Still in the dialog: Enter on a folder may first open it; accept it once more.
            if (await input.isVisible().catch(() => false)) await page.keyboard.press('Enter');
            return false;
          }
          return page
            .locator('.explorer-folders-view .monaco-list-row', { hasText: articles[0] })
            .first()
            .isVisible()
            .catch(() => false);
        },
        { timeoutMs: 90_000, intervalMs: 1_000, what: 'the window to open the folder of samples' },
      );
      await screenshot('samples-opened');
      const copied = readdirSync(made).sort();
      console.log(`samples copied into ${made}: ${copied.join(', ')}`);
      assert.deepEqual(copied, sampleFiles);
      for (const name of sampleFiles) {
        assert.equal(readFileSync(join(made, name), 'utf8'), readFileSync(join(samples, name), 'utf8'), name);
      }
    }),
  );

  test(
    'the samples analyse: a hover lists other sources, the Problems panel names a dispute, the explorer lists events',
    shotOnFailure('samples-analysed', async () => {
      assert.ok(made, 'the samples were not opened');
      await openFile(page, articles[0], { debugShot: join(shots, 'open-failed.png') });
      const status = await waitForCorpus(page);
      console.log(`status: ${status}`);
      // The hover step: a claim's hover lists what other sources say about its event.
      const claimColours = await contributedColours(/claim|cue|quote|source|content|contradict/i);
      let shown = '';
      /** @type {string[]} */
      const tried = [];
      for (const name of articles) {
        if (shown) break;
        await closeWidgets(page);
        await openFile(page, name, { debugShot: join(shots, `open-failed-${name}.png`) });
        const found = await poll(
          async () => {
            const all = await highlights(page, claimColours);
            return all.filter((h) => h.color !== '' && h.box.width >= 8).length > 0 ? all : false;
          },
          { timeoutMs: 30_000, intervalMs: 500, what: `claim highlights in ${name}` },
        ).catch(() => []);
        const seen = new Set();
        for (const claim of found.filter((h) => h.color !== '' && h.box.width >= 8)) {
          const key = claim.text.slice(0, 20);
          if (seen.has(key) || seen.size >= 8) continue;
          seen.add(key);
          const text = await hoverText(page, claim.box);
          tried.push(`${name} ${JSON.stringify(claim.text.slice(0, 40))}: ${text.split('\n')[0]?.slice(0, 60) ?? ''}`);
          if (otherSources(text) > 0) {
            shown = text;
            console.log(`hover in ${name}:\n${text}`);
            await scrollHoverTo(page, /Other sources on this event/i);
            await screenshot('hover');
            break;
          }
        }
      }
      assert.ok(shown, `no claim's hover listed other sources; tried:\n${tried.join('\n')}`);
      // The dispute step: the Problems panel names a dispute between the samples.
      await closeWidgets(page);
      const rows = await problems(page, (list) => list.some((row) => /disputed/i.test(row)), 120_000);
      console.log(`Problems (${rows.length} rows):\n${rows.slice(0, 12).join('\n')}`);
      await screenshot('dispute');
      assert.ok(
        rows.some((row) => /disputed/i.test(row)),
        `no dispute in the Problems panel:\n${rows.join('\n')}`,
      );
      // The explorer step: the claimlens view lists events that several samples report.
      await runCommand(page, 'View: Hide Panel').catch(() => page.keyboard.press('Escape'));
      await showClaimlensViews(page);
      const events = await viewRows(page, 'Events', (list) => list.length > 0);
      console.log(
        `Events view: ${events
          .slice(0, 8)
          .map((row) => row.text)
          .join(' | ')}`,
      );
      await screenshot('explorer');
      assert.ok(events.length > 0, 'the Events view lists no event');
    }),
  );
});

/**
 * Colour ids the installed extension contributes whose names match, read from its manifest.
 *
 * @param {RegExp} pattern
 * @returns {Promise<string[]>}
 */
async function contributedColours(pattern) {
  const manifest = JSON.parse(readFileSync(join(root, 'apps', 'vscode', 'package.json'), 'utf8'));
  return (manifest.contributes?.colors ?? [])
    .map((/** @type {{id: string}} */ color) => color.id)
    .filter((/** @type {string} */ id) => pattern.test(id.replace(/^[^.]*\./, '')));
}

/**
 * How many other sources a hover lists under "Other sources on this event".
 *
 * @param {string} text
 */
function otherSources(text) {
  const at = text.search(/Other sources on this event/i);
  if (at < 0) return 0;
  return text
    .slice(at)
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/none yet|updating|^(View Problem|Quick Fix|No quick fixes)/i.test(line)).length;
}

/** @param {string} folder */
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
