import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bundle the app before the tests when no build has yet (turbo builds a package's dependencies, not itself). */
export default function setup(): void {
  if (existsSync(fileURLToPath(new URL('../dist/assets.js', import.meta.url)))) return;
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-app.mjs', import.meta.url))], {
    stdio: 'pipe',
  });
}
