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
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { installExtension, makeHome, quietSettings, startCodeServer, tail } from './lib/code-server.mjs';
import { poll } from './lib/poll.mjs';
import {
  cursor,
  goToLine,
  listRows,
  problemRows,
  referencesPeek,
  runCommand,
  scrollToRow,
  showClaimlensViews,
  viewPane,
  viewRows,
  widenSideBar,
} from './lib/views.mjs';
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
/** The seed texts as on disk, by file name. */
const seedTexts = new Map(seedFiles.map((name) => [name, readFileSync(join(seeds, name), 'utf8')]));

/** User settings that keep the workbench quiet and the text visible, hovers quick. */
const settings = { ...quietSettings, 'editor.hover.delay': 300 };

/** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** The code-server home: the extension is installed under it, so its server processes name it. */
let home = '';
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

/**
 * A test body that saves a screenshot named after `name` when it fails, then fails as it did.
 *
 * @param {string} name
 * @param {() => Promise<void>} body
 * @returns {() => Promise<void>}
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

describe('claimlens in VS Code (code-server + Chromium)', { timeout: 20 * 60_000 }, () => {
  before(async () => {
    const vsix = process.env.CLAIMLENS_VSIX || newestVsix(join(root, 'apps', 'vscode'));
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    console.log(`screenshots folder: ${shots}`);
    console.log(`vsix: ${vsix}`);
    home = await makeHome(settings);
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

  test('the Problems panel lists disputes between sources', async () => {
    await waitForCorpus(page);
    await closeWidgets(page);
    const rows = await problems(page, (list) => list.some((row) => /disputed/i.test(row)), 120_000);
    console.log(`Problems panel (${rows.length} rows):\n${indent(rows.slice(0, 25).join('\n'))}`);
    await screenshot('problems');
    assert.ok(
      rows.some((row) => /disputed/i.test(row)),
      `no row of the Problems panel names a dispute; rows:\n${rows.join('\n')}`,
    );
  });
  test(
    'the claimlens explorer lists actors, places and events with their claims by outlet',
    shotOnFailure('explorer', async () => {
      const actors = await actorsOfFirstSeed();
      console.log(
        `Actors (${actors.length} rows): ${actors
          .slice(0, 8)
          .map((row) => JSON.stringify(shown(row)))
          .join(', ')}`,
      );
      const places = await viewRows(page, 'Places', (rows) => rows.some((row) => row.level === 1));
      console.log(
        `Places (${places.length} rows): ${places
          .slice(0, 8)
          .map((row) => JSON.stringify(shown(row)))
          .join(', ')}`,
      );
      // A disputed event that two or more outlets report ("1 dispute · 5 claims · 2 outlets · movement").
      /** @param {import('./lib/views.mjs').Row[]} rows */
      const contradicted = (rows) =>
        rows.find(
          (row) =>
            row.level === 1 &&
            /\d+ disputes?\b/.test(row.description) &&
            /\b([2-9]|\d{2,}) outlets\b/.test(row.description),
        );
      let events = await viewRows(page, 'Events', (rows) => contradicted(rows) !== undefined);
      const event = contradicted(events);
      assert.ok(
        event,
        `no event of two or more outlets in the Events view is marked as disputed; rows:\n${rowList(events)}`,
      );

      // Open the event (its twistie: a click on the label opens its first mention instead).
      const pane = viewPane(page, 'Events');
      await scrollToRow(page, pane.locator('.monaco-list').first(), event.index);
      if (!event.expanded)
        await pane.locator(`.monaco-list-row[data-index="${event.index}"] .monaco-tl-twistie`).first().click();
      // Read on until two outlets and a disputed claim show, or the event's rows end.
      events = await viewRows(page, 'Events', (rows) => {
        const rowsUnder = children(rows, event.index);
        const shown =
          rowsUnder.filter((row) => row.level === 2 && /^\d+ claims?$/.test(row.description)).length >= 2 &&
          rowsUnder.some((row) => row.level === 3 && /disputed/.test(row.description));
        // The rows below the event count only once it has opened (under load the click paints late).
        return shown || (rowsUnder.length > 0 && rows.some((row) => row.index > event.index && row.level === 1));
      });
      const under = children(events, event.index);
      console.log(`Event ${JSON.stringify(shown(event))}:\n${indent(rowList(under))}`);
      // The default side bar cuts long rows; a journalist would widen it to read the claims.
      console.log(`side bar widened to ${await widenSideBar(page, 620)} px`);
      await scrollToRow(page, pane.locator('.monaco-list').first(), event.index);
      await screenshot('explorer');
      // The event's disputes come first, each once with its positions ("Disputed: what" — “a” vs “b”), then its
      // claims grouped by outlet.
      const disputes = under.filter((row) => row.level === 2 && /^(Disputed|Updated|Differ)/.test(row.label));
      const outlets = under.filter((row) => row.level === 2 && !disputes.includes(row));
      assert.ok(
        disputes.length > 0 && disputes.every((row) => /“.*” vs “.*”/.test(row.description)),
        `expected the event's disputes, each naming its positions ("Disputed: … “a” vs “b”"), not:\n${rowList(under)}`,
      );
      assert.ok(
        outlets.length >= 2 && outlets.every((row) => /^\d+ claims?$/.test(row.description)),
        `expected the event's claims grouped under two or more outlets ("<outlet> N claims"), not:\n${rowList(under)}`,
      );
      assert.ok(
        under.some((row) => row.level === 3 && /disputed/.test(row.description)),
        `no claim under the event is marked "disputed":\n${rowList(under)}`,
      );

      const actor = actors.find((row) => widelySeen(row) !== undefined);
      assert.ok(actor, `no person of the Actors view is counted in two or more articles; rows:\n${rowList(actors)}`);
      const name = actor.label;
      const inSeeds = seedFiles.filter((file) => seedTexts.get(file)?.includes(lastWord(name)));
      assert.ok(
        inSeeds.length >= 2,
        `the Actors view counts ${name} in several articles, the seeds name them in ${inSeeds}`,
      );
      const place = places.find((row) => row.level === 1);
      assert.ok(place, 'the Places view lists no place');
      const placeName = place.label;
      assert.ok(
        seedFiles.some((file) => seedTexts.get(file)?.includes(placeName)),
        `the Places view lists ${JSON.stringify(placeName)}, which no seed spells`,
      );

      // A click on the actor opens an editor with the actor's name selected.
      const actorsPane = viewPane(page, 'Actors');
      await scrollToRow(page, actorsPane.locator('.monaco-list').first(), actor.index);
      await actorsPane.locator(`.monaco-list-row[data-index="${actor.index}"] .label-name`).first().click();
      /** @type {string | undefined} */
      let selected;
      await poll(
        async () => {
          selected = selectedText(await activeFile(), await cursor(page));
          return selected !== undefined && sameName(selected, name);
        },
        { timeoutMs: 30_000, intervalMs: 300, what: `an editor with ${name} selected` },
      ).catch(() => undefined);
      await screenshot('explorer-actor-revealed');
      assert.ok(
        selected !== undefined && sameName(selected, name),
        `a click on ${name} in the Actors view selected ${JSON.stringify(selected)} in ${await activeFile()}`,
      );
    }),
  );

  test(
    'Go to Definition on a surname jumps to the full name; Find All References lists several articles',
    shotOnFailure('definition', async () => {
      const actors = await actorsOfFirstSeed();
      // A person named in full and, somewhere else, by surname alone ("said Smith"): the surname is a mention
      // that Go to Definition takes to the full name.
      const surname = actors
        .filter((row) => widelySeen(row) !== undefined && /\s/.test(row.label))
        .map((row) => ({ name: row.label, at: surnameAlone(row.label) }))
        .find((found) => found.at !== undefined);
      assert.ok(
        surname?.at,
        `no person of the Actors view is named by surname alone in a seed; rows:\n${rowList(actors)}`,
      );
      const { name } = surname;
      const { file, line, column } = surname.at;
      const word = lastWord(name);
      console.log(`surname ${JSON.stringify(word)} alone: ${file} line ${line}, column ${column}`);

      await openFile(page, file, { debugShot: join(shots, `open-failed-${file}.png`) });
      await goToLine(page, line, column + 1);
      await page.keyboard.press('F12');
      /** @type {{file: string, line: number, column: number} | undefined} */
      let target;
      await poll(
        async () => {
          const at = await cursor(page);
          const where = await activeFile();
          if (!at || (where === file && at.line === line && at.column === column + 1)) return false;
          target = { file: where, line: at.line, column: at.column - at.selected };
          return true;
        },
        { timeoutMs: 30_000, intervalMs: 300, what: 'Go to Definition to move the cursor' },
      ).catch(() => undefined);
      await screenshot('definition');
      assert.ok(target, `F12 on ${JSON.stringify(word)} (${file}:${line}:${column}) did not move the cursor`);
      const text = seedTexts.get(target.file) ?? '';
      const offset = offsetOf(text, target.line, target.column);
      const there = text.slice(offset, offset + name.length + 20);
      console.log(`definition: ${target.file} line ${target.line}, column ${target.column}: ${JSON.stringify(there)}`);
      assert.ok(
        sameName(there.slice(0, name.length), name),
        `F12 on ${JSON.stringify(word)} went to ${target.file}:${target.line}:${target.column} (${JSON.stringify(there)}), not to ${name}`,
      );
      const expected = seedTexts.get(file)?.includes(name)
        ? file
        : seedFiles.find((f) => seedTexts.get(f)?.includes(name));
      assert.equal(target.file, expected, `the first full-name mention of ${name} is in ${expected}`);
      assert.equal(
        text.indexOf(name),
        offset,
        `F12 went to a later mention of ${name} in ${target.file}, not the first`,
      );

      await openFile(page, file, { debugShot: join(shots, `open-failed-${file}.png`) });
      await goToLine(page, line, column + 1);
      await page.keyboard.press('Shift+F12');
      const peek = await referencesPeek(page);
      const files = [...new Set(peek.rows.map((row) => /\S+\.(?:txt|md)\b/.exec(row.text)?.[0]).filter(Boolean))];
      console.log(`references peek ${JSON.stringify(peek.title)}: ${rowList(peek.rows)}`);
      await screenshot('references');
      await page.keyboard.press('Escape');
      assert.ok(
        files.length >= 2,
        `Shift+F12 on ${JSON.stringify(word)} listed mentions in ${files.length} file(s), expected several:\n${rowList(peek.rows)}`,
      );
    }),
  );

  test(
    'the Problems panel links a dispute between two speakers of one article to the same file',
    shotOnFailure('problems-same-article', async () => {
      await openFile(page, seedFiles[0], { debugShot: join(shots, `open-failed-${seedFiles[0]}.png`) });
      await waitForCorpus(page);
      await closeWidgets(page);
      const rows = await problemRows(page, (list) => sameArticle(list).length > 0, 60_000);
      const all = sameArticle(await listRows(page, page.locator('.markers-panel .monaco-list').first()));
      console.log(`disputes with related information in their own file: ${all.length}`);
      // Show one side's account against the other side's denial when there is one, else any.
      const found =
        all.find((item) => /whether it happened/i.test(item.problem.text)) ?? all[0] ?? sameArticle(rows)[0];
      if (found) {
        console.log(
          `same-article dispute in ${found.file}:\n${indent(`${found.problem.text}\n${found.related.text}`)}`,
        );
        await scrollToRow(page, page.locator('.markers-panel .monaco-list').first(), found.problem.index);
      }
      await screenshot('problems-same-article');
      assert.ok(
        found,
        `no dispute in the Problems panel has related information in its own file; rows:\n${rowList(rows.slice(0, 40))}`,
      );
    }),
  );

  test(
    'the story board, timeline and map open as webviews that draw the workspace',
    shotOnFailure('story-views', async () => {
      await waitForCorpus(page);
      await closeWidgets(page);
      // Room for the views, as a reader would make it.
      for (const label of ['View: Close Primary Side Bar', 'View: Hide Panel'])
        await runCommand(page, label).catch(() => page.keyboard.press('Escape'));
      const outlets = Object.values(JSON.parse(readSeed('claimlens.json')).articles)
        .map((article) => article.outlet)
        .filter(Boolean);
      for (const [title, selector] of [
        ['Show Story Board', '.board-outlet'],
        ['Show Timeline', 'svg.timeline .mark'],
        ['Show Map', 'svg.map [data-place]'],
      ]) {
        await runCommand(page, `claimlens: ${title}`);
        /** @type {string[]} */
        let found = [];
        await poll(
          async () => {
            found = await inWebviews(selector);
            return found.length > 0;
          },
          { timeoutMs: 60_000, intervalMs: 500, what: `${selector} in the ${title} webview` },
        ).catch(() => undefined);
        console.log(
          `${title}: ${found.length} × ${selector}${selector === '.board-outlet' ? `: ${found.join(', ')}` : ''}`,
        );
        await screenshot(
          `story-${title
            .replace(/^Show /, '')
            .replace(/\s+/g, '-')
            .toLowerCase()}`,
        );
        assert.ok(found.length > 0, `the ${title} webview drew no ${selector}`);
        if (selector === '.board-outlet') {
          for (const outlet of outlets) assert.ok(found.includes(outlet), `the story board has no column ${outlet}`);
          // A click on a claim opens its article with the claim's words selected.
          const claim = await firstInWebviews('.board-cell .claim');
          assert.ok(claim, 'the story board shows no claim to click');
          const said = (await claim.locator('.said').textContent())?.replace(/…$/, '').trim() ?? '';
          await claim.click();
          /** @type {string | undefined} */
          let selected;
          await poll(
            async () => {
              selected = selectedText(await activeFile(), await cursor(page));
              return selected !== undefined && sameName(selected.slice(0, 20), said.slice(0, 20));
            },
            { timeoutMs: 30_000, intervalMs: 300, what: 'an editor with the clicked claim selected' },
          ).catch(() => undefined);
          console.log(
            `clicked claim ${JSON.stringify(said.slice(0, 60))}: selected ${JSON.stringify(selected?.slice(0, 60))} in ${await activeFile()}`,
          );
          await screenshot('story-board-claim-opened');
          assert.ok(
            selected !== undefined && sameName(selected.slice(0, 20), said.slice(0, 20)),
            `a click on the claim ${JSON.stringify(said)} selected ${JSON.stringify(selected)}`,
          );
          // The panel asked the extension for the claim's passage, and shows it with the claim's words marked.
          /** @type {string[]} */
          let marked = [];
          await poll(
            async () => {
              marked = await inWebviews('.detail .passage mark');
              return marked.length > 0;
            },
            { timeoutMs: 30_000, intervalMs: 300, what: "the claim's passage beside the story board" },
          ).catch(() => undefined);
          console.log(`passage beside the board marks ${JSON.stringify(marked[0]?.slice(0, 60))}`);
          assert.ok(
            marked.length > 0 && sameName(marked[0].slice(0, 20), said.slice(0, 20)),
            `the passage beside the board marks ${JSON.stringify(marked[0])}, not the claim ${JSON.stringify(said)}`,
          );
        }
      }
      // The map in light, dark and high-contrast themes (picked as a user does): land, water and borders must
      // stand apart in each. From the default light theme, each switch changes the land's colour: wait for it.
      let previous = (await mapContrast())?.land;
      for (const theme of ['Dark 2026', 'Dark High Contrast', 'Light High Contrast', 'Light 2026']) {
        await runCommand(page, 'Preferences: Color Theme');
        const input = page.locator('.quick-input-widget input').first();
        await input.waitFor({ state: 'visible' });
        await input.fill(theme);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor();
        await page.keyboard.press('Enter');
        const highContrast = theme.includes('High Contrast');
        /** @type {Awaited<ReturnType<typeof mapContrast>>} */
        let contrast;
        await poll(
          async () => {
            contrast = await mapContrast();
            return contrast !== undefined && contrast.land !== previous;
          },
          { timeoutMs: 30_000, intervalMs: 500, what: `the map webview in the theme ${theme}` },
        ).catch(() => undefined);
        previous = contrast?.land;
        await page.waitForTimeout(500);
        await screenshot(`story-map-${theme.toLowerCase().replace(/\s+/g, '-')}`);
        console.log(`map in ${theme}: ${JSON.stringify(contrast)}`);
        assert.ok(contrast, `no map to measure in the theme ${theme}`);
        // Borders against the land they divide, and (with tints) land against water, by WCAG contrast ratio.
        assert.ok(contrast.bordersOnLand >= (highContrast ? 3 : 1.8), `faint borders in ${theme}`);
        if (!highContrast) assert.ok(contrast.landOnWater >= 1.1, `land and water alike in ${theme}`);
      }
    }),
  );

  test(
    'a README in a folder without claimlens.json starts no analysis until asked; the welcome view says how',
    shotOnFailure('no-config', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'claimlens-e2e-code-'));
      // Text the annotator would mark (names, a reported claim) if it were analysed.
      writeFileSync(
        join(folder, 'README.md'),
        '# Border tool\n\nNATO said on Monday that Russian troops crossed the border into Ukraine near Donetsk.\n',
      );
      writeFileSync(join(folder, 'LICENSE.txt'), 'MIT License\n\nCopyright (c) the authors of Border tool.\n');
      const before = serverProcesses();
      const other = await /** @type {import('playwright-core').Browser} */ (browser).newPage({
        viewport: { width: 1400, height: 900 },
      });
      try {
        await openWorkbench(other, server.url, folder);
        await openFile(other, 'README.md', { debugShot: join(shots, 'open-failed-README.png') });
        // Long enough for an analysis to start and paint if one were started (the seeds' first one paints in seconds).
        await other.waitForTimeout(10_000);
        const all = [...colors.actor, ...colors.place, ...colors.claim];
        const painted = await highlights(other, all);
        const statusText = await other.locator('.statusbar').innerText();
        console.log(
          `README window: ${serverProcesses() - before} new server processes, ${painted.length} highlights, status bar: ${JSON.stringify(statusText.replace(/\s+/g, ' '))}`,
        );
        assert.equal(serverProcesses(), before, 'opening a README started a claimlens language server');
        assert.deepEqual(painted, [], 'the README has claimlens highlights');
        assert.doesNotMatch(statusText, /\d+ actors?/, 'the status bar shows claimlens counts');
        await showClaimlensViews(other);
        const welcome = await viewPane(other, 'Events').innerText();
        console.log(`welcome view: ${JSON.stringify(welcome.replace(/\s+/g, ' '))}`);
        await other.screenshot({ path: join(shots, `${String(++shotCount).padStart(2, '0')}-welcome-no-config.png`) });
        assert.match(welcome, /claimlens\.json/);
        assert.match(welcome, /Analyse Workspace/);
        // Asked: the analysis starts and the README is highlighted.
        await runCommand(other, 'claimlens: Analyse Workspace');
        const started = await poll(async () => (await highlights(other, all)).length > 0, {
          timeoutMs: 120_000,
          intervalMs: 1_000,
          what: 'highlights in README.md after Analyse Workspace',
        }).catch(() => false);
        console.log(`after Analyse Workspace: ${serverProcesses() - before} new server processes`);
        await other.screenshot({
          path: join(shots, `${String(++shotCount).padStart(2, '0')}-analysed-on-request.png`),
        });
        assert.ok(started, 'Analyse Workspace did not start the analysis');
        await runCommand(other, 'claimlens: Get Started');
        await other
          .locator('.gettingStartedContainer')
          .first()
          .waitFor({ state: 'visible', timeout: 20_000 })
          .catch(() => undefined);
        await other.waitForTimeout(1_500);
        await other.screenshot({ path: join(shots, `${String(++shotCount).padStart(2, '0')}-walkthrough.png`) });
        const walkthrough = await other
          .locator('.gettingStartedContainer')
          .first()
          .innerText()
          .catch(() => '');
        console.log(`walkthrough: ${JSON.stringify(walkthrough.replace(/\s+/g, ' ').slice(0, 300))}`);
        assert.match(walkthrough, /Hover over a claim/);
        assert.match(walkthrough, /Open Sample Articles/);
        // Turned on for the folder, then off again: the analysis stops at once, with no reload.
        mkdirSync(join(folder, '.vscode'), { recursive: true });
        const analyse = (/** @type {boolean} */ on) =>
          writeFileSync(
            join(folder, '.vscode', 'settings.json'),
            `${JSON.stringify({ 'claimlens.workspace.analyse': on })}\n`,
          );
        analyse(true);
        await other.waitForTimeout(3_000);
        analyse(false);
        const stopped = await poll(
          async () => serverProcesses() === before && (await highlights(other, all)).length === 0,
          {
            timeoutMs: 60_000,
            intervalMs: 1_000,
            what: 'no server and no highlights after the setting was turned off',
          },
        ).catch(() => false);
        const statusAfter = await other.locator('.statusbar').innerText();
        console.log(
          `after turning claimlens.workspace.analyse off: ${serverProcesses() - before} new server processes, ${(await highlights(other, all)).length} highlights, status bar: ${JSON.stringify(statusAfter.replace(/\s+/g, ' '))}`,
        );
        await other.screenshot({ path: join(shots, `${String(++shotCount).padStart(2, '0')}-analysis-off.png`) });
        assert.ok(stopped, 'turning the setting off did not stop the analysis without a reload');
        assert.doesNotMatch(statusAfter, /\d+ actors?/, 'the status bar still shows claimlens counts');
      } finally {
        await other.close().catch(() => undefined);
        rmSync(folder, { recursive: true, force: true });
      }
    }),
  );
});

