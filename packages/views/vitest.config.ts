import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared.js';

export default defineConfig({
  resolve: {
    alias: [
      ...Object.entries(workspaceAlias).map(([find, replacement]) => ({ find, replacement })),
      // The bundled app, which test/global-setup.ts builds when it is missing.
      { find: /^\.\/assets\.js$/, replacement: fileURLToPath(new URL('./dist/assets.js', import.meta.url)) },
    ],
  },
  test: { include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
});
