#!/usr/bin/env node
/**
 * Bundle the browser app (src/app/main.ts with d3-geo, topojson-client and Natural Earth's 110m countries from
 * world-atlas) and its style into one module of strings, dist/assets.js, that the pages inline.
 *
 * Usage: node scripts/build-app.mjs   (after `tsc -p tsconfig.build.json`)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = await esbuild.build({
  entryPoints: [path.join(root, 'src/app/main.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// A "</script" inside the code would end the element it is inlined in.
const script = built.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1');
const style = (await readFile(path.join(root, 'src/app/style.css'), 'utf8')).replace(/\s*\n\s*/g, '\n').trim();
await mkdir(path.join(root, 'dist'), { recursive: true });
await writeFile(
  path.join(root, 'dist/assets.js'),
  `export const script = ${JSON.stringify(script)};\nexport const style = ${JSON.stringify(style)};\n`,
);
await writeFile(path.join(root, 'dist/assets.d.ts'), await readFile(path.join(root, 'src/assets.d.ts'), 'utf8'));
console.log(`app: script ${(script.length / 1024).toFixed(1)} KB, style ${(style.length / 1024).toFixed(1)} KB`);
