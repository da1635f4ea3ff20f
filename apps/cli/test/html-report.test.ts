import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './run.js';

/**
 * The HTML report of the seeds, opened from file:// in Chromium (playwright-core and Debian's Chromium, as the
 * editor's end-to-end test uses; CLAIMLENS_E2E_CHROMIUM overrides /usr/bin/chromium). Screenshots go to
 * `.e2e/screenshots/report` (CLAIMLENS_REPORT_SCREENSHOTS overrides it).
 */
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
const shots = path.resolve(
  process.env.CLAIMLENS_REPORT_SCREENSHOTS ?? path.join(root, '.e2e', 'screenshots', 'report'),
);

let out: string;
let browser: Browser;
let page: Page;
/** Every URL the page asked for, and every console error or uncaught exception. */
const requested: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'claimlens-html-'));
  const written = await run(['analyze', 'seeds', '--format', 'html', '--out', out, '--quiet']);
  expect(written.stderr).toBe('');
  expect(written.code).toBe(0);
  await mkdir(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CLAIMLENS_E2E_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
});

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

/** The outlets the seeds' claimlens.json names. */
async function seedOutlets(): Promise<string[]> {
  const config = JSON.parse(await readFile(path.join(root, 'seeds', 'claimlens.json'), 'utf8'));
  return Object.values(config.articles as Record<string, { outlet?: string }>)
    .map((a) => a.outlet)
    .filter((o): o is string => typeof o === 'string');
}

async function show(view: 'board' | 'timeline' | 'map'): Promise<void> {
  await page.click(`#tab-${view}`);
  await page.waitForSelector(`#tab-${view}[aria-selected="true"]`);
}

describe('claimlens analyze --format html', () => {
  it('writes one small index.html', async () => {
    const { size } = await stat(path.join(out, 'index.html'));
    console.log(`seeds' report: ${(size / 1024).toFixed(0)} KB`);
    expect(size).toBeLessThan(600 * 1024);
  });

  it('says to give --out, exit 2', async () => {
    const result = await run(['analyze', 'seeds', '--format', 'html']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out DIR with --format html/);
  });

  it('shows the story board with the outlets named and events as rows', async () => {
    await show('board');
    await page.waitForSelector('.board-row');
    const columns = await page.$$eval('.board-outlet', (cells) => cells.map((c) => c.textContent?.trim() ?? ''));
    for (const outlet of await seedOutlets()) expect(columns).toContain(outlet);
    expect(await page.locator('.board-row').count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(shots, '1-board.png') });
  });

  it('marks disputes across their rows, with every position', async () => {
    const strip = page.locator('.dispute-strip').first();
    await expect.poll(() => strip.count()).toBe(1);
    expect(await strip.textContent()).toMatch(/dispute.*—.*vs/);
  });

  it('shows the passage of a claim that is clicked', async () => {
    const claim = page.locator('.board-cell .claim').first();
    const id = await claim.getAttribute('data-claim');
    await claim.click();
    const passage = page.locator('.detail .passage');
    await passage.waitFor();
    const marked = (await passage.locator('mark').textContent()) ?? '';
    expect(marked.length).toBeGreaterThan(0);
    expect(await claim.getAttribute('title')).toContain(marked.replace(/\s+/g, ' ').trim().slice(0, 40));
    expect(id).toBeTruthy();
    await page.screenshot({ path: path.join(shots, '2-passage.png') });
    await page.keyboard.press('Escape');
  });

  it('narrows the board to one outlet', async () => {
    const [outlet] = await seedOutlets();
    await page.click(`.chip[data-outlet="${outlet}"]`);
    await expect
      .poll(() => page.$$eval('.board-outlet', (cells) => cells.map((c) => c.textContent?.trim())))
      .toEqual([outlet]);
    await page.click('.clear');
    await expect.poll(() => page.locator('.board-outlet').count()).toBeGreaterThan(1);
  });

  it('moves between views with the keyboard', async () => {
    await page.focus('#tab-board');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#tab-timeline[aria-selected="true"]');
    expect(await page.locator('#tab-timeline').evaluate((tab) => tab === tab.ownerDocument.activeElement)).toBe(true);
  });

  it('shows a timeline with one lane per outlet', async () => {
    await show('timeline');
    const lanes = await page.$$eval('.timeline .lane-name', (names) => names.map((n) => n.getAttribute('data-outlet')));
    for (const outlet of await seedOutlets()) expect(lanes).toContain(outlet);
    expect(await page.locator('.timeline .mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, '3-timeline.png') });
  });

  it('shows a map with at least five place marks, whose hover lists mentions', async () => {
    await show('map');
    const marks = page.locator('svg.map [data-place]');
    expect(await marks.count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('svg.map .land').getAttribute('d')).toMatch(/^M/);
    await marks.first().hover();
    const tip = page.locator('.tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/\d+ mentions?/);
    await page.screenshot({ path: path.join(shots, '4-map.png') });
  });

  it('writes place names on the map that cover neither each other nor the centre of another place’s mark', async () => {
    const boxes = (selector: string, attribute: string) =>
      page.$$eval(
        selector,
        (found, name) =>
          found.map((e) => {
            const r = e.getBoundingClientRect();
            const box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            return { place: e.getAttribute(name), text: e.textContent, ...box };
          }),
        attribute,
      );
    const drawn = {
      names: await boxes('svg.map .place-name', 'data-place-name'),
      marks: await boxes('svg.map g[data-place]', 'data-place'),
    };
    type Box = { left: number; top: number; right: number; bottom: number };
    const centreOf = (m: Box) => {
      const x = (m.left + m.right) / 2;
      const y = (m.top + m.bottom) / 2;
      return { left: x - 1, right: x + 1, top: y - 1, bottom: y + 1 };
    };
    const meet = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(drawn.names.length).toBeGreaterThanOrEqual(5);
    const clashes = drawn.names.flatMap((a, i) => [
      ...drawn.names
        .slice(i + 1)
        .filter((b) => meet(a, b))
        .map((b) => `${a.text} / ${b.text}`),
      ...drawn.marks
        .filter((m) => m.place !== a.place && meet(a, centreOf(m)))
        .map((m) => `${a.text} on the centre of mark ${m.place}`),
    ]);
    expect(clashes).toEqual([]);
  });

  it('asks for nothing beyond file:// and logs no error', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
