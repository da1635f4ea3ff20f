/**
 * Read what the workbench's trees show (the claimlens views in the side bar, the Problems panel, the references
 * peek) and where the cursor is, the way a user reads them: row text, nesting level, the status bar's `Ln, Col`.
 *
 * Monaco lists render only the rows in view; `listRows` scrolls a list from top to bottom with the mouse wheel and
 * collects every row once, by its `data-index`.
 */

import { poll, succeeds } from './poll.mjs';

/**
 * @typedef {object} Row
 * @property {number} index Position in the list (0-based).
 * @property {number} level Nesting level in the tree (1 for top-level rows).
 * @property {string} text The rendered text of the row, its parts joined by spaces.
 * @property {string} label The row's label, for rows that have one (tree views, the references peek), else ''.
 * @property {string} description The row's description beside the label, else ''.
 * @property {boolean | null} expanded `aria-expanded`: whether the row is open, `null` for leaves.
 */

/**
 * Show the claimlens container of the activity bar (click its icon, as a user would; the view's focus command
 * when the icon does not answer) and wait until its three views have headers.
 *
 * @param {import('playwright-core').Page} page
 */
export async function showClaimlensViews(page) {
  const header = (/** @type {string} */ name) => viewPane(page, name).locator('.pane-header').first();
  if (await header('Actors').isVisible()) return;
  const icon = page.locator('.activitybar .action-item .action-label[aria-label^="claimlens"]').first();
  await icon.click({ timeout: 10_000 }).catch(() => runCommand(page, 'claimlens: Focus on Actors View'));
  await poll(async () => (await header('Events').isVisible()) && (await header('Actors').isVisible()), {
    timeoutMs: 20_000,
    what: 'the claimlens views Events, Actors and Places to show',
  });
}

/**
 * The pane of a view in the side bar, by its title.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name e.g. `Actors`.
 */
export function viewPane(page, name) {
  return page
    .locator('.part.sidebar .pane', {
      has: page.locator('.pane-header .title', { hasText: new RegExp(`^${name}$`, 'i') }),
    })
    .first();
}

/**
 * The rows of a list, read from the top down until `enough(rows)` holds or the list ends; the list is put back
 * at the top. Only rows in view are read (the list keeps spare row elements out of view).
 *
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} list A `.monaco-list`.
 * @param {(rows: Row[]) => boolean} [enough] Stop scrolling once this holds (default: read the whole list).
 * @returns {Promise<Row[]>}
 */
export async function listRows(page, list, enough = () => false) {
  /** @type {Map<number, Row>} */
  const rows = new Map();
  const sorted = () => [...rows.values()].sort((a, b) => a.index - b.index);
  const box = await list.boundingBox();
  if (!box || box.height === 0) return [];
  await scrollList(page, list, 'top');
  for (let turns = 0; turns < 100; turns += 1) {
    for (const row of await list.evaluate(visibleRows)) rows.set(row.index, row);
    if (enough(sorted()) || !(await scrollList(page, list, 'down'))) break;
  }
  await scrollList(page, list, 'top');
  return sorted();
}

/**
 * In the page: the rows of a `.monaco-list` that are in its viewport.
 *
 * @param {Element} list
 * @returns {Row[]}
 */
function visibleRows(list) {
  const view = list.getBoundingClientRect();
  return [...list.querySelectorAll('.monaco-list-row')]
    .filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.height > 0 && rect.bottom > view.top + 2 && rect.top < view.bottom - 2;
    })
    .map((element) => ({
      index: Number(element.getAttribute('data-index')),
      level: Number(element.getAttribute('aria-level') ?? 1),
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads
      text: /** @type {HTMLElement} */ (element).innerText.replace(/\s*\n\s*/g, ' ').trim(),
      label: element.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: element.querySelector('.label-description')?.textContent?.trim() ?? '',
      expanded: element.hasAttribute('aria-expanded') ? element.getAttribute('aria-expanded') === 'true' : null,
    }));
}

/**
 * Scroll a list with the mouse wheel: to the top, or down by most of a page. Returns whether it moved (for `down`)
 * or is at the top (for `top`). The scroll position is read from the rows container, which the list moves up by
 * its scroll offset.
 *
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} list
 * @param {'top' | 'down'} where
 * @returns {Promise<boolean>}
 */
async function scrollList(page, list, where) {
  const box = await list.boundingBox();
  if (!box) return false;
  const offset = () =>
    list.evaluate((element) => {
      const rows = element.querySelector('.monaco-list-rows');
      if (!(rows instanceof HTMLElement)) return { top: 0, max: 0 };
      const moved = new DOMMatrix(getComputedStyle(rows).transform).m42 + (Number.parseFloat(rows.style.top) || 0);
      return { top: -moved, max: Math.max(0, rows.offsetHeight - element.clientHeight) };
    });
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 20));
  const start = await offset();
  if (where === 'down' && start.top >= start.max - 1) return false;
  if (where === 'top' && start.top <= 0) return true;
  return poll(
    async () => {
      await page.mouse.wheel(0, where === 'top' ? -Math.max(2_000, start.top * 2) : Math.max(20, box.height * 0.8));
      const now = await poll(
        async () => {
          const at = await offset();
          return at.top !== start.top ? at : undefined;
        },
        { timeoutMs: 1_000, intervalMs: 50, what: 'the list to scroll' },
      ).catch(() => undefined);
      return where === 'top' ? now !== undefined && now.top <= 0 : now !== undefined;
    },
    { timeoutMs: 10_000, intervalMs: 100, what: `the list to scroll ${where}` },
  ).catch(() => false);
}

