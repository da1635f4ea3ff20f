#!/usr/bin/env node
/**
 * Bundle the language server into `<outdir>/server.cjs` and its analysis worker into `<outdir>/worker.cjs`, built
 * from the TypeScript sources of the workspace packages (no prior build needed), and copy the annotator's data
 * folder to `<outdir>/annotator/data`.
 *
 * The annotator finds its default data relative to its own module (`new URL('../../data/…', import.meta.url)`).
 * In a bundle every module is one file, so each `import.meta.url` in a workspace package is rewritten to the URL
 * the module would have at `<outdir>/<package>/src/<path>`: the relative paths then land in the copied data.
 *
 * Usage: node packages/server/scripts/bundle.mjs [outdir]   (default: packages/server/dist/bundle)
 */
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const packagesDir = path.resolve(here, '../..');

/** Bundle the server and worker into `outdir`; returns the paths written. */
export async function bundleServer({ outdir, minify = false } = {}) {
  const out = path.resolve(outdir ?? path.join(packagesDir, 'server/dist/bundle'));
  await mkdir(out, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    sourcemap: false,
    logLevel: 'warning',
    // Resolve @claimlens/* to TypeScript sources, like the tests do.
    alias: {
      '@claimlens/core': path.join(packagesDir, 'core/src/index.ts'),
      '@claimlens/annotator': path.join(packagesDir, 'annotator/src/index.ts'),
      '@claimlens/views': path.join(packagesDir, 'views/src/index.ts'),
    },
    mainFields: ['module', 'main'],
    plugins: [moduleUrls()],
    banner: {
      js: [
        'const __claimlensUrl = (p) => require("node:url").pathToFileURL(require("node:path").join(__dirname, p)).href;',
        'const __claimlensSelf = require("node:url").pathToFileURL(__filename).href;',
      ].join('\n'),
    },
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(packagesDir, 'server/src/main.ts')],
    outfile: path.join(out, 'server.cjs'),
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(packagesDir, 'server/src/worker.ts')],
    outfile: path.join(out, 'worker.cjs'),
  });
  const data = path.join(out, 'annotator/data');
  await rm(data, { recursive: true, force: true });
  await cp(path.join(packagesDir, 'annotator/data'), data, {
    recursive: true,
    filter: (source) => !/\.md$/i.test(source) || path.basename(source) === 'README.md',
  });
  return { server: path.join(out, 'server.cjs'), worker: path.join(out, 'worker.cjs'), data };
}

/** Rewrite `import.meta.url` (and `.dirname`, `.filename`) in workspace packages to where the module "is" in the bundle. */
function moduleUrls() {
  return {
    name: 'claimlens-module-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const relative = path.relative(packagesDir, args.path);
        const inWorkspace = !relative.startsWith('..') && !relative.includes('node_modules');
        // The server's own modules look for worker.cjs beside the bundle.
        const url =
          !inWorkspace || relative.startsWith(`server${path.sep}`)
            ? '__claimlensSelf'
            : `__claimlensUrl(${JSON.stringify(relative.split(path.sep).join('/'))})`;
        const contents = source
          .replace(/import\.meta\.url\b/g, url)
          .replace(
            /import\.meta\.dirname\b/g,
            `require("node:path").dirname(require("node:url").fileURLToPath(${url}))`,
          )
          .replace(/import\.meta\.filename\b/g, `require("node:url").fileURLToPath(${url})`);
        const loader = args.path.endsWith('ts') ? 'ts' : 'js';
        return { contents, loader, resolveDir: path.dirname(args.path) };
      });
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--help')) {
    console.log(
      'Usage: node packages/server/scripts/bundle.mjs [outdir]\nBundles the server from sources (no build needed).',
    );
  } else {
    const written = await bundleServer({ outdir: process.argv[2] });
    console.log(`bundled ${path.relative(process.cwd(), written.server)} and ${path.basename(written.worker)}`);
  }
}
