/**
 * End-to-end test of human annotations in a real VS Code (code-server driven by Chromium), on a copy of two seed
 * articles in a temporary folder: select a span and tag it; reject a machine span; reload the window; edit text
 * above both; check that both still hold in the editor, and that the command line sees them.
 *
 * Needs the tools from `scripts/install-e2e.sh` and a built package (`npm run package -w claimlens-vscode`) and
 * CLI (`npm run build`). Run from the repository root: `node --test apps/vscode/e2e/annotations.e2e.mjs`.
 * Environment as for claimlens.e2e.mjs; screenshots go to `annotations-*.png` in the screenshots folder.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { installExtension, makeHome, quietSettings, startCodeServer, tail } from './lib/code-server.mjs';
import { poll } from './lib/poll.mjs';
import { goToLine, runCommand } from './lib/views.mjs';
import { closeWidgets, highlights, launchChromium, openFile, openWorkbench, waitForCorpus } from './lib/workbench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cli = join(root, 'apps', 'cli', 'bin', 'claimlens.js');
const shots = resolve(process.env.CLAIMLENS_E2E_SCREENSHOTS || join(root, '.e2e', 'screenshots'));
const seedNames = readdirSync(join(root, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .slice(0, 2);
const article = /** @type {string} */ (seedNames[0]);
const colours = ['claimlens.actorBackground', 'claimlens.placeBackground', 'claimlens.humanBorder'];

const settings = { ...quietSettings, 'files.autoSave': 'off' };

/** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let workspace = '';
let shotCount = 0;
/** The word tagged by hand and the machine's actor rejected, each with its 1-based line and column. */
let tagged = { text: '', line: 0, column: 0 };
let rejected = { text: '', line: 0, column: 0 };

