/**
 * Drive the VS Code workbench that code-server serves, through Playwright in Debian's Chromium.
 *
 * Highlights are found as VS Code renders them: a decoration type with a `backgroundColor` or `border`
 * becomes a CSS rule `.monaco-editor .ced-<key>-0` and, on every visible line, a `div.cdr.ced-<key>-0` in
 * the editor's `.view-overlays` layer (other styles go to spans in `.view-lines`). The extension's colours
 * (`contributes.colors`, e.g. `claimlens.actorBackground`) are exposed by the workbench as CSS variables
 * `--vscode-claimlens-actorBackground`; a decoration element whose computed background, border or outline
 * colour equals one of them belongs to that colour. So the test needs no knowledge of internal class keys.
 */

import { createRequire } from 'node:module';
import { poll, succeeds } from './poll.mjs';

const require = createRequire(import.meta.url);
/** @type {typeof import('playwright-core')} */
const playwright = require('playwright-core');

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch Chromium (`CLAIMLENS_E2E_CHROMIUM`, default `/usr/bin/chromium`).
 *
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchChromium() {
  return playwright.chromium.launch({
    executablePath: process.env.CLAIMLENS_E2E_CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,
    timeout: 60_000,
  });
}

/**
 * Open the workbench on a folder and wait until its explorer lists files.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {string} folder Absolute path.
 */
