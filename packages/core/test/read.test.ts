import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileSelector, readCorpus } from '@claimlens/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFolder, largeText, makeBadInput } from './fixtures/input/make-bad-input.js';

let dir: string;
let expected: Awaited<ReturnType<typeof makeBadInput>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'claimlens-read-'));
  expected = await makeBadInput(path.join(dir, 'bad'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readCorpus on bad input', () => {
  it('reads every readable file with its exact decoded text, and reports the rest', async () => {
    const result = await readCorpus([path.join(dir, 'bad')]);
    const byName = new Map(result.articles.map((a) => [path.basename(a.path), a]));
    const all = [...result.messages, ...result.articles.flatMap((a) => a.messages)];
    for (const [name, { text, code }] of Object.entries(expected)) {
      if (text === null) expect(byName.has(name), name).toBe(false);
      else expect(byName.get(name)?.text, name).toBe(text);
      if (code)
        expect(
          all.some((m) => m.code === code && m.path?.endsWith(name)),
          `${name}: ${code}`,
        ).toBe(true);
    }
    for (const m of all) expect(m.reason, m.reason).not.toMatch(/\n/);
  });

  it('counts a duplicate once, and does not walk a folder link loop twice', async () => {
    const result = await readCorpus([path.join(dir, 'bad')]);
    const names = result.articles.map((a) => path.basename(a.path));
    expect(names.filter((n) => n === 'utf8.txt')).toHaveLength(1);
    expect(names).not.toContain('z-duplicate.txt');
    expect(new Set(result.articles.map((a) => a.id)).size).toBe(result.articles.length);
  });

  it('keeps reading after a missing path and an explicit folder-as-file', async () => {
    const result = await readCorpus([path.join(dir, 'missing.txt'), path.join(dir, 'bad', 'utf8.txt')]);
    expect(result.articles).toHaveLength(1);
    expect(result.messages).toEqual([expect.objectContaining({ code: 'read/not-found', severity: 'error' })]);
    expect(result.messages[0]?.reason).toMatch(/missing\.txt: no such file or folder/);
  });

  it('analyses a file over the size limit up to the limit, with a warning', async () => {
    const file = path.join(dir, 'large.txt');
    await writeFile(file, largeText(5000));
    const { articles } = await readCorpus([file], { maxFileSize: 1001 });
    const article = articles[0];
    expect(Buffer.byteLength(article?.text ?? '')).toBeLessThanOrEqual(1001);
    expect(article?.text).not.toContain('\uFFFD');
    expect(article?.messages.map((m) => m.code)).toEqual(['read/too-large']);
  });

  it('reports broken and unclosed front matter without failing the article', async () => {
    const { articles } = await readCorpus([
      path.join(fixtureFolder, 'front-matter-broken.md'),
      path.join(fixtureFolder, 'front-matter-unclosed.md'),
    ]);
    expect(articles).toHaveLength(2);
    for (const a of articles) {
      expect(a.messages).toEqual([expect.objectContaining({ code: 'markdown/front-matter', severity: 'warning' })]);
      expect(a.title).toBeNull();
    }
  });
});

describe('readCorpus metadata and claimlens.json', () => {
  it('takes metadata from front matter first', async () => {
    const { articles } = await readCorpus([path.join(fixtureFolder, 'front-matter.md')]);
    expect(articles[0]).toMatchObject({
      format: 'markdown',
      title: 'Border crossing disputed',
      outlet: 'Example Gazette',
      date: '2019-03-04',
      url: 'https://example.org/border',
      author: 'Ann Writer, Bo Reporter',
      provenance: { title: 'front-matter', outlet: 'front-matter' },
    });
  });

  it('takes metadata from the manifest, applies include/exclude, and passes the entity corrections on', async () => {
    const result = await readCorpus([path.join(fixtureFolder, 'manifest')]);
    expect(result.articles.map((a) => path.basename(a.path))).toEqual(['story.txt']);
    expect(result.articles[0]).toMatchObject({
      outlet: 'Manifest Times',
      date: '2019-03-04',
      title: 'A story',
      url: null,
    });
    expect(result.config).toMatchObject({ aliases: { 'United Nations': ['UN', 'U.N.'] }, ignore: ['Monday'] });
    expect(result.messages).toEqual([
      expect.objectContaining({
        code: 'config/invalid',
        severity: 'warning',
        reason: expect.stringContaining('"colour"'),
      }),
    ]);
  });

  it('infers metadata only where the text says it, and leaves the rest null', async () => {
    const { articles } = await readCorpus([
      path.join(fixtureFolder, 'dateline.txt'),
      path.join(fixtureFolder, 'boilerplate.txt'),
    ]);
    expect(articles[0]).toMatchObject({
      outlet: 'Reuters',
      title: null,
      date: null,
      url: null,
      provenance: { outlet: 'text' },
    });
    expect(articles[1]?.outlet).toBe('Example Media Group');
  });

  it('takes the size limit from claimlens.json unless the caller gives one', async () => {
    const folder = path.join(dir, 'limited');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    await writeFile(path.join(folder, '.claimlens.json'), JSON.stringify({ maxFileSize: 500 }));
    await writeFile(path.join(folder, 'long.txt'), largeText(2000));
    const limited = await readCorpus([folder]);
    expect(Buffer.byteLength(limited.articles[0]?.text ?? '')).toBeLessThanOrEqual(500);
    expect(limited.articles[0]?.messages[0]?.code).toBe('read/too-large');
    const given = await readCorpus([folder], { maxFileSize: 5000 });
    expect(given.articles[0]?.messages).toEqual([]);
  });

  it('reports a merge group of one name and a version key, and keeps the other groups', async () => {
    const folder = path.join(dir, 'short-merge');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    await writeFile(
      path.join(folder, 'claimlens.json'),
      JSON.stringify({ version: 1, merge: [['FSB'], ['Kyiv', 'Kiev']] }),
    );
    await writeFile(path.join(folder, 'a.txt'), 'The minister said so.');
    const result = await readCorpus([folder]);
    expect(result.config.merge).toEqual([['Kyiv', 'Kiev']]);
    expect(result.messages.map((m) => [m.code, m.severity, m.reason])).toEqual([
      ['config/invalid', 'warning', 'Unknown key "version" in claimlens.json; ignored.'],
      [
        'config/invalid',
        'warning',
        'A group in "merge" of claimlens.json has fewer than two names, so it merges nothing; ignored.',
      ],
    ]);
  });

  it('reports invalid JSON in claimlens.json and still reads the folder', async () => {
    const folder = path.join(dir, 'bad-config');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    await writeFile(path.join(folder, 'claimlens.json'), '{ "aliases": ');
    await writeFile(path.join(folder, 'a.txt'), 'The minister said so.');
    const result = await readCorpus([folder]);
    expect(result.articles).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ code: 'config/invalid', severity: 'error' });
  });
});

