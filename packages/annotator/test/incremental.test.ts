import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnnotationCache, corpusToJson } from '@claimlens/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

const fixtures = new URL('./fixtures/disputes/', import.meta.url);
const seeds = new URL('../../../seeds/', import.meta.url);

let work: string;
let corpus: string;
let cache: AnnotationCache;

// Each test analyses the corpus several times, half of them with no cache: minutes on a loaded machine.

/** The grouping entries in the cache folder (their file names). */
const groupings = () =>
  readdirSync(cache.folder).filter((name) =>
    readFileSync(path.join(cache.folder, name), 'utf8').startsWith('{"cache":"claimlens-grouping"'),
  );
const json = async (options: { cache: AnnotationCache | null }) =>
  JSON.stringify(corpusToJson(await analyze([corpus], options)));

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'claimlens-incremental-'));
  corpus = path.join(work, 'corpus');
  cpSync(seeds, corpus, { recursive: true });
  // Two reports of each of nine stories beside the seeds' story: several sub-topics.
  for (const story of readdirSync(fixtures)) {
    for (const name of readdirSync(new URL(story, fixtures))) {
      cpSync(new URL(`${story}/${name}`, fixtures), path.join(corpus, `${story}-${name}`));
    }
  }
  cache = new AnnotationCache({ folder: path.join(work, 'cache') });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental corpus building', () => {
  it('after one file changes, regroups only its sub-topic and gives exactly the JSON of a fresh run', async () => {
    expect(await json({ cache })).toBe(await json({ cache: null }));
    const stored = groupings();
    expect(stored.length).toBeGreaterThan(2);
    // Random edits (a fixed seed, so that a failure repeats): a sentence of another article added to one, or
    // one of its sentences removed.
    let seed = 16;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const files = readdirSync(corpus).filter((name) => /\.(md|txt)$/.test(name));
    for (let round = 0; round < 2; round++) {
      const file = path.join(corpus, files[random(files.length)] as string);
      const text = readFileSync(file, 'utf8');
      const sentences = text.split(/(?<=\.) /);
      if (round % 2 === 0) {
        const other = readFileSync(path.join(corpus, files[random(files.length)] as string), 'utf8');
        const sentence =
          other.split(/(?<=\.) /).find((s) => / said /.test(s)) ?? 'The minister said the talks went on.';
        writeFileSync(file, `${text.trimEnd()}\n\n${sentence.trim()}\n`);
      } else {
        sentences.splice(random(sentences.length), 1);
        writeFileSync(file, sentences.join(' '));
      }
      const before = new Set(groupings());
      const incremental = await json({ cache });
      const regrouped = groupings().filter((name) => !before.has(name));
      expect(incremental).toBe(await json({ cache: null }));
      expect(regrouped.length).toBeLessThan(stored.length);
    }
  }, 300_000);

  it('ignores a corrupt grouping entry, gives the JSON of a fresh run and rewrites it', async () => {
    // only the groupings of the corpus as it is now
    for (const name of groupings()) rmSync(path.join(cache.folder, name));
    await json({ cache });
    const names = groupings();
    for (const name of names) {
      const file = path.join(cache.folder, name);
      const [header, grouping] = readFileSync(file, 'utf8').split('\n');
      const zeros = JSON.stringify((JSON.parse(grouping as string) as number[]).map(() => 0));
      // One cut short, the others a valid-looking grouping (every mention in one event) that fails its checksum.
      writeFileSync(file, name === names[0] ? `${header}\n[0,` : `${header}\n${zeros}`);
    }
    expect(await json({ cache })).toBe(await json({ cache: null }));
    expect(groupings().sort()).toEqual([...names].sort());
    for (const name of names) expect(cache.getGrouping(name.replace(/\.json$/, ''))).toBeDefined();
  }, 120_000);
});
