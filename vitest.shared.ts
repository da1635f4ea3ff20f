import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Resolve workspace packages to their TypeScript sources, so tests need no prior build. */
export const workspaceAlias = {
  '@claimlens/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@claimlens/annotator': fileURLToPath(new URL('./packages/annotator/src/index.ts', import.meta.url)),
  '@claimlens/server/protocol': fileURLToPath(new URL('./packages/server/src/protocol.ts', import.meta.url)),
};

/**
 * The environment tests run in: claimlens' annotation cache in a temporary folder of this run (removed at exit),
 * never the user's; child processes (the CLI's binary, the language server) inherit it.
 */
const cacheHome = mkdtempSync(path.join(tmpdir(), 'claimlens-test-cache-'));
process.on('exit', () => rmSync(cacheHome, { recursive: true, force: true }));
export const testEnv = { XDG_CACHE_HOME: cacheHome };
