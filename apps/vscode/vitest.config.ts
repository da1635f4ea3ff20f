import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testEnv, workspaceAlias } from '../../vitest.shared.js';

export default defineConfig({
  resolve: {
    alias: {
      ...workspaceAlias,
      '@claimlens/server': fileURLToPath(new URL('../../packages/server/src/index.ts', import.meta.url)),
      vscode: fileURLToPath(new URL('./test/mocks/vscode.ts', import.meta.url)),
    },
  },
  test: { env: testEnv, include: ['test/*.test.ts'], testTimeout: 60_000 },
});
