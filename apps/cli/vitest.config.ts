import { defineConfig } from 'vitest/config';
import { testEnv, workspaceAlias } from '../../vitest.shared.js';

export default defineConfig({
  resolve: { alias: workspaceAlias },
  test: {
    env: testEnv,
    include: ['test/**/*.test.ts'],
    // The CLI is tested as a built binary: build it (and any workspace package without a dist) first.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
