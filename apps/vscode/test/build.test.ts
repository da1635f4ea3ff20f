import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the build', () => {
  it('bundles the client, the server, its worker, the annotator data and its licences into dist/, needing only vscode', () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    for (const file of [
      'dist/extension.cjs',
      'dist/server.cjs',
      'dist/worker.cjs',
      'dist/annotator/data/README.md',
      'dist/NOTICE',
    ]) {
      expect(existsSync(`${root}/${file}`), file).toBe(true);
    }
    const allowed = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const bundle of ['dist/extension.cjs', 'dist/server.cjs', 'dist/worker.cjs']) {
      const required = [...readFileSync(`${root}/${bundle}`, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map(
        (m) => m[1]!,
      );
      expect(
        required.filter((name) => !allowed.has(name)),
        bundle,
      ).toEqual([]);
    }
  });
});
