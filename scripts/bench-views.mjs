#!/usr/bin/env node
// Story views at scale: write bench-scale's synthetic corpus (default 10,000 articles), analyse it, make the
// story model and the HTML report, then open the report in Chromium (playwright-core, /usr/bin/chromium) and time how long the story board takes to show its first rows, and a jump to its
// last row. Prints the model's and the report's size.
//
//   node scripts/bench-views.mjs [--articles 10000] [--seed 1]
//
// Imports the BUILT packages: run `npm run build` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './bench-scale.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { articles: { type: 'string' }, seed: { type: 'string' } } });
const size = Number(values.articles ?? 10_000);
const seed = Number(values.seed ?? 1);
const load = (pkg, file) => import(pathToFileURL(path.join(root, 'packages', pkg, 'dist', file)).href);
const { analyze } = await load('annotator', 'index.js');
const { storyModel } = await load('views', 'index.js');
const { reportHtml } = await load('views', 'page.js');
const { chromium } = createRequire(path.join(root, 'apps/vscode/package.json'))('playwright-core');

const dir = mkdtempSync(path.join(os.tmpdir(), 'claimlens-views-'));
try {
  writeCorpus(path.join(dir, 'articles'), size, seed);
  let t = performance.now();
  const corpus = await analyze([path.join(dir, 'articles')]);
  console.log(`analysed ${corpus.articles.length} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const model = storyModel(corpus);
  const modelMs = performance.now() - t;
  const json = JSON.stringify(model);
  console.log(
    `story model: ${modelMs.toFixed(0)} ms; ${model.events.length} events (rows), ${model.outlets.length} outlets, ` +
      `${model.claims.length} claims, ${model.places.length} places; ${(json.length / 1e6).toFixed(1)} MB as JSON`,
  );
  const file = path.join(dir, 'index.html');
  writeFileSync(file, reportHtml(model));
  console.log(`report: ${(Buffer.byteLength(reportHtml(model)) / 1e6).toFixed(1)} MB`);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    for (let run = 1; run <= 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      t = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
      await page.waitForSelector('.board-row', { timeout: 120_000 });
      const openMs = performance.now() - t;
      const rendered = await page.locator('.board-row').count();
      t = performance.now();
      await page.locator('.board-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForSelector(`.board-row[aria-rowindex="${model.events.length + 1}"]`, { timeout: 30_000 });
      const jumpMs = performance.now() - t;
      console.log(
        `run ${run}: story board's first rows in ${openMs.toFixed(0)} ms (${rendered} of ${model.events.length} rows in the page); last row after a jump in ${jumpMs.toFixed(0)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
