import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispute } from '../src/index.js';
import { type Run, root, run, spansIn, textOf } from './run.js';
import { schemaErrors } from './schemas.js';

const seeds = path.join(root, 'seeds');
const seedFiles = async () => (await readdir(seeds)).filter((f) => f.endsWith('.txt')).sort();

let out: string;
let json: Run;
let jsonl: Run;
let text: Run;
let brat: Run;
let w3c: Run;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'claimlens-cli-'));
  [json, jsonl, text, brat, w3c] = await Promise.all([
    run(['analyze', 'seeds', '--format', 'json']),
    run(['analyze', 'seeds', '--format', 'jsonl']),
    run(['analyze', 'seeds']),
    run(['analyze', 'seeds', '--format', 'brat', '--out', path.join(out, 'brat')]),
    run(['analyze', 'seeds', '--format', 'w3c', '--out', path.join(out, 'w3c')]),
  ]);
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('claimlens usage', () => {
  it('prints help and version, exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: claimlens <command>/);
    const version = await run(['--version']);
    const manifest = JSON.parse(await readFile(path.join(root, 'apps/cli/package.json'), 'utf8'));
    expect(version).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['no command', [], /Usage: claimlens/],
    ['an unknown command', ['summarise', 'seeds'], /Unknown command "summarise"/],
    ['an unknown option', ['analyze', 'seeds', '--colour'], /^claimlens: Unknown option --colour\.\n/],
    [
      'an unknown format',
      ['analyze', 'seeds', '--format', 'xml'],
      /Expected --format to be text, json, jsonl, brat, w3c or html, not "xml"/,
    ],
    ['analyze without a path', ['analyze'], /Expected at least one PATH/],
    ['brat without --out', ['analyze', 'seeds', '--format', 'brat'], /Expected --out DIR with --format brat/],
    ['compare with three paths', ['compare', 'gold', 'pred', 'more'], /Expected FOLDER, or GOLD and PRED, not 3 paths/],
    ['annotate with two files', ['annotate', 'a.txt', 'b.txt'], /Expected one FILE/],
    [
      'a bad size',
      ['analyze', 'seeds', '--max-file-size', 'big'],
      /Expected --max-file-size to be a positive whole number/,
    ],
  ];
  for (const [name, args, message] of usageErrors) {
    it(`exits 2 for ${name}`, async () => {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    });
  }
});

