import { fileURLToPath } from 'node:url';

/** Resolve workspace packages to their TypeScript sources, so tests need no prior build. */
export const workspaceAlias = {
  '@claimlens/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
  '@claimlens/annotator': fileURLToPath(new URL('./packages/annotator/src/index.ts', import.meta.url)),
  '@claimlens/server/protocol': fileURLToPath(new URL('./packages/server/src/protocol.ts', import.meta.url)),
};
