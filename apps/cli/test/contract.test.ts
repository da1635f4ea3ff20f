import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispute } from '../src/index.js';
import { root, run } from './run.js';
import { schemaErrors } from './schemas.js';

/** Every object key in a JSON value, as `parent.key` paths without array indexes. */
function keyPaths(value: unknown, at = ''): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) for (const item of node) walk(item, where);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        // Provenance is keyed by metadata field names, which the contract documents as fields.
        found.add(`${where}.${key}`);
        if (key !== 'provenance') walk(child, `${where}.${key}`);
      }
    }
  };
  walk(value, at);
  return found;
}

/** Whether docs/json-contract.md names a field: in backticks, as `.field`, or as a key of its JSON examples. */
function documented(doc: string, key: string): boolean {
  return doc.includes(`\`${key}\``) || doc.includes(`.${key}\``) || doc.includes(`"${key}"`);
}

describe('docs/json-contract.md and the JSON Schemas describe what the CLI prints', () => {
  it('analyze --format json and --format jsonl: every field is documented, and the schema validates it', async () => {
    const doc = await readFile(path.join(root, 'docs/json-contract.md'), 'utf8');
    const result = await run(['analyze', 'seeds', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const corpus = JSON.parse(result.stdout);
    expect(corpus.version).toBe(2);
    expect(await schemaErrors('corpus.schema.json', corpus)).toEqual([]);
    const lines = await run(['analyze', 'seeds', '--format', 'jsonl']);
    const keys = [
      ...keyPaths(corpus, 'corpus'),
      ...keyPaths(
        lines.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
        'line',
      ),
    ];
    const missing = keys.filter((k) => !documented(doc, k.split('.').at(-1) as string));
    expect(missing).toEqual([]);
  });

  it('version 2 keeps what version 1 gave: contradictions are pairs of the disputes, valid under the v1 schema', async () => {
    const result = await run(['analyze', 'seeds', '--format', 'json']);
    const corpus = JSON.parse(result.stdout);
    expect(await schemaErrors('corpus-v1.schema.json', { ...corpus, version: 1 })).toEqual([]);
    const claims = new Set(corpus.claims.map((c: { id: string }) => c.id));
    const disputes = new Map(corpus.disputes.map((d: Dispute) => [d.id, d]));
    for (const d of corpus.disputes as Dispute[])
      for (const p of d.positions) for (const id of p.claims) expect(claims.has(id), id).toBe(true);
    // one pair per dispute, between two of its positions, naming a claim of each
    expect(corpus.contradictions.map((c: { dispute: string }) => c.dispute)).toEqual(
      corpus.disputes.map((d: Dispute) => d.id),
    );
    for (const pair of corpus.contradictions) {
      const dispute = disputes.get(pair.dispute) as Dispute;
      expect(dispute.event).toBe(pair.event);
      for (const [i, id] of pair.claims.entries()) {
        const position = dispute.positions.find((p) => p.claims.includes(id));
        expect(position?.value).toBe(pair.values[i]);
      }
    }
  });

  it('annotate --format json: every field is documented, and the schema validates it', async () => {
    const doc = await readFile(path.join(root, 'docs/json-contract.md'), 'utf8');
    const result = await run(['annotate', 'seeds/003_dbf670fa4171bb0b.txt', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const annotation = JSON.parse(result.stdout);
    expect(await schemaErrors('annotate.schema.json', annotation)).toEqual([]);
    const missing = [...keyPaths(annotation, 'annotate')].filter(
      (k) => !documented(doc, k.split('.').at(-1) as string),
    );
    expect(missing).toEqual([]);
  });

  it('a broken corpus fails the schema, with the field ajv names', async () => {
    const corpus = JSON.parse((await run(['analyze', 'seeds', '--format', 'json'])).stdout);
    const { disputes: _, ...withoutDisputes } = corpus;
    expect(await schemaErrors('corpus.schema.json', { ...withoutDisputes, version: 3 })).toEqual([
      expect.stringMatching(/^\/ must have required property 'disputes'/),
      expect.stringMatching(/^\/version must be equal to constant/),
    ]);
  });

  it('the seeds manifest, the editor sample and the documented example validate against config.schema.json', async () => {
    const doc = await readFile(path.join(root, 'docs/json-contract.md'), 'utf8');
    const example = /## claimlens\.json[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    const configs = [
      await readFile(path.join(root, 'seeds/claimlens.json'), 'utf8'),
      await readFile(path.join(root, 'apps/vscode/samples/claimlens.json'), 'utf8'),
      example as string,
    ];
    for (const config of configs) expect(await schemaErrors('config.schema.json', JSON.parse(config))).toEqual([]);
  });
});

describe('claimlens.json: what the schema rejects, the CLI reports (config/invalid) and ignores', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'claimlens-config-'));
    await writeFile(path.join(dir, 'story.txt'), 'The minister said the talks had failed.\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const broken: [string, Record<string, unknown>][] = [
    ['merge of the wrong type', { merge: 'FSB' }],
    ['a merge group of one name', { merge: [['FSB'], ['Kyiv', 'Kiev']] }],
    ['a key the contract does not have', { version: 1 }],
    ['an unknown key', { colour: 'blue' }],
    ['aliases to a name instead of a list', { aliases: { Kyiv: 'Kiev' } }],
    ['a size limit of zero', { maxFileSize: 0 }],
  ];
  for (const [what, config] of broken) {
    it(`${what}: ${JSON.stringify(config)}`, async () => {
      expect(await schemaErrors('config.schema.json', config)).not.toEqual([]);
      await writeFile(path.join(dir, 'claimlens.json'), JSON.stringify(config));
      const result = await run(['analyze', dir, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/claimlens\.json: warning: .*\[config\/invalid\]/);
      expect(JSON.parse(result.stdout).articles).toHaveLength(1);
    });
  }

  it('a valid file is not reported', async () => {
    const config = { aliases: { Kyiv: ['Kiev'] }, merge: [['FSB', 'Federal Security Service']], maxFileSize: 1000 };
    expect(await schemaErrors('config.schema.json', config)).toEqual([]);
    await writeFile(path.join(dir, 'claimlens.json'), JSON.stringify(config));
    const result = await run(['analyze', dir, '--format', 'json']);
    expect(result.stderr).not.toMatch(/config\/invalid/);
  });
});
