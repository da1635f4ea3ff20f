import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/index.js';
import type { Io } from '../src/io.js';

function capture(tty: boolean, stdin = ''): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { isTTY: tty, write: (chunk: string) => (io.out += chunk) },
    stderr: { isTTY: tty, write: (chunk: string) => (io.err += chunk) },
    readStdin: async () => Buffer.from(stdin),
  };
  return io;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'claimlens-main-'));
  for (const n of [1, 2, 3])
    await writeFile(
      path.join(dir, `${n}.txt`),
      `Officials in Kyiv said on Monday that ${n * 100} soldiers had crossed the border.`,
    );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('main (in process)', () => {
  it('draws a progress bar on a terminal and clears it, and none otherwise', async () => {
    const tty = capture(true);
    expect(await main(['analyze', dir, '--format', 'json'], tty)).toBe(0);
    const erase = '\r\u001b[2K';
    expect(tty.err).toContain(`${erase}[${'#'.repeat(10)}${'-'.repeat(20)}] 1/3 `);
    expect(tty.err).toMatch(/\[#{30}\] 3\/3 /);
    expect(tty.err.endsWith(erase)).toBe(true);
    expect(JSON.parse(tty.out).articles).toHaveLength(3);
    const pipe = capture(false);
    expect(await main(['analyze', dir, '--format', 'json'], pipe)).toBe(0);
    expect(pipe.err).toBe('');
    expect(pipe.out).toBe(tty.out);
  });

  it('reads stdin for annotate - and writes --out files for json and jsonl', async () => {
    const io = capture(false, 'The ministry said that troops had left Donetsk.');
    expect(await main(['annotate', '-'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ version: 1 });
    const out = path.join(dir, 'out');
    expect(await main(['analyze', dir, '--format', 'jsonl', '--out', out, '--quiet'], capture(false))).toBe(0);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path.join(out, 'corpus.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(3);
  });

  it('returns 2 for usage errors without throwing', async () => {
    const io = capture(false);
    expect(await main(['analyze', '--format'], io)).toBe(2);
    expect(io.err).toMatch(
      /^claimlens: Option '--format <value>' argument missing\nRun "claimlens --help" for usage\.\n$/,
    );
  });
});
