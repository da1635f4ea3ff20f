#!/usr/bin/env node
/**
 * Integration tests in a real VS Code (@vscode/test-electron): installs nothing, but DOWNLOADS a VS Code build the
 * first time, so it runs only where that download is possible (not offline, and not part of `npm test`).
 * Build first (`npm run build`); `npm run test:integration` does both.
 *
 * Usage: node test/integration/run.mjs   (env CLAIMLENS_VSCODE_VERSION: a version or "stable"; default "stable")
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDevelopmentPath = path.resolve(here, '../..');
const workspace = mkdtempSync(path.join(os.tmpdir(), 'claimlens-integration-'));
cpSync(path.resolve(here, '../../../../packages/server/test/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.CLAIMLENS_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath,
    extensionTestsPath: path.join(here, 'suite.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