export async function openWorkbench(page, baseUrl, folder) {
  await page.goto(`${baseUrl}?folder=${encodeURIComponent(folder)}`, { timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
}

/**
 * Open a file of the workspace and wait until its editor is the active one.
 *
 * Each try first closes whatever may hold the keyboard (hovers, the suggest or find widget, a leftover Quick Open,
 * notifications), then opens the file with Quick Open (Ctrl+P) as a user would; when Quick Open does not come up or
 * does not list the file, the try clicks the file in the Explorer instead. Done when the active editor tab names
 * the file and the window title agrees. On giving up, a screenshot of the workbench is saved beside `debugShot`
 * (if given) and the error says what the window showed.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name File name, e.g. `000_x.txt`.
 * @param {{timeoutMs?: number, debugShot?: string}} [options] `timeoutMs`: give up after this long (default 90 s);
 *   `debugShot`: path of a screenshot to save when giving up.
 */
export async function openFile(page, name, options) {
  const timeoutMs = options?.timeoutMs ?? 90_000;
  let attempt = 0;
  /** @type {string[]} */
  const log = [];
  try {
    await poll(
      async () => {
        attempt += 1;
        if (await isActive(page, name)) return true;
        await closeWidgets(page);
        // Odd tries use Quick Open, even ones the Explorer: one stuck path never blocks the other.
        const how = attempt % 2 === 1 ? 'quick open' : 'explorer';
        const opened = how === 'quick open' ? await viaQuickOpen(page, name) : await viaExplorer(page, name);
        log.push(`try ${attempt} (${how}): ${opened}`);
        if (opened !== 'ok') return false;
        return poll(() => isActive(page, name), { timeoutMs: 10_000, intervalMs: 200, what: 'the tab' }).catch(() => {
          log.push(`  the tab of ${name} did not become active`);
          return false;
        });
      },
      { timeoutMs, intervalMs: 500, what: `the editor of ${name} to open` },
    );
  } catch (error) {
    const state = await windowState(page).catch(() => '(no window state)');
    if (options?.debugShot) await page.screenshot({ path: options.debugShot }).catch(() => undefined);
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n${log.join('\n')}\n${state}${
        options?.debugShot ? `\nscreenshot: ${options.debugShot}` : ''
      }`,
    );
  }
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
}

/**
 * Whether the active editor is the file: the active tab in the active editor group names it, and so does the title.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function isActive(page, name) {
  const tab = await page
    .evaluate(() => {
      const group = document.querySelector('.editor-group-container.active') ?? document;
      const active = group.querySelector('.tab.active');
      return active?.getAttribute('data-resource-name') ?? active?.getAttribute('aria-label') ?? '';
    })
    .catch(() => '');
  return tab.includes(name) && (await page.title()).includes(name);
}

/**
 * Close what may hold focus or cover the editor: hovers, suggest and find widgets, Quick Open, notifications.
 * Escape twice (one closes a hover, the next a widget under it), the mouse to a neutral place.
 *
 * @param {import('playwright-core').Page} page
 */
export async function closeWidgets(page) {
  await page.mouse.move(2, 2);
  for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
  await poll(
    () =>
      page.evaluate(() => {
        const shown = (/** @type {Element} */ element) => {
          const rect = element.getBoundingClientRect();
          return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
        };
        return ![...document.querySelectorAll('.monaco-hover, .quick-input-widget')].some(
          (element) => shown(element) && getComputedStyle(element).display !== 'none',
        );
      }),
    { timeoutMs: 3_000, intervalMs: 100, what: 'hovers and Quick Open to close' },
  ).catch(() => page.keyboard.press('Escape'));
  // Toasts do not take focus, but one may cover the Explorer: clear them.
  const clear = page.locator(
    '.notifications-toasts .codicon-notifications-clear-all, .notification-toast .codicon-close',
  );
  if ((await clear.count().catch(() => 0)) > 0)
    await clear
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
}

/**
 * One try with Quick Open. Returns 'ok' or what went wrong.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @returns {Promise<string>}
 */
async function viaQuickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  if (!(await succeeds(input.waitFor({ state: 'visible', timeout: 5_000 })))) {
    return 'Quick Open did not show';
  }
  await input.fill(name);
  // The row for the file itself (the label is the file name), not a row that merely mentions it.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  if (!(await succeeds(row.waitFor({ state: 'visible', timeout: 10_000 })))) {
    await page.keyboard.press('Escape');
    return 'Quick Open did not list the file';
  }
  // Click the row rather than pressing Enter: Enter opens the focused row, which may not be this one yet.
  const clicked = await succeeds(row.click({ timeout: 5_000 }));
  if (!clicked) await page.keyboard.press('Enter');
  return 'ok';
}

/**
 * One try through the Explorer: show it (Ctrl+Shift+E) and click the file's row.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @returns {Promise<string>}
 */
async function viaExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  if (!(await row.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+E');
  if (!(await succeeds(row.waitFor({ state: 'visible', timeout: 5_000 })))) {
    return 'the Explorer did not list the file';
  }
  return (await succeeds(row.click({ timeout: 5_000 }))) ? 'ok' : 'the click did not land';
}

/**
 * What the window shows, for an error message: title, tabs, focused element, open widgets.
 *
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string>}
 */
async function windowState(page) {
  const title = await page.title();
  const state = await page.evaluate(() => {
    const visible = (/** @type {string} */ selector) =>
      [...document.querySelectorAll(selector)].filter((e) => e.getBoundingClientRect().height > 0).length;
    const focused = document.activeElement;
    return {
      tabs: [...document.querySelectorAll('.tab')].map(
        (tab) => `${tab.getAttribute('aria-label') ?? ''}${tab.classList.contains('active') ? ' (active)' : ''}`,
      ),
      focused: focused ? `${focused.tagName}.${[...focused.classList].join('.')}` : 'none',
      hovers: visible('.monaco-hover'),
      quickOpen: visible('.quick-input-widget'),
      dialogs: visible('.monaco-dialog-box'),
      notifications: [...document.querySelectorAll('.notification-toast')].map((e) =>
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads
        /** @type {HTMLElement} */ (e).innerText.slice(0, 120),
      ),
    };
  });
  return `window: title ${JSON.stringify(title)}; ${JSON.stringify(state)}`;
}

/**
 * Wait until the extension's status-bar item says the workspace is analysed (every article read, the
 * cross-article corpus built), and return what it says. Before that, hovers and the Problems panel show
 * partial results.
 *
 * @param {import('playwright-core').Page} page
 * @param {number} [timeoutMs=240000]
 * @returns {Promise<string>}
 */
export async function waitForCorpus(page, timeoutMs = 240_000) {
  let last = '';
  try {
    return await poll(
      async () => {
        last = await page
          .locator('.part.statusbar [aria-label^="claimlens:"]')
          .first()
          .getAttribute('aria-label', { timeout: 2_000 })
          .catch(() => '');
        return /workspace analysed/.test(last ?? '') ? last : '';
      },
      { timeoutMs, intervalMs: 500, what: 'the claimlens status item to say "workspace analysed"' },
    );
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it said ${JSON.stringify(last)}`);
  }
}

/**
 * @typedef {object} Highlight
 * @property {string} color The colour id, e.g. `claimlens.actorBackground`.
 * @property {string} className The `ced-…` class of the element.
 * @property {string} text The editor text under the element.
 * @property {{x: number, y: number, width: number, height: number}} box Page coordinates.
 */

/**
 * Decoration elements in the active editor, each matched to one of the given colour ids by computed style.
 * Elements that match no colour are returned with `color: ''`.
 *
 * @param {import('playwright-core').Page} page
 * @param {string[]} colorIds Colour ids the extension contributes.
 * @returns {Promise<Highlight[]>}
 */
export function highlights(page, colorIds) {
  return page.evaluate((ids) => {
    const workbench = document.querySelector('.monaco-workbench');
    if (!workbench) return [];
    const probe = document.createElement('div');
    document.body.append(probe);
    /** @param {string} value */
    const normalise = (value) => {
      probe.style.color = '';
      probe.style.color = value;
      return probe.style.color ? getComputedStyle(probe).color : '';
    };
    const style = getComputedStyle(workbench);
    const colours = ids
      .map((id) => ({ id, value: normalise(style.getPropertyValue(`--vscode-${id.replaceAll('.', '-')}`).trim()) }))
      .filter((colour) => colour.value !== '' && colour.value !== 'rgba(0, 0, 0, 0)');
    probe.remove();
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return [];
    const lines = editor.querySelector('.view-lines');
    const found = [];
    for (const element of editor.querySelectorAll('.view-overlays [class*="ced-"], .view-lines [class*="ced-"]')) {
      const computed = getComputedStyle(element);
      const painted = [
        computed.backgroundColor,
        computed.borderTopStyle !== 'none' ? computed.borderTopColor : '',
        computed.borderBottomStyle !== 'none' ? computed.borderBottomColor : '',
        computed.borderLeftStyle !== 'none' ? computed.borderLeftColor : '',
        computed.outlineStyle !== 'none' ? computed.outlineColor : '',
        computed.textDecorationLine !== 'none' ? computed.textDecorationColor : '',
        element.closest('.view-lines') ? computed.color : '',
      ];
      const colour = colours.find((c) => painted.includes(c.value));
      const rect = element.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      const className = [...element.classList].find((name) => name.startsWith('ced-')) ?? '';
      let text = '';
      if (lines) {
        // The text under the element: each character of .view-lines whose box holds a sampled point.
        const y = rect.top + rect.height / 2;
        /** @type {Node | undefined} */
        let lastNode;
        let lastOffset = -1;
        for (let x = rect.left + 1; x < rect.right; x += 2) {
          const caret = document.caretRangeFromPoint(x, y);
          const node = caret?.startContainer;
          if (!caret || !node || node.nodeType !== Node.TEXT_NODE || !lines.contains(node)) continue;
          for (const offset of [caret.startOffset, caret.startOffset - 1]) {
            if (offset < 0 || offset >= (node.textContent?.length ?? 0)) continue;
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + 1);
            const box = range.getBoundingClientRect();
            if (x < box.left || x >= box.right) continue;
            if (node !== lastNode || offset !== lastOffset) text += node.textContent?.charAt(offset) ?? '';
            lastNode = node;
            lastOffset = offset;
            break;
          }
        }
      }
      found.push({
        color: colour?.id ?? '',
        className,
        text: text.replace(/\u00a0/g, ' '),
        box: { x: rect.left, y: rect.top, width: rect.width, height: rect.height },
      });
    }
    return found;
  }, colorIds);
}

