import { defineConfig } from 'vitest/config';
import { testEnv, workspaceAlias } from '../../vitest.shared.js';

export default defineConfig({
  resolve: { alias: workspaceAlias },
  test: { env: testEnv, include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