/** How many claimlens language servers run from this test's code-server home. */
function serverProcesses() {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(home) && line.includes('server.cjs')).length;
}

/**
 * The text of every element matching `selector` in the workbench's webviews (each is an iframe in an iframe).
 *
 * @param {string} selector
 * @returns {Promise<string[]>}
 */
async function inWebviews(selector) {
  /** @type {string[]} */
  const found = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const texts = await frame
      .locator(selector)
      .evaluateAll((elements) => elements.map((element) => element.textContent?.trim() ?? ''))
      .catch(() => []);
    found.push(...texts);
  }
  return found;
}

/**
 * The first element matching `selector` in the workbench's webviews, or undefined.
 *
 * @param {string} selector
 */
async function firstInWebviews(selector) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const found = frame.locator(selector).first();
    if ((await found.count().catch(() => 0)) > 0) return found;
  }
  return undefined;
}

/**
 * The WCAG contrast ratios of the map's borders against its land and of its land against its water, as drawn
 * (computed colours), and the theme class of the map webview's body.
 */
async function mapContrast() {
  const land = await firstInWebviews('svg.map .land');
  if (!land) return undefined;
  return land.evaluate((element) => {
    const svg = /** @type {Element} */ (element.closest('svg'));
    const colour = (/** @type {string} */ selector, /** @type {'fill' | 'stroke'} */ property) => {
      const found = svg.querySelector(selector);
      return found ? getComputedStyle(found)[property] : '';
    };
    const canvas = document.createElement('canvas').getContext('2d');
    const rgb = (/** @type {string} */ css) => {
      if (!canvas) return [0, 0, 0];
      canvas.fillStyle = '#000';
      canvas.fillStyle = css;
      canvas.fillRect(0, 0, 1, 1);
      return [...canvas.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = (/** @type {string} */ css) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const ratio = (/** @type {string} */ a, /** @type {string} */ b) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return Math.round((((x ?? 0) + 0.05) / ((y ?? 0) + 0.05)) * 100) / 100;
    };
    const landFill = colour('.land', 'fill');
    return {
      body: [...document.body.classList].find((c) => c.startsWith('vscode-')) ?? '',
      land: landFill,
      water: colour('.water', 'fill'),
      borders: colour('.borders', 'stroke'),
      bordersOnLand: ratio(colour('.borders', 'stroke'), landFill),
      landOnWater: ratio(landFill, colour('.water', 'fill')),
    };
  });
}

/** @param {string} name */
function readSeed(name) {
  return readFileSync(join(seeds, name), 'utf8');
}

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

/**
 * Open the first seed, wait for the workspace corpus, show the claimlens views, and return the Actors rows once
 * one of them is an actor seen in several articles.
 *
 * @returns {Promise<import('./lib/views.mjs').Row[]>}
 */
async function actorsOfFirstSeed() {
  await openFile(page, seedFiles[0], { debugShot: join(shots, `open-failed-${seedFiles[0]}.png`) });
  await waitForCorpus(page);
  await closeWidgets(page);
  await showClaimlensViews(page);
  return viewRows(page, 'Actors', (rows) => rows.some((row) => widelySeen(row) !== undefined));
}

/**
 * The article count of a top-level row of the Actors view that is a person counted in two or more articles.
 *
 * @param {import('./lib/views.mjs').Row} row
 * @returns {number | undefined}
 */
function widelySeen(row) {
  const count = Number(/(\d+) articles?$/.exec(row.description)?.[1] ?? 0);
  return row.level === 1 && /^person\b/.test(row.description) && count >= 2 ? count : undefined;
}

/**
 * The rows nested under the row at `index`.
 *
 * @param {import('./lib/views.mjs').Row[]} rows
 * @param {number} index
 */
function children(rows, index) {
  const at = rows.findIndex((row) => row.index === index);
  if (at < 0) return [];
  const end = rows.findIndex((row, i) => i > at && row.level <= rows[at].level);
  return rows.slice(at + 1, end < 0 ? undefined : end);
}

/**
 * Where a seed names a person by surname alone (no capitalised word right before it), 1-based.
 *
 * @param {string} name Full name, e.g. `Jane Q. Smith`.
 * @returns {{file: string, line: number, column: number} | undefined}
 */
function surnameAlone(name) {
  const surname = lastWord(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alone = new RegExp(`(?<!\\p{Lu}[\\p{L}.'’-]*\\s+)(?<![\\p{L}-])${surname}(?![\\p{L}-])`, 'u');
  for (const file of seedFiles) {
    const text = seedTexts.get(file) ?? '';
    const match = alone.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index);
    return { file, line: before.split('\n').length, column: match.index - before.lastIndexOf('\n') };
  }
  return undefined;
}

/**
 * The disputes of the Problems panel whose related information points into their own file. Rows are told
 * apart by what they say (the panel's nesting levels are not reliable once rows are recycled): a file row starts
 * with the file name, a related row with `<file> [Ln …, Col …]`, a problem ends with its `[Ln …, Col …]`.
 *
 * @param {import('./lib/views.mjs').Row[]} rows
 */
function sameArticle(rows) {
  /** @type {Array<{file: string, problem: import('./lib/views.mjs').Row, related: import('./lib/views.mjs').Row}>} */
  const found = [];
  let file = '';
  /** @type {import('./lib/views.mjs').Row | undefined} */
  let problem;
  for (const row of rows) {
    const named = /^(\S+\.(?:txt|md))\b/.exec(row.text)?.[1] ?? '';
    if (named && /^\S+ \[Ln \d+, Col \d+\]/.test(row.text)) {
      if (problem && named === file) found.push({ file, problem, related: row });
      problem = undefined;
    } else if (/\[Ln \d+, Col \d+\]$/.test(row.text)) {
      problem = /disputed/i.test(row.text) ? row : undefined;
    } else if (named) {
      file = named;
      problem = undefined;
    }
  }
  return found;
}

/**
 * The file name of the active editor's tab, or ''.
 *
 * @returns {Promise<string>}
 */
function activeFile() {
  return page
    .evaluate(() => {
      const group = document.querySelector('.editor-group-container.active') ?? document;
      return group.querySelector('.tab.active')?.getAttribute('data-resource-name') ?? '';
    })
    .catch(() => '');
}

/**
 * The seed text selected in a file, given the status bar's position (the selection's end) and count.
 *
 * @param {string} file
 * @param {{line: number, column: number, selected: number} | undefined} at
 */
function selectedText(file, at) {
  const text = seedTexts.get(file);
  if (!text || !at || at.selected === 0) return undefined;
  const end = offsetOf(text, at.line, at.column);
  return text.slice(end - at.selected, end);
}

/**
 * The offset of a 1-based line and column.
 *
 * @param {string} text
 * @param {number} line
 * @param {number} column
 */
function offsetOf(text, line, column) {
  let start = 0;
  for (let i = 1; i < line; i++) start = text.indexOf('\n', start) + 1;
  return start + column - 1;
}

/** @param {string} name */
function lastWord(name) {
  return name.trim().split(/\s+/).at(-1) ?? '';
}

/**
 * @param {string} a
 * @param {string} b
 */
function sameName(a, b) {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** @param {import('./lib/views.mjs').Row[]} rows */
function rowList(rows) {
  return rows.map((row) => `${'  '.repeat(Math.max(0, row.level - 1))}${shown(row)}`).join('\n');
}

/**
 * A row for the log: a tree item's label and description apart (their text runs together), else its text.
 *
 * @param {import('./lib/views.mjs').Row} row
 */
function shown(row) {
  return row.label && row.description ? `${row.label} — ${row.description}` : row.text;
}

/** @param {string} text */
function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
