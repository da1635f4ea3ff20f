import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function build(project: string, required: boolean): void {
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? error);
    if (required) throw new Error(`Building ${project} failed:\n${output}`);
  }
}

/** Build the CLI before its tests; its workspace dependencies too when they have no build (turbo builds them first). */
export default function setup(): void {
  for (const pkg of ['packages/core', 'packages/annotator', 'packages/views']) {
    if (!existsSync(`${root}${pkg}/dist/index.js`)) build(`${pkg}/tsconfig.build.json`, false);
  }
  if (!existsSync(`${root}packages/views/dist/assets.js`))
    execFileSync(process.execPath, ['packages/views/scripts/build-app.mjs'], { cwd: root, stdio: 'pipe' });
  build('apps/cli/tsconfig.build.json', true);
}