/**
 * Hover the mouse over a box and return the text of the hover widget that appears (or '' if none does).
 *
 * @param {import('playwright-core').Page} page
 * @param {{x: number, y: number, width: number, height: number}} box
 * @param {number} [timeoutMs=8000]
 * @returns {Promise<string>}
 */
export async function hoverText(page, box, timeoutMs = 8_000) {
  await hideHover(page);
  await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2, { steps: 4 });
  return poll(
    () =>
      page.evaluate(() => {
        for (const hover of document.querySelectorAll('.monaco-hover')) {
          const rect = hover.getBoundingClientRect();
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line breaks and all, is what a user reads
          const text = /** @type {HTMLElement} */ (hover).innerText.trim();
          if (rect.width > 0 && rect.height > 0 && text !== '') return text;
        }
        return '';
      }),
    { timeoutMs, intervalMs: 200, what: 'a hover to appear' },
  ).catch(() => '');
}

/**
 * Scroll the visible hover so that the first line matching `pattern` is at its top (for the screenshot).
 *
 * @param {import('playwright-core').Page} page
 * @param {RegExp} pattern
 */
export async function scrollHoverTo(page, pattern) {
  const where = () => page.evaluate(hoverOffset, { source: pattern.source, flags: pattern.flags });
  const box = await where();
  if (!box || box.delta <= 0) return;
  // The hover scrolls with the wheel like any Monaco scrollable; the mouse stays inside it so it stays open.
  // A wheel event may scroll less than asked, so wheel again until the section is at the top or stops moving.
  await page.mouse.move(box.x, box.y, { steps: 2 });
  let last = Number.POSITIVE_INFINITY;
  await poll(
    async () => {
      const delta = (await where())?.delta ?? 0;
      if (delta < 40 || delta >= last) return true;
      last = delta;
      await page.mouse.wheel(0, delta - 8);
      return false;
    },
    { timeoutMs: 5_000, intervalMs: 200, what: 'the hover to scroll' },
  ).catch(() => undefined);
}

