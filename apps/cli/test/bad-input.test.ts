import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFolder, largeText, makeBadInput } from '../../../packages/core/test/fixtures/input/make-bad-input.js';
import { analyze, annotate, blankRanges, corpusToJson, findBoilerplate } from '../src/index.js';
import { root, run, spansIn, textOf } from './run.js';
import { schemaErrors } from './schemas.js';

let dir: string;
let expected: Awaited<ReturnType<typeof makeBadInput>>;
const limit = 4000;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'claimlens-bad-'));
  expected = await makeBadInput(dir);
  await writeFile(path.join(dir, 'large.txt'), largeText(limit * 3));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Names in the Markdown fixture that only its code, table, HTML, link targets and footnotes hold. */
const markupOnly = /Berlin|Paris|Moscow|Vienna|Tokyo|Ottawa|Merkel|Rome|Madrid|ambassador|spokesman|Minister|convoy/;

function checkCorpus(corpus: ReturnType<typeof corpusToJson>) {
  const byName = new Map(corpus.articles.map((a) => [path.basename(a.path), a]));
  for (const [name, { text }] of Object.entries(expected)) {
    if (text === null) expect(byName.has(name), `${name} is skipped`).toBe(false);
    else expect(byName.has(name), `${name} is read`).toBe(true);
  }
  const texts = new Map<string, string>();
  for (const a of corpus.articles) {
    const given = expected[path.basename(a.path)]?.text;
    if (given !== undefined && given !== null) texts.set(a.id, given);
  }
  let checked = 0;
  for (const { article, span } of spansIn(corpus)) {
    const text = texts.get(article);
    if (text === undefined) continue;
    expect(text.slice(span.start, span.end), `${article} ${span.start}-${span.end}`).toBe(span.text);
    checked++;
  }
  expect(checked).toBeGreaterThan(10);
  // Markup yields no mention, event or attribution. (A claim's content may run across inline link syntax in prose.)
  const markup = corpus.articles.find((a) => a.path.endsWith('markup.md'));
  const spans = spansIn({
    entities: corpus.entities,
    events: corpus.events,
    claims: corpus.claims.map((c) => ({ article: c.article, source: c.source, cue: c.cue })),
  });
  expect(spans.filter((s) => s.article === markup?.id && markupOnly.test(s.span.text))).toEqual([]);
  expect(corpus.claims.filter((c) => c.article === markup?.id && (c.source || c.cue))).toEqual([]);
}

describe('bad input through the CLI', () => {
  it('analyses what it can, one line per problem, exact offsets everywhere', async () => {
    const result = await run(['analyze', dir, '--format', 'json', '--max-file-size', String(limit)]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    for (const [name, { code }] of Object.entries(expected)) {
      if (code)
        expect(
          lines.some((l) => l.includes(name) && l.endsWith(`[${code}]`)),
          `${name}: ${code}\n${result.stderr}`,
        ).toBe(true);
    }
    expect(lines.some((l) => l.includes('large.txt') && l.endsWith('[read/too-large]'))).toBe(true);
    expect(lines.some((l) => /sub\/up: warning: Skipped .*a loop/.test(l))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^claimlens: \S.*\[[a-z-]+\/[a-z0-9-]+\]$/);
    const corpus = JSON.parse(result.stdout);
    expect(await schemaErrors('corpus.schema.json', corpus)).toEqual([]);
    checkCorpus(corpus);
    const large = corpus.articles.find((a: { path: string }) => a.path.endsWith('large.txt'));
    expect(large).toBeDefined();
  });

  it('gives an empty result for an empty file', async () => {
    const result = await run(['annotate', path.join(dir, 'empty.txt')]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1, mentions: [], claims: [], events: [] });
    expect(result.stderr).toMatch(/info: The file is empty\. \[read\/empty\]/);
  });

  it('reports broken front matter given to annotate, and annotates the rest', async () => {
    const file = path.join(dir, 'front-matter-broken.md');
    const result = await run(['annotate', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^claimlens: .*front-matter-broken\.md:\d+:\d+: warning: .*\[markdown\/front-matter\]\n$/,
    );
    const json = JSON.parse(result.stdout);
    expect(json.claims.length).toBeGreaterThan(0);
    for (const { span } of spansIn(json))
      expect(span.start).toBeGreaterThan(expected['front-matter-broken.md']?.text?.indexOf('\n\n') ?? 0);
  });

  it('skips a binary file given to annotate with a one-line reason, exit 1', async () => {
    const result = await run(['annotate', path.join(dir, 'paper.txt')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `claimlens: ${path.join(dir, 'paper.txt')}: warning: The file is a PDF document, not text; skipped. [read/binary]\n`,
    );
  });
});

describe('bad input through the script API', () => {
  it('import { analyze } from claimlens gives the same articles, messages and exact offsets', async () => {
    const corpus = await analyze([dir], { maxFileSize: limit });
    const json = corpusToJson(corpus);
    checkCorpus(json);
    const codes = new Set(corpus.messages.map((m) => `${path.basename(m.path ?? '')} ${m.code}`));
    for (const [name, { code }] of Object.entries(expected))
      if (code) expect(codes.has(`${name} ${code}`), `${name} ${code}`).toBe(true);
    expect(codes.has('large.txt read/too-large')).toBe(true);
  });
});

describe('scraped boilerplate', () => {
  it('yields no mention, claim or event: mark-prose blanks what findBoilerplate finds', async () => {
    const text = await readFile(path.join(fixtureFolder, 'boilerplate.txt'), 'utf8');
    expect(findBoilerplate(text).length).toBeGreaterThan(8);
    const annotation = annotate(text);
    expect({ mentions: annotation.mentions, claims: annotation.claims, events: annotation.events }).toEqual({
      mentions: [],
      claims: [],
      events: [],
    });
    expect(annotate(blankRanges(text, findBoilerplate(text)))).toEqual(annotation);
  });

  it('no span of `annotate --format json` on the seeds touches a boilerplate line', async () => {
    const seeds = (await readdir(path.join(root, 'seeds'))).filter((f) => f.endsWith('.txt'));
    let lines = 0;
    for (const name of seeds) {
      const file = path.join(root, 'seeds', name);
      const result = await run(['annotate', file, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      const text = await textOf(file);
      const ranges = findBoilerplate(text);
      lines += ranges.length;
      const json = JSON.parse(result.stdout);
      const touching = spansIn({ mentions: json.mentions, claims: json.claims, events: json.events }).filter(
        ({ span }) => ranges.some((r) => span.start < r.end && r.start < span.end),
      );
      expect(touching, name).toEqual([]);
    }
    expect(lines).toBeGreaterThan(5);
  });
});