/** @param {string} name */
async function screenshot(name) {
  shotCount += 1;
  const path = join(shots, `annotations-${String(shotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path });
  console.log(`screenshot: ${path}`);
}

/** The CLI's JSON for the workspace, as a user would run it. */
function analyzeWithCli() {
  return JSON.parse(
    execFileSync(process.execPath, [cli, 'analyze', workspace, '--format', 'json', '--quiet']).toString(),
  );
}

/** 1-based line and column of an offset. */
function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Highlights whose text is `words`, by colour, once `ready` holds for them (polled).
 *
 * @param {(found: Awaited<ReturnType<typeof highlights>>) => boolean} ready
 * @param {string} what
 */
function waitForHighlights(ready, what) {
  return poll(
    async () => {
      const found = await highlights(page, colours);
      return ready(found) ? found : false;
    },
    { timeoutMs: 90_000, intervalMs: 500, what },
  );
}

const painted = (found, colour, text) => found.some((h) => h.color === colour && h.text.trim() === text);

describe('human annotations in VS Code (code-server + Chromium)', { timeout: 20 * 60_000 }, () => {
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'claimlens-annotations-e2e-'));
    for (const name of seedNames) copyFileSync(join(root, 'seeds', name), join(workspace, name));
    // claimlens analyses a folder that has a claimlens.json (as the seeds have); an empty one changes nothing else.
    writeFileSync(join(workspace, 'claimlens.json'), '{}\n');
    // Pick, from what the machine finds, an actor named once (to reject) and a capitalised word it left untagged.
    const machine = JSON.parse(execFileSync(process.execPath, [cli, 'annotate', join(workspace, article)]).toString());
    const text = readFileSync(join(workspace, article), 'utf8');
    const once = (/** @type {string} */ w) => text.indexOf(w) === text.lastIndexOf(w);
    const actor = machine.mentions.find((m) => m.type === 'actor' && once(m.text) && !/\s/.test(m.text));
    assert.ok(actor, 'expected the machine to find an actor named once by one word in the first seed');
    rejected = { text: actor.text, ...lineColumn(text, actor.start) };
    const word = [...text.matchAll(/\b\p{Lu}\p{Ll}{4,}\b/gu)].find(
      (m) =>
        once(m[0]) && !machine.mentions.some((x) => x.start < (m.index ?? 0) + m[0].length && (m.index ?? 0) < x.end),
    );
    assert.ok(word, 'expected an untagged capitalised word in the first seed');
    tagged = { text: word[0], ...lineColumn(text, word.index ?? 0) };
    console.log(`workspace ${workspace}: tag ${JSON.stringify(tagged)}, reject ${JSON.stringify(rejected)}`);

    const vsix = process.env.CLAIMLENS_VSIX || newestVsix(join(root, 'apps', 'vscode'));
    mkdirSync(shots, { recursive: true });
    const home = await makeHome(settings);
    await installExtension(home, vsix);
    server = await startCodeServer(home);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    await openWorkbench(page, server.url, workspace);
    await openFile(page, article);
    await waitForCorpus(page);
  });

  after(async () => {
    try {
      await browser?.close().catch(() => undefined);
    } finally {
      if (server) {
        console.log(`code-server log (tail):\n${tail(server.log, 15)}`);
        await server.stop();
      }
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  test('select a span and tag it as an actor: it is drawn as a human annotation', async () => {
    await closeWidgets(page);
    await goToLine(page, tagged.line, tagged.column);
    for (let i = 0; i < tagged.text.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await runCommand(page, 'claimlens: Tag as Actor…');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('organization');
    await page.keyboard.press('Enter');
    await waitForHighlights(
      (found) =>
        painted(found, 'claimlens.humanBorder', tagged.text) &&
        painted(found, 'claimlens.actorBackground', tagged.text),
      `"${tagged.text}" drawn as a human actor`,
    );
    await screenshot('tagged');
  });

  test('reject a machine span: its highlight goes', async () => {
    await closeWidgets(page);
    await goToLine(page, rejected.line, rejected.column + 1);
    assert.ok(painted(await highlights(page, colours), 'claimlens.actorBackground', rejected.text));
    await runCommand(page, "claimlens: Reject the Machine's Annotation Here");
    await waitForHighlights(
      (found) => !painted(found, 'claimlens.actorBackground', rejected.text),
      `"${rejected.text}" no longer highlighted`,
    );
    await screenshot('rejected');
  });

  test('reload the window and edit text above both: both still hold, and the command line sees them', async () => {
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await openFile(page, article);
    await waitForCorpus(page);
    await waitForHighlights(
      (found) =>
        painted(found, 'claimlens.humanBorder', tagged.text) &&
        !painted(found, 'claimlens.actorBackground', rejected.text),
      'the annotations after the reload',
    );
    await screenshot('reloaded');
    await closeWidgets(page);
    await goToLine(page, 1, 1);
    await page.keyboard.type('UPDATE: this story was corrected.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    await poll(() => readFileSync(join(workspace, article), 'utf8').startsWith('UPDATE:'), {
      timeoutMs: 20_000,
      intervalMs: 200,
      what: 'the edit saved',
    });
    await waitForHighlights(
      (found) =>
        painted(found, 'claimlens.humanBorder', tagged.text) &&
        painted(found, 'claimlens.actorBackground', tagged.text) &&
        !painted(found, 'claimlens.actorBackground', rejected.text),
      'the annotations after the edit above them',
    );
    await screenshot('edited-above');

    const corpus = analyzeWithCli();
    const mentions = corpus.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type })));
    const ours = mentions.filter((m) => m.origin === 'human');
    assert.deepEqual(
      ours.map((m) => [m.text, m.type]),
      [[tagged.text, 'actor']],
    );
    assert.equal(
      mentions.some((m) => m.text === rejected.text && m.article === article.replace(/\.txt$/, '')),
      false,
      `the CLI still finds the rejected "${rejected.text}"`,
    );
    const file = readFileSync(join(workspace, '.claimlens', 'annotations', `${article}.jsonld`), 'utf8');
    console.log(`annotations file:\n${file}`);
  });
});

/** @param {string} folder */
function newestVsix(folder) {
  const packages = readdirSync(folder)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!packages[0]) throw new Error(`Expected a .vsix in ${folder}: run \`npm run package -w claimlens-vscode\` first`);
  return packages[0];
}
