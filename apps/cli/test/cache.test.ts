import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, run } from './run.js';

let work: string;
let env: Record<string, string>;
let entries: string;
let seeds: string;
const cached = async () => (await readdir(entries).catch(() => [])).filter((f) => f.endsWith('.json'));
/** The entries of one kind: annotations or event groupings. */
const cachedOf = async (kind: 'annotation' | 'grouping') => {
  const names: string[] = [];
  for (const name of await cached()) {
    if ((await readFile(path.join(entries, name), 'utf8')).startsWith(`{"cache":"claimlens-${kind}"`)) names.push(name);
  }
  return names;
};

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'claimlens-cli-cache-'));
  env = { XDG_CACHE_HOME: path.join(work, 'cache') };
  entries = path.join(work, 'cache', 'claimlens', 'annotations');
  seeds = path.join(work, 'seeds');
  await cp(path.join(root, 'seeds'), seeds, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the annotation cache', () => {
  it('is filled by analyze, gives the same JSON on the next run, and is emptied by cache clear', async () => {
    const fresh = await run(['analyze', seeds, '--format', 'json', '--no-cache'], { env });
    expect(fresh.code).toBe(0);
    expect(await cached()).toEqual([]);
    const first = await run(['analyze', seeds, '--format', 'json'], { env });
    const articles = (await readdir(seeds)).filter((f) => f.endsWith('.txt')).length;
    expect(await cachedOf('annotation')).toHaveLength(articles);
    const groupings = await cachedOf('grouping');
    expect(groupings.length).toBeGreaterThan(0);
    const second = await run(['analyze', seeds, '--format', 'json'], { env });
    expect(first.stdout).toBe(fresh.stdout);
    expect(second.stdout).toBe(fresh.stdout);
    expect(second.stderr).toBe(fresh.stderr);
    const cleared = await run(['cache', 'clear'], { env });
    const removed = articles + groupings.length;
    expect(cleared).toMatchObject({
      code: 0,
      stdout: `Removed ${removed} cache entries (annotations and event groupings) from ${entries}.\n`,
    });
    expect(await cached()).toEqual([]);
  });

  it('after one file changed, analyze gives exactly what a fresh run gives', async () => {
    await run(['analyze', seeds, '--format', 'json'], { env });
    const [first] = (await readdir(seeds)).filter((f) => f.endsWith('.txt')).sort();
    const file = path.join(seeds, first as string);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/ said /, ' denied '));
    const incremental = await run(['analyze', seeds, '--format', 'json'], { env });
    const fresh = await run(['analyze', seeds, '--format', 'json', '--no-cache'], { env });
    expect(incremental.code).toBe(0);
    expect(incremental.stdout).toBe(fresh.stdout);
    expect(JSON.parse(incremental.stdout).articles.length).toBeGreaterThan(1);
  });

  it('ignores corrupt and foreign entries, gives the output of a fresh run and rewrites them', async () => {
    const fresh = await run(['analyze', seeds, '--format', 'json', '--no-cache'], { env });
    await run(['analyze', seeds, '--format', 'json'], { env });
    const names = await cachedOf('annotation');
    const [a, b, ...rest] = names.map((n) => path.join(entries, n));
    // One entry cut short, one replaced by another text's annotation, the others' annotations emptied.
    await writeFile(a as string, (await readFile(a as string, 'utf8')).slice(0, 200));
    await writeFile(b as string, await readFile(rest[0] as string));
    for (const file of rest) {
      const [header] = (await readFile(file, 'utf8')).split('\n');
      await writeFile(
        file,
        `${header}\n{"mentions":[],"entities":[],"claims":[],"events":[],"sentences":[],"messages":[]}`,
      );
    }
    const again = await run(['analyze', seeds, '--format', 'json'], { env });
    expect(again.stdout).toBe(fresh.stdout);
    const rewritten = await run(['analyze', seeds, '--format', 'json'], { env });
    expect(rewritten.stdout).toBe(fresh.stdout);
    expect((await cachedOf('annotation')).sort()).toEqual([...names].sort());
  });

  it('serves annotate from the same cache, and --no-cache leaves it alone', async () => {
    const [first] = (await readdir(seeds)).filter((f) => f.endsWith('.txt')).sort();
    const file = path.join(seeds, first as string);
    const fresh = await run(['annotate', file, '--no-cache'], { env });
    expect(await cached()).toEqual([]);
    await run(['analyze', seeds, '--format', 'json'], { env });
    const served = await run(['annotate', file], { env });
    expect(served).toEqual(fresh);
  });
});
