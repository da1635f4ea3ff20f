import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../src/index.js';
import { root, run } from './run.js';
import { validate } from './schema-validator.js';

const schema = async (name: string) =>
  JSON.parse(await readFile(path.join(root, 'packages/core/schema', name), 'utf8'));

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
    expect(validate(await schema('corpus.schema.json'), corpus)).toEqual([]);
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
    expect(validate(await schema('corpus-v1.schema.json'), { ...corpus, version: 1 })).toEqual([]);
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
    expect(validate(await schema('annotate.schema.json'), annotation)).toEqual([]);
    const missing = [...keyPaths(annotation, 'annotate')].filter(
      (k) => !documented(doc, k.split('.').at(-1) as string),
    );
    expect(missing).toEqual([]);
  });

  it('the seeds manifest validates against config.schema.json', async () => {
    const config = JSON.parse(await readFile(path.join(root, 'seeds/claimlens.json'), 'utf8'));
    expect(validate(await schema('config.schema.json'), config)).toEqual([]);
  });
});