/**
 * Rows of a view once `ready(rows)` holds (bounded); the rows last seen when it never does.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name View title.
 * @param {(rows: Row[]) => boolean} ready
 * @param {number} [timeoutMs=60000]
 * @returns {Promise<Row[]>}
 */
export async function viewRows(page, name, ready, timeoutMs = 60_000) {
  /** @type {Row[]} */
  let rows = [];
  await poll(
    async () => {
      rows = await listRows(page, viewPane(page, name).locator('.pane-body .monaco-list').first(), ready);
      return ready(rows);
    },
    { timeoutMs, intervalMs: 1_000, what: `the ${name} view to list what is expected` },
  ).catch(() => undefined);
  return rows;
}

/**
 * Run a command from the Command Palette by its label.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} label e.g. `View: Focus Problems`.
 */
export async function runCommand(page, label) {
  const input = page.locator('.quick-input-widget input').first();
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  // The palette lists the commands known when it opens: an extension host still starting adds its own later, so
  // a label not there yet is looked for again in a newly opened palette.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await row.click({ timeout: 5_000 });
}

/**
 * Where the cursor is in the active editor, from the status bar: 1-based line and column, and how many characters
 * are selected.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{line: number, column: number, selected: number} | undefined>}
 */
export async function cursor(page) {
  const text = await page
    .locator('[id="status.editor.selection"]')
    .first()
    .textContent({ timeout: 2_000 })
    .catch(() => '');
  const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text ?? '');
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]), selected: Number(match[3] ?? 0) };
}

/**
 * Put the cursor at a 1-based line and column of the active editor with Go to Line (Ctrl+G, `line:column`), and
 * wait until the status bar says it is there.
 *
 * @param {import('playwright-core').Page} page
 * @param {number} line
 * @param {number} column
 */
export async function goToLine(page, line, column) {
  await poll(
    async () => {
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input').first();
      if (!(await succeeds(input.waitFor({ state: 'visible', timeout: 5_000 })))) return false;
      await input.fill(`:${line}:${column}`);
      await page.keyboard.press('Enter');
      return poll(
        async () => {
          const at = await cursor(page);
          return at?.line === line && at.column === column;
        },
        { timeoutMs: 3_000, intervalMs: 100, what: 'the cursor to move' },
      ).catch(() => false);
    },
    { timeoutMs: 20_000, intervalMs: 300, what: `the cursor at line ${line}, column ${column}` },
  );
}

/**
 * The rows of the references peek (Shift+F12) once it lists more than `min` rows: its file rows and, under the
 * open ones, the lines that mention the symbol.
 *
 * @param {import('playwright-core').Page} page
 * @param {number} [timeoutMs=30000]
 * @returns {Promise<{title: string, rows: Row[]}>}
 */
export async function referencesPeek(page, timeoutMs = 30_000) {
  const peek = page.locator('.peekview-widget').first();
  await peek.waitFor({ state: 'visible', timeout: timeoutMs });
  /** @type {Row[]} */
  let rows = [];
  await poll(
    async () => {
      rows = await listRows(page, peek.locator('.ref-tree .monaco-list').first());
      return rows.length > 0;
    },
    { timeoutMs, intervalMs: 500, what: 'the references peek to list files' },
  ).catch(() => undefined);
  const title = await peek
    .locator('.peekview-title')
    .first()
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, parts apart, is what a user reads
    .evaluate((element) => /** @type {HTMLElement} */ (element).innerText, null, { timeout: 2_000 })
    .catch(() => '');
  return { title: title.replace(/\s*\n\s*/g, ' ').trim(), rows };
}

/**
 * Every row of the Problems panel (shown first if hidden) once `ready(rows)` holds (bounded): file rows at level 1,
 * problems at level 2, their related information at level 3.
 *
 * @param {import('playwright-core').Page} page
 * @param {(rows: Row[]) => boolean} ready
 * @param {number} [timeoutMs=60000]
 * @returns {Promise<Row[]>}
 */
export async function problemRows(page, ready, timeoutMs = 60_000) {
  const panel = page.locator('.markers-panel').first();
  if (!(await panel.isVisible())) {
    await page.locator('[id="status.problems"]').first().click({ timeout: 10_000 });
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
  }
  /** @type {Row[]} */
  let rows = [];
  await poll(
    async () => {
      rows = await listRows(page, panel.locator('.monaco-list').first(), ready);
      return ready(rows);
    },
    { timeoutMs, intervalMs: 1_000, what: 'the Problems panel to list what is expected' },
  ).catch(() => undefined);
  return rows;
}

/**
 * Scroll a list from the top down until its row at `index` is in view. Returns whether it is.
 *
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} list
 * @param {number} index
 */
export async function scrollToRow(page, list, index) {
  await scrollList(page, list, 'top');
  for (let turns = 0; turns < 100; turns += 1) {
    if ((await list.evaluate(visibleRows)).some((row) => row.index === index)) return true;
    if (!(await scrollList(page, list, 'down'))) return false;
  }
  return false;
}

/**
 * Widen the side bar by dragging its edge, as a user does to read long rows. Returns the new width (the old one
 * when the drag did not take).
 *
 * @param {import('playwright-core').Page} page
 * @param {number} width Wanted width in pixels.
 * @returns {Promise<number>}
 */
export async function widenSideBar(page, width) {
  const bar = page.locator('.part.sidebar').first();
  const box = await bar.boundingBox();
  if (!box || box.width >= width) return box?.width ?? 0;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  return poll(
    async () => {
      const now = (await bar.boundingBox())?.width ?? 0;
      return now > box.width ? now : 0;
    },
    { timeoutMs: 3_000, intervalMs: 100, what: 'the side bar to widen' },
  ).catch(() => box.width);
}
