#!/usr/bin/env node
// Story views at scale, as a reader feels them: write bench-scale's synthetic corpus (default 10,000 articles),
// analyse it, make the story model and the HTML report, then open the report from file:// in Chromium
// (playwright-core, /usr/bin/chromium) three times and print, for each:
//   - first rows: from the start of navigation to the first frame painted after the board has rows (the page's
//     own clock), and the renderer's main-thread CPU time up to then (CDP ThreadTime, which load on the machine
//     inflates far less than wall time);
//   - whole board: the same, to the board drawn from the whole view (the report's first rows come before its
//     script, the rest after it);
//   - a claim opened: from the click to its passage shown (the passages are parsed on this first click);
//   - the last row after a jump to the end of the board.
// It also times the webview's way in: the same page as a VS Code webview, sent the board's first rows and, when
// it asks, the whole view (without passages) by postMessage as the extension does; from the first message to the
// first rows painted, and to the whole board drawn. Prints the model's and the report's sizes.
//
//   node scripts/bench-views.mjs [--articles 10000] [--seed 1] [--save-model FILE | --model FILE]
//
// Analysing 10,000 articles takes minutes: --save-model keeps the story model as JSON, and --model times the
// views on a kept model instead of analysing again (it must be of the current storyModelVersion).
//
// Imports the BUILT packages: run `npm run build` first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './bench-scale.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    seed: { type: 'string' },
    model: { type: 'string' },
    'save-model': { type: 'string' },
  },
});
const size = Number(values.articles ?? 10_000);
const seed = Number(values.seed ?? 1);
const load = (pkg, file) => import(pathToFileURL(path.join(root, 'packages', pkg, 'dist', file)).href);
const { analyze } = await load('annotator', 'index.js');
const { storyModel, storyModelVersion } = await load('views', 'index.js');
const { firstRows, packView, reportHtml, splitPassages, webviewHtml } = await load('views', 'page.js');
const { chromium } = createRequire(path.join(root, 'apps/vscode/package.json'))('playwright-core');

const megabytes = (text) => `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'claimlens-views-'));
try {
  let t = performance.now();
  let model;
  if (values.model) {
    model = JSON.parse(readFileSync(values.model, 'utf8'));
    if (model.version !== storyModelVersion) {
      throw new Error(
        `Expected a story model of version ${storyModelVersion} in ${values.model}, not ${model.version}`,
      );
    }
    console.log(`story model read from ${values.model}: ${model.articles.length} articles`);
  } else {
    writeCorpus(path.join(dir, 'articles'), size, seed);
    const corpus = await analyze([path.join(dir, 'articles')]);
    console.log(`analysed ${corpus.articles.length} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    model = storyModel(corpus);
    console.log(`story model made in ${(performance.now() - t).toFixed(0)} ms`);
    if (values['save-model']) writeFileSync(values['save-model'], JSON.stringify(model));
  }
  const { view, passages } = splitPassages(model);
  console.log(
    `story model: ${model.events.length} events (rows), ${model.outlets.length} outlets, ` +
      `${model.claims.length} claims, ${model.passages.length} passages, ${model.places.length} places; as JSON ` +
      `${megabytes(JSON.stringify(view))} drawn (${megabytes(JSON.stringify(packView(view)))} as rows), ` +
      `${megabytes(JSON.stringify(passages))} passages`,
  );
  const html = reportHtml(model);
  const report = path.join(dir, 'index.html');
  writeFileSync(report, html);
  const scriptAt = html.indexOf('<script>');
  console.log(`report: ${megabytes(html)}, of which ${megabytes(html.slice(0, scriptAt))} before the app's script`);
  // The webview's page, with VS Code's API stood in for: it answers as the extension does.
  const webview = path.join(dir, 'webview.html');
  const text = (value) => JSON.stringify(JSON.stringify(value)).replace(/</g, '\\u003c');
  const stub = `<script>window.__first = ${text(firstRows(view))}; window.__view = ${text(packView(view))};
window.acquireVsCodeApi = () => ({ getState: () => null, setState() {}, postMessage(m) {
  const post = (model) => window.postMessage({ type: 'model', model, generation: 1 });
  if (m.type === 'ready') { window.__sent = performance.now(); post(window.__first); }
  if (m.type === 'rest') post(window.__view);
} });</script>`;
  writeFileSync(
    webview,
    webviewHtml({ nonce: 'bench', cspSource: 'file:', view: 'board', title: 'bench' })
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('<body', `${stub}<body`),
  );

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  // In the page, by its clock (ms since navigation started): when the first frame that paints the board's first
  // rows is about to be painted (`__first`), and the one that paints the board drawn from the whole view (`__whole`).
  const watch = () => {
    const seen = new Set();
    const frame = (key) => {
      if (seen.has(key)) return;
      seen.add(key);
      // Callbacks of a frame run just before it is painted.
      requestAnimationFrame(() => {
        window[`__${key}`] = performance.now();
      });
    };
    new MutationObserver(() => {
      const corner = document.querySelector('.board-corner')?.textContent;
      if (corner === undefined) return;
      frame('first');
      if (!corner.startsWith('first')) frame('whole');
    }).observe(document, { childList: true, subtree: true, characterData: true });
  };
  const times = async (page) => {
    await page.waitForFunction(() => window.__whole !== undefined, null, { timeout: 300_000, polling: 50 });
    return page.evaluate(() => ({ first: window.__first, whole: window.__whole, sent: window.__sent }));
  };
  const cpu = async (session) => {
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  };
  try {
    for (let run = 1; run <= 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(watch);
      const session = await page.context().newCDPSession(page);
      await session.send('Performance.enable');
      const before = await cpu(session);
      await page.goto(pathToFileURL(report).href, { waitUntil: 'commit' });
      const { first, whole } = await times(page);
      const used = (await cpu(session)) - before;
      const rendered = await page.locator('.board-row').count();
      t = performance.now();
      await page.locator('.board-cell .claim').first().click();
      await page.waitForSelector('.detail .passage mark', { timeout: 120_000 });
      const openMs = performance.now() - t;
      t = performance.now();
      await page.locator('.board-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForSelector(`.board-row[aria-rowindex="${model.events.length + 1}"]`, { timeout: 30_000 });
      const jumpMs = performance.now() - t;
      console.log(
        `report run ${run}: first rows painted ${first.toFixed(0)} ms after navigation; whole board ${whole.toFixed(0)} ms ` +
          `(main thread CPU to then ${used.toFixed(0)} ms; ${rendered} of ${model.events.length} rows in the page); ` +
          `a claim's passage ${openMs.toFixed(0)} ms after the click; last row ${jumpMs.toFixed(0)} ms after a jump`,
      );
      await page.close();
    }
    for (let run = 1; run <= 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(watch);
      await page.goto(pathToFileURL(webview).href, { waitUntil: 'commit' });
      const { first, whole, sent } = await times(page);
      console.log(
        `webview run ${run}: first rows painted ${(first - sent).toFixed(0)} ms after the first message; whole board ` +
          `${(whole - sent).toFixed(0)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
