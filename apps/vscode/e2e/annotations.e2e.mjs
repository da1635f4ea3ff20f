/**
 * End-to-end test of human annotations in a real VS Code (code-server driven by Chromium), on a copy of two seed
 * articles in a temporary folder: select a span and tag it; reject a machine span; reload the window; edit text
 * above both; check that both still hold in the editor, and that the command line sees them. Then remove an
 * annotation and take the removal back and redo it with the editor's undo and redo keys, among text edits; accept a
 * machine span; link a mention to a new entity and unlink it; mark a claim from one selection, picking its source
 * and cue words; and check what the command line sees.
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
import { goToLine, runCommand, showClaimlensViews, viewRows } from './lib/views.mjs';
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
/** Two more machine actors named once (to accept, and to link and unlink), and a machine claim to mark by hand. */
let accepted = { text: '', line: 0, column: 0 };
let linked = { text: '', line: 0, column: 0 };
/** @type {ReturnType<typeof claimToMark>} */
let claim;
/** Lines the edit above added (the third test), to find the spans after it. */
let added = 0;

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

/**
 * The input of the quick pick or input box whose title holds `title`, once it shows (the command palette's input
 * stays visible for a moment after a command runs, and a fill then lands in it).
 *
 * @param {string} title
 */
async function pickInput(title) {
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: title })
    .first()
    .waitFor({ state: 'visible' });
  return page.locator('.quick-input-widget input').first();
}

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
    const [toAccept, toLink] = machine.mentions.filter(
      (m) => m.type === 'actor' && once(m.text) && m.text !== actor.text && m.text !== word[0],
    );
    assert.ok(toAccept && toLink, 'expected two more actors named once in the first seed');
    accepted = { text: toAccept.text, ...lineColumn(text, toAccept.start) };
    linked = { text: toLink.text, ...lineColumn(text, toLink.start) };
    claim = claimToMark(machine, text);
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
    const input = await pickInput('as an actor');
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
    added = 2;
  });

  test("remove an annotation; the editor's undo and redo keys take the removal back and do it again, among text edits", async () => {
    await closeWidgets(page);
    const human = (/** @type {boolean} */ on) => (/** @type {Awaited<ReturnType<typeof highlights>>} */ found) =>
      painted(found, 'claimlens.humanBorder', tagged.text) === on;
    await goToLine(page, tagged.line + added, tagged.column + 1);
    await runCommand(page, 'claimlens: Remove Human Annotation');
    await waitForHighlights(human(false), `"${tagged.text}" no longer drawn as a human annotation`);
    await screenshot('removed');
    await page.keyboard.press('Control+Z');
    await waitForHighlights(human(true), `Ctrl+Z: "${tagged.text}" drawn as a human annotation again`);
    await page.keyboard.press('Control+Shift+Z');
    await waitForHighlights(human(false), `Ctrl+Shift+Z: "${tagged.text}" removed again`);
    // A text edit after the removal: the first Ctrl+Z takes the text back, the second the removal.
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed.');
    await poll(async () => (await page.locator('.view-lines').innerText()).includes('Typed.'), {
      timeoutMs: 10_000,
      intervalMs: 200,
      what: 'the typed text',
    });
    await page.keyboard.press('Control+Z');
    await poll(async () => !(await page.locator('.view-lines').innerText()).includes('Typed.'), {
      timeoutMs: 10_000,
      intervalMs: 200,
      what: 'Ctrl+Z to take the typed text back',
    });
    assert.ok(human(false)(await highlights(page, colours)), 'the first Ctrl+Z undid the removal, not the typing');
    await page.waitForTimeout(1_000);
    await page.keyboard.press('Control+Z');
    await waitForHighlights(human(true), `second Ctrl+Z: "${tagged.text}" drawn as a human annotation again`);
    await screenshot('removal-undone');
    assert.ok(
      readFileSync(join(workspace, article), 'utf8').startsWith('UPDATE:'),
      'Ctrl+Z undid the saved edit above',
    );
  });

  test('accept a machine span: it is drawn as a human annotation', async () => {
    await closeWidgets(page);
    await goToLine(page, accepted.line + added, accepted.column + 1);
    await runCommand(page, "claimlens: Accept the Machine's Annotation Here");
    await waitForHighlights(
      (found) =>
        painted(found, 'claimlens.humanBorder', accepted.text) &&
        painted(found, 'claimlens.actorBackground', accepted.text),
      `"${accepted.text}" drawn as an accepted (human) actor`,
    );
    await screenshot('accepted');
  });

  test('link a mention to a new entity, then unlink it: the Annotations view says which entity', async () => {
    await closeWidgets(page);
    await goToLine(page, linked.line + added, linked.column + 1);
    await runCommand(page, 'claimlens: Link Mention to an Entity…');
    const input = await pickInput('link this mention to');
    await input.fill('New entity');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New entity' }).first().click();
    const entity = `${linked.text} (linked by hand)`;
    await (await pickInput('the new entity')).fill(entity);
    await page.keyboard.press('Enter');
    await showClaimlensViews(page);
    const linkedRow = await viewRows(page, 'Annotations', (rows) =>
      rows.some((row) => row.label.includes(linked.text) && row.description.includes(`→ ${entity}`)),
    );
    await screenshot('linked');
    assert.ok(
      linkedRow.some((row) => row.description.includes(`→ ${entity}`)),
      `the Annotations view does not show "${linked.text}" linked to "${entity}":\n${linkedRow.map((r) => `${r.label} ${r.description}`).join('\n')}`,
    );
    await goToLine(page, linked.line + added, linked.column + 1);
    await runCommand(page, 'claimlens: Unlink Mention from Its Entity');
    // Unlinked, the mention is an entity of its own, named by all its words.
    const unlinkedRow = await viewRows(page, 'Annotations', (rows) =>
      rows.some((row) => row.label.includes(linked.text) && row.description.includes(`→ ${linked.text} ·`)),
    );
    await screenshot('unlinked');
    assert.ok(
      unlinkedRow.some((row) => row.description.includes(`→ ${linked.text} ·`)),
      `the Annotations view does not show "${linked.text}" as an entity of its own:\n${unlinkedRow.map((r) => `${r.label} ${r.description}`).join('\n')}`,
    );
  });

  test('mark a claim from one selection, picking its source and cue words: the file and the command line have them', async () => {
    await closeWidgets(page);
    const { content } = claim;
    await goToLine(page, content.line + added, content.column);
    for (let i = 0; i < content.text.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await runCommand(page, 'claimlens: Mark a Claim…');
    /** Tick each word (told apart by the text after it) in the open multi-select pick, then accept it. */
    const tick = async (/** @type {{ word: string, after: string }[]} */ words, /** @type {string} */ name) => {
      const input = await pickInput(`the ${name}`);
      for (const { word, after } of words) {
        await input.fill(word);
        const label = new RegExp(`^${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: after })
          .filter({ has: page.locator('.label-name', { hasText: label }) })
          .first()
          .click();
      }
      await input.fill('');
      await screenshot(`claim-${name}-picked`);
      await page.keyboard.press('Enter');
    };
    await tick(claim.source, 'source');
    await tick(claim.cue, 'cue');
    await (await pickInput('its stance')).fill('assert');
    await page.keyboard.press('Enter');
    const file = join(workspace, '.claimlens', 'annotations', `${article}.jsonld`);
    const marked = await poll(
      () => {
        const items = JSON.parse(readFileSync(file, 'utf8')).items;
        return items.find((item) => item.target.selector.some((s) => s.exact === content.text)) ?? false;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'the claim in the annotations file' },
    );
    const part = (/** @type {string} */ role) =>
      marked.body.find((b) => b.role === role)?.selector.find((s) => s.type === 'TextQuoteSelector')?.exact;
    console.log(`marked claim: source ${JSON.stringify(part('source'))}, cue ${JSON.stringify(part('cue'))}`);
    assert.equal(part('source'), claim.sourceText);
    assert.equal(part('cue'), claim.cueText);
    await screenshot('claim-marked');

    const corpus = analyzeWithCli();
    const ours = corpus.claims.find((c) => c.content.text === content.text && c.content.origin === 'human');
    assert.ok(ours, 'the command line does not see the claim marked by hand');
    assert.equal(ours.cue?.text, claim.cueText);
    const mentions = corpus.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e })));
    const human = (/** @type {string} */ text) => mentions.find((m) => m.text === text && m.origin === 'human');
    assert.ok(human(accepted.text), `the command line does not see "${accepted.text}" as accepted by hand`);
    assert.ok(human(linked.text), `the command line does not see "${linked.text}" as linked by hand`);
  });
});

/**
 * A machine claim of the article to mark again by hand: its content on one line, its source and cue in the same
 * sentence outside it. Each of the source and the cue is given by its first and last words, each with the text
 * that follows it (to tell a repeated word apart in the pick).
 *
 * @param {{ claims: { source: {text: string, start: number} | null, cue: {text: string, start: number} | null, content: {text: string, start: number, end: number} }[] }} machine
 * @param {string} text
 */
function claimToMark(machine, text) {
  const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
  /** @param {{text: string, start: number}} span */
  const ends = (span) => {
    const found = [...span.text.matchAll(wordPattern)];
    const pick = [found[0], found.at(-1)].filter((m, i, all) => m && all.indexOf(m) === i);
    return pick.map((m) => {
      const start = span.start + (m?.index ?? 0);
      return { word: m?.[0] ?? '', after: text.slice(start, start + (m?.[0].length ?? 0) + 12).replace(/\s+/g, ' ') };
    });
  };
  for (const c of machine.claims) {
    if (!c.source || !c.cue || c.content.text.includes('\n')) continue;
    const spans = [c.source, c.cue].map((p) => ({ start: p.start, end: p.start + p.text.length }));
    const from = Math.min(c.content.start, ...spans.map((p) => p.start));
    const to = Math.max(c.content.end, ...spans.map((p) => p.end));
    // One sentence: no sentence end or line break between the parts, outside the content.
    const outside = text.slice(from, c.content.start) + ' ' + text.slice(c.content.end, to);
    if (/[.!?][”"’')\]]*\s|\n/.test(outside)) continue;
    if (spans.some((p) => p.start < c.content.end && c.content.start < p.end)) continue;
    return {
      content: { text: c.content.text, ...lineColumn(text, c.content.start) },
      source: ends(c.source),
      cue: ends(c.cue),
      sourceText: c.source.text,
      cueText: c.cue.text,
    };
  }
  throw new Error('Expected a machine claim with its source and cue in its sentence in the first seed');
}

/** @param {string} folder */
function newestVsix(folder) {
  const packages = readdirSync(folder)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!packages[0]) throw new Error(`Expected a .vsix in ${folder}: run \`npm run package -w claimlens-vscode\` first`);
  return packages[0];
}