describe('readCorpus: choosing the files of a folder', () => {
  async function folderWith(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
    const folder = path.join(dir, name);
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
      await writeFile(path.join(folder, file), content);
    }
    return folder;
  }
  const names = (result: Awaited<ReturnType<typeof readCorpus>>, folder: string) =>
    result.articles.map((a) => path.relative(folder, a.path).split(path.sep).join('/'));

  it('matches claimlens.json globs without regard to case, and a glob without a folder in any folder', async () => {
    const folder = await folderWith('globs', {
      'claimlens.json': JSON.stringify({ include: ['*.MD'], exclude: ['drafts/**'] }),
      'top.md': 'A top story.',
      'news/2024/deep.md': 'A deep story.',
      'drafts/draft.md': 'A draft.',
      'notes.txt': 'Not included.',
    });
    expect(names(await readCorpus([folder]), folder)).toEqual(['news/2024/deep.md', 'top.md']);
  });

  it('reads a comma in a glob as a comma, outside braces', async () => {
    const folder = await folderWith('comma', {
      'claimlens.json': JSON.stringify({ include: ['**/a,b.txt'] }),
      'x/apple.md': 'An apple.',
      'x/a,b.txt': 'A comma.',
    });
    expect(names(await readCorpus([folder]), folder)).toEqual(['x/a,b.txt']);
  });

  it('reports a glob it cannot read instead of throwing, and reads the rest of the folder', async () => {
    const folder = await folderWith('bad-glob', {
      'claimlens.json': JSON.stringify({ include: ['foo}', 'x'.repeat(70_000), '*.txt'] }),
      'a.txt': 'The minister said so.',
      'foo}': 'A file named like the pattern.',
    });
    const result = await readCorpus([folder]);
    expect(names(result, folder)).toEqual(['a.txt', 'foo}']);
    expect(result.messages).toEqual([
      expect.objectContaining({
        code: 'config/invalid',
        severity: 'warning',
        path: path.join(folder, 'claimlens.json'),
        reason: expect.stringMatching(/^Expected a glob in "include" or "exclude" of claimlens\.json, not "x+…"/),
      }),
    ]);
  });

  it("never reads a file the caller's globs leave out", async () => {
    const folder = await folderWith('caller-globs', {
      'a.txt': 'The minister said so.',
      'skip/binary.txt': new Uint8Array([0, 1, 2, 0, 255, 0]),
      'b.markdown': 'Markdown story.',
    });
    const result = await readCorpus([folder], { include: ['**/*.txt', '**/*.md'], exclude: ['skip/**'] });
    expect(names(result, folder)).toEqual(['a.txt']);
    expect(result.messages).toEqual([]);
  });
  it('select files by include and exclude globs', () => {
    const matchesGlob = (relativePath: string, glob: string) => fileSelector({ include: [glob] })(relativePath);
    const selectFile = (relativePath: string, include: string[], exclude: string[]) =>
      fileSelector({ include, exclude })(relativePath);
    expect(matchesGlob('news/2024/a.txt', '**/*.txt')).toBe(true);
    expect(matchesGlob('a.txt', '**/*.txt')).toBe(true);
    expect(matchesGlob('a.md', '*.{md,markdown}')).toBe(true);
    expect(matchesGlob('notes/a.log', '**/*.txt')).toBe(false);
    expect(selectFile('node_modules/x/readme.md', ['**/*.md'], ['**/node_modules/**'])).toBe(false);
    expect(selectFile('.claimlens/dismissed.md', ['**/*.md'], ['**/.*/**'])).toBe(false);
    expect(selectFile('drafts/a.md', ['**/*.md'], ['drafts/**'])).toBe(false);
  });
});