describe('claimlens analyze on the seeds', () => {
  it('writes JSON that validates against corpus.schema.json, with spans that slice to their text', async () => {
    expect(json.code, json.stderr).toBe(0);
    const corpus = JSON.parse(json.stdout);
    expect(await schemaErrors('corpus.schema.json', corpus)).toEqual([]);
    expect(corpus.articles.map((a: { path: string }) => path.basename(a.path))).toEqual(await seedFiles());
    const texts = new Map<string, string>();
    for (const a of corpus.articles) texts.set(a.id, await textOf(path.join(root, a.path)));
    const spans = spansIn(corpus);
    expect(spans.length).toBeGreaterThan(100);
    for (const { article, span } of spans) expect(texts.get(article)?.slice(span.start, span.end)).toBe(span.text);
  });

  it('takes article metadata from the seeds manifest, and nothing else', async () => {
    const corpus = JSON.parse(json.stdout);
    const manifest = JSON.parse(await readFile(path.join(seeds, 'claimlens.json'), 'utf8'));
    for (const article of corpus.articles) {
      const entry = manifest.articles[path.basename(article.path)] ?? {};
      for (const field of ['outlet', 'title', 'date', 'url'])
        expect(article[field], `${article.id} ${field}`).toBe(entry[field] ?? null);
    }
  });

  it('streams one article per line as JSON Lines', async () => {
    expect(jsonl.code, jsonl.stderr).toBe(0);
    const lines = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.article.id)).toEqual(JSON.parse(json.stdout).articles.map((a: { id: string }) => a.id));
    for (const line of lines) {
      const t = await textOf(path.join(root, line.article.path));
      for (const { span } of spansIn({ mentions: line.mentions, claims: line.claims, events: line.events }))
        expect(t.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('prints a readable report by default', () => {
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^claimlens report: 5 articles/);
    const headings = ['ARTICLES', 'STORY BOARD', 'WHO SAYS WHAT', 'ACTORS', 'PLACES'];
    expect(headings.map((h) => text.stdout.indexOf(`\n${h}\n`))).toEqual(
      headings.map((h) => text.stdout.indexOf(`\n${h}\n`)).sort((a, b) => a - b),
    );
    for (const heading of headings) expect(text.stdout).toContain(`\n${heading}\n`);
    expect(text.stdout).toMatch(/000_0a4f4db7a1272f1b {2}RT /);
    // every actor and place listed is named somewhere ("Moscow denied" names a government, not the city)
    expect(text.stdout).not.toMatch(/: 0 mentions/);
  });

  it('leads with a story board that names each dispute once, with every position and source, in 80 columns', () => {
    const corpus = JSON.parse(json.stdout);
    expect(corpus.disputes.length).toBeGreaterThan(0);
    const board = text.stdout.slice(text.stdout.indexOf('\nSTORY BOARD\n'), text.stdout.indexOf('\nWHO SAYS WHAT\n'));
    const blocks = board.split('\n\n').map((block) => block.replace(/\s+/g, ' '));
    for (const dispute of corpus.disputes) {
      const named = blocks.filter((block) => block.includes(`(${dispute.id}, confidence `));
      expect(named).toHaveLength(1);
      const flat = named[0] as string;
      for (const position of dispute.positions) {
        if (position.value) expect(flat).toContain(`“${position.value.replace(/\s+/g, ' ')}”`);
        for (const source of position.sources) expect(flat).toContain(source.name.replace(/\s+/g, ' '));
      }
    }
    for (const line of text.stdout.split('\n')) {
      // a word longer than the line (a URL, a path) may stand alone
      if (line.length > 80) expect(line.trim()).not.toContain(' ');
    }
  });

  it('writes brat and W3C files that compare as identical to each other and to the JSON', async () => {
    expect(brat.code, brat.stderr).toBe(0);
    expect(w3c.code, w3c.stderr).toBe(0);
    const files = await readdir(path.join(out, 'brat'));
    const ids = (await seedFiles()).map((f) => f.replace(/\.txt$/, ''));
    expect(files.sort()).toEqual(['annotation.conf', ...ids.flatMap((id) => [`${id}.ann`, `${id}.txt`])].sort());
    expect(await readFile(path.join(out, 'brat', `${ids[0]}.ann`), 'utf8')).toMatch(
      /^T1\t(?:Actor|Place|Source) \d+ \d+\t/m,
    );
    expect((await readdir(path.join(out, 'w3c'))).sort()).toEqual(ids.map((id) => `${id}.jsonld`));
    const jsonFile = path.join(out, 'corpus.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(jsonFile, json.stdout));
    for (const [gold, predicted] of [
      [path.join(out, 'brat'), path.join(out, 'w3c')],
      [jsonFile, path.join(out, 'brat')],
      [jsonFile, path.join(out, 'w3c')],
    ] as const) {
      const result = await run(['compare', gold, predicted, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      const score = JSON.parse(result.stdout);
      expect(score.documents.both).toEqual(ids);
      for (const row of score.rows) expect([row.name, row.exact.f1]).toEqual([row.name, 1]);
    }
    const table = await run(['compare', path.join(out, 'brat'), path.join(out, 'w3c')]);
    expect(table.stdout).toMatch(/^\s+gold\s+pred\s+P\s+R\s+F1/);
    expect(table.stdout).toMatch(/claim cue\s+\d+\s+\d+\s+100\.0\s+100\.0\s+100\.0/);
  });
});

describe('claimlens annotate', () => {
  it('writes JSON that validates against annotate.schema.json, the same from a file and from stdin', async () => {
    const file = path.join('seeds', (await seedFiles())[1] as string);
    const fromFile = await run(['annotate', file]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    const annotation = JSON.parse(fromFile.stdout);
    expect(await schemaErrors('annotate.schema.json', annotation)).toEqual([]);
    const t = await textOf(path.join(root, file));
    for (const { span } of spansIn(annotation)) expect(t.slice(span.start, span.end)).toBe(span.text);
    expect(annotation.claims.length).toBeGreaterThan(0);
    const fromStdin = await run(['annotate', '-'], { input: await readFile(path.join(root, file)) });
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const listing = await run(['annotate', file, '--format', 'text']);
    expect(listing.stdout).toMatch(/^\d+ mentions?, \d+ claims?, \d+ events?\n\nCLAIMS\n/);
  });

  it('reports an unreadable file in one line, exit 1', async () => {
    const result = await run(['annotate', 'no/such/file.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'claimlens: no/such/file.txt: error: Cannot read no/such/file.txt: no such file or folder. [read/unreadable]\n',
    );
  });
});

describe('claimlens analyze with unreadable input', () => {
  it('reports a missing path in one line and analyses the rest', async () => {
    const first = path.join('seeds', (await seedFiles())[0] as string);
    const result = await run(['analyze', 'missing.txt', first, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'claimlens: missing.txt: error: Cannot read missing.txt: no such file or folder. [read/not-found]\n',
    );
    expect(JSON.parse(result.stdout).articles).toHaveLength(1);
  });

  it('exits 1 when nothing could be read', async () => {
    const result = await run(['analyze', 'missing.txt', 'missing-folder']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'claimlens: missing.txt: error: Cannot read missing.txt: no such file or folder. [read/not-found]',
      'claimlens: missing-folder: error: Cannot read missing-folder: no such file or folder. [read/not-found]',
      'claimlens: error: no article could be read from missing.txt, missing-folder.',
    ]);
  });
});

describe('claimlens analyze --min-confidence', () => {
  it('refuses a value outside 0..1 with a usage error, before reading anything', async () => {
    for (const value of ['1.5', '-0.1', 'high', '']) {
      const result = await run(['analyze', 'seeds', `--min-confidence=${value}`]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        `Expected --min-confidence to be a number from 0 to 1 (e.g. 0.5), not "${value}".`,
      );
    }
  });

  it('hides the disputes and agreements scored below it, in the JSON and in the report', async () => {
    const all = JSON.parse(json.stdout);
    const scores = [...new Set<number>(all.disputes.map((d: Dispute) => d.confidence))].sort((a, b) => b - a);
    const threshold = scores[0] as number;
    const [strong, report] = await Promise.all([
      run(['analyze', 'seeds', '--format', 'json', '--min-confidence', String(threshold)]),
      run(['analyze', 'seeds', '--min-confidence', String(threshold)]),
    ]);
    const kept = JSON.parse(strong.stdout);
    expect(kept.disputes.map((d: Dispute) => d.id)).toEqual(
      all.disputes.filter((d: Dispute) => d.confidence >= threshold).map((d: Dispute) => d.id),
    );
    const weaker = all.disputes.length - kept.disputes.length;
    expect(kept.agreements.length).toBeLessThanOrEqual(all.agreements.length);
    for (const pair of kept.contradictions)
      expect(kept.disputes.some((d: Dispute) => d.id === pair.dispute)).toBe(true);
    expect(report.stdout.replace(/\s+/g, ' ')).toContain(
      `Shown: findings scored at least ${threshold} (--min-confidence); hidden: ${weaker} weaker dispute${weaker === 1 ? '' : 's'}`,
    );
    const flat = report.stdout.replace(/\s+/g, ' ');
    for (const d of all.disputes as Dispute[])
      expect(flat.includes(`(${d.id}, confidence `)).toBe(d.confidence >= threshold);
  });
});

describe('claimlens compare reads version 1 and version 2 corpus JSON', () => {
  it('scores a v2 file and the same file as a v1 reader wrote it alike, and names a newer version it cannot read', async () => {
    const v2 = JSON.parse(json.stdout);
    const { disputes: _, ...v1 } = { ...v2, version: 1 };
    const files = { v1: path.join(out, 'v1.json'), v2: path.join(out, 'v2.json'), v3: path.join(out, 'v3.json') };
    await writeFile(files.v1, JSON.stringify(v1));
    await writeFile(files.v2, JSON.stringify(v2));
    await writeFile(files.v3, JSON.stringify({ ...v2, version: 3 }));
    const result = await run(['compare', files.v1, files.v2, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    for (const row of JSON.parse(result.stdout).rows) expect([row.name, row.exact.f1]).toEqual([row.name, 1]);
    const newer = await run(['compare', files.v3, files.v2]);
    expect(newer.code).toBe(1);
    expect(newer.stderr).toContain('Expected claimlens JSON of version 1 or 2, not version 3');
  });
});
