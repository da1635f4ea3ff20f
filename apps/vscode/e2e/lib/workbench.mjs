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
import { poll } from './poll.mjs';

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
 * Open a file of the workspace with Quick Open and wait until its editor is active.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name File name, e.g. `000_x.txt`.
 */
export async function openFile(page, name) {
  await poll(
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(name);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.press('Enter');
      // The window title names the active editor's file.
      await poll(async () => (await page.title()).includes(name), {
        timeoutMs: 10_000,
        intervalMs: 200,
        what: `the title to name ${name}`,
      });
      return true;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: `the editor of ${name} to open` },
  );
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
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