/**
 * In the page: the offset from the top of the visible hover to its first element matching a pattern.
 *
 * @param {{source: string, flags: string}} pattern
 * @returns {{x: number, y: number, delta: number} | undefined}
 */
function hoverOffset(pattern) {
  const wanted = new RegExp(pattern.source, pattern.flags);
  for (const hover of document.querySelectorAll('.monaco-hover')) {
    const rect = hover.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const target = [...hover.querySelectorAll('p, h1, h2, h3, h4, li, strong')].find((element) =>
      wanted.test(element.textContent ?? ''),
    );
    if (!target) continue;
    return { x: rect.left + rect.width / 2, y: rect.top + 20, delta: target.getBoundingClientRect().top - rect.top };
  }
  return undefined;
}

/**
 * Move the mouse away and close any hover.
 *
 * @param {import('playwright-core').Page} page
 */
export async function hideHover(page) {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await poll(
    () =>
      page
        .locator('.monaco-hover:visible')
        .count()
        .then((n) => n === 0),
    {
      timeoutMs: 5_000,
      intervalMs: 100,
      what: 'the hover to close',
    },
  ).catch(() => undefined);
}

/**
 * Show the Problems panel and return the text of its rows once `ready(rows)` is true (bounded).
 *
 * @param {import('playwright-core').Page} page
 * @param {(rows: string[]) => boolean} ready
 * @param {number} [timeoutMs=60000]
 * @returns {Promise<string[]>}
 */
export async function problems(page, ready, timeoutMs = 60_000) {
  await hideHover(page);
  await page.locator('[id="status.problems"]').first().click({ timeout: 10_000 });
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 15_000 });
  /** @type {string[]} */
  let rows = [];
  await poll(
    async () => {
      rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) =>
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads
        elements.map((element) => /** @type {HTMLElement} */ (element).innerText),
      );
      return ready(rows);
    },
    { timeoutMs, intervalMs: 500, what: 'the Problems panel to list contradictions' },
  ).catch(() => undefined);
  return rows;
}
