import { readFileSync } from 'node:fs';

/** Where a command reads and writes; `processIo` in the binary, a capture in tests. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readStdin(): Promise<Uint8Array>;
}

export const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks);
  },
};

/** A mistake in how the command was called: reported with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The version in the package manifest. */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}
