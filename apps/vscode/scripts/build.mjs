#!/usr/bin/env node
/**
 * Build the extension into dist/: the client (dist/extension.cjs, `vscode` left external), the language server and
 * its analysis worker (dist/server.cjs, dist/worker.cjs), the annotator's data (dist/annotator/data), the
 * repository's NOTICE (dist/NOTICE: the licences of that data) and the claimlens.json schema (dist/config.schema.json,
 * for jsonValidation), all from the workspace sources. `--production`
 * minifies.
 *
 * Usage: node scripts/build.mjs [--production]
 */
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleServer } from '../../../packages/server/scripts/bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const dist = path.join(root, 'dist');

await rm(dist, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [path.join(root, 'src/extension.ts')],
  outfile: path.join(dist, 'extension.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  alias: { '@claimlens/server/protocol': path.resolve(root, '../../packages/server/src/protocol.ts') },
});
await bundleServer({ outdir: dist, minify: production });
await copyFile(path.join(root, '../../NOTICE'), path.join(dist, 'NOTICE'));
await copyFile(path.join(root, '../../packages/core/schema/config.schema.json'), path.join(dist, 'config.schema.json'));
console.log(`built ${path.relative(process.cwd(), dist)}${production ? ' (production)' : ''}`);
