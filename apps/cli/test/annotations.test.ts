import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatAnnotationFile, newAnnotation } from '@claimlens/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './run.js';
import { schemaErrors } from './schemas.js';

type Mention = { start: number; end: number; text: string; type: string; kind: string; origin: string };

let dir: string;
let name: string;
let rejected: Mention;
let accepted: Mention;
let tagged: { start: number; end: number; text: string };
const inserted = 'Editor’s note: this paragraph was added after the annotations were made.\n\n';

/** An article with a machine span rejected and an untagged word tagged, in its annotations file; then text inserted above both. */
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'claimlens-human-'));
  name = (await readdir(path.join(root, 'seeds'))).filter((f) => f.endsWith('.txt')).sort()[0] as string;
  const file = path.join(dir, name);
  await copyFile(path.join(root, 'seeds', name), file);
  const text = await readFile(file, 'utf8');
  const machine = JSON.parse((await run(['annotate', file])).stdout) as { mentions: Mention[] };
  rejected = machine.mentions.find((m) => m.type === 'actor') as Mention;
  accepted = machine.mentions.find((m) => m.type === 'place') as Mention;
  // A capitalised word the machine left untagged, outside every mention.
  const word = [...text.matchAll(/\b\p{Lu}\p{Ll}{4,}\b/gu)].find(
    (m) => !machine.mentions.some((x) => x.start < (m.index ?? 0) + m[0].length && (m.index ?? 0) < x.end),
  );
  const start = word?.index ?? 0;
  tagged = { start, end: start + (word?.[0].length ?? 0), text: word?.[0] ?? '' };
  const annotations = [
    newAnnotation(text, rejected.start, rejected.end, { creator: 'tester', tag: 'none' }),
    newAnnotation(text, tagged.start, tagged.end, { creator: 'tester', tag: 'actor', kind: 'organization' }),
    newAnnotation(text, accepted.start, accepted.end, {
      creator: 'tester',
      tag: 'place',
      kind: accepted.kind as 'country',
      accepted: true,
    }),
  ];
  await mkdir(path.join(dir, '.claimlens/annotations'), { recursive: true });
  await writeFile(
    path.join(dir, '.claimlens/annotations', `${name}.jsonld`),
    formatAnnotationFile(name, annotations, text),
  );
  await writeFile(file, inserted + text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('human annotations on the command line', () => {
  it('analyze applies them after an edit above them: the tag holds, the rejected span is gone, origin says who', async () => {
    const result = await run(['analyze', dir, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/annotations\//);
    const corpus = JSON.parse(result.stdout);
    expect(await schemaErrors('corpus.schema.json', corpus)).toEqual([]);
    const mentions = corpus.entities.flatMap((e: { type: string; mentions: Mention[] }) =>
      e.mentions.map((m) => ({ ...m, type: e.type })),
    ) as Mention[];
    const shift = inserted.length;
    expect(mentions).toContainEqual(
      expect.objectContaining({ start: tagged.start + shift, text: tagged.text, type: 'actor', origin: 'human' }),
    );
    expect(mentions.some((m) => m.start === rejected.start + shift && m.end === rejected.end + shift)).toBe(false);
    expect(
      mentions
        .filter((m) => m.origin === 'human')
        .map((m) => m.text)
        .sort(),
    ).toEqual([tagged.text, accepted.text].sort());
  });

  it('annotate reads the file too, and the W3C and brat exports mark what a person made', async () => {
    const annotated = JSON.parse((await run(['annotate', path.join(dir, name)])).stdout) as { mentions: Mention[] };
    expect(
      annotated.mentions
        .filter((m) => m.origin === 'human')
        .map((m) => m.text)
        .sort(),
    ).toEqual([tagged.text, accepted.text].sort());
    const w3c = JSON.parse((await run(['analyze', dir, '--format', 'w3c'])).stdout);
    const human = w3c.first.items.filter((i: { origin?: string }) => i.origin === 'human');
    expect(
      human.map((i: { target: { selector: { exact?: string }[] } }) => i.target.selector[0]?.exact).sort(),
    ).toEqual([tagged.text, accepted.text].sort());
    const out = path.join(dir, '..', `${path.basename(dir)}-brat`);
    await run(['analyze', dir, '--format', 'brat', '--out', out]);
    const ann = await readFile(path.join(out, name.replace(/\.txt$/, '.ann')), 'utf8');
    expect(ann).toMatch(/^A\d+\tOrigin T\d+ human$/m);
    await rm(out, { recursive: true, force: true });
  });

  it('compare FOLDER reports the machine against the human annotations, per type', async () => {
    const result = await run(['compare', dir, '--format', 'json']);
    expect(result.code).toBe(0);
    const { rows, orphaned, articles } = JSON.parse(result.stdout);
    const row = (type: string) => rows.find((r: { type: string }) => r.type === type);
    // The word the machine left untagged is missed, the actor it found is rejected, the place it found accepted.
    expect(row('actor')).toMatchObject({ human: 1, agree: 0, missed: 1, rejected: 1, agreement: 0 });
    expect(row('place')).toMatchObject({ human: 1, agree: 1, sameKind: 1, rejected: 0, agreement: 1 });
    expect({ orphaned, articles }).toEqual({ orphaned: 0, articles: 1 });
    const text = await run(['compare', dir]);
    expect(text.stdout).toMatch(/^place\s+1\s+1\s+1\s+0\s+0\s+0\s+0\s+100\.0%$/m);
  });

  it('reports a broken item with file and line and an orphan, applies the rest, and leaves the file as it was', async () => {
    const file = path.join(dir, '.claimlens/annotations', `${name}.jsonld`);
    const before = await readFile(file, 'utf8');
    const broken = JSON.parse(before);
    const deleted = { ...broken.items[0], id: 'urn:test:deleted' };
    deleted.target = structuredClone(deleted.target);
    deleted.target.selector[0].exact = 'words that were never in this article at all';
    broken.items.push(
      { ...broken.items[0], id: 'urn:test:bad', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'hero' }] },
      deleted,
    );
    const raw = `${JSON.stringify(broken, null, 2)}\n`;
    await writeFile(file, raw);
    try {
      const result = await run(['analyze', dir, '--format', 'json']);
      expect(result.code).toBe(0);
      const badLine = raw.split('\n').findIndex((l) => l.includes('"hero"'));
      expect(result.stderr).toMatch(
        new RegExp(
          `${name.replace('.', '\\.')}\\.jsonld:\\d+: error: Annotation ${broken.items.length - 1}: .*"hero".* \\[annotations/invalid\\]`,
        ),
      );
      const line = Number(/\.jsonld:(\d+): error/.exec(result.stderr)?.[1]);
      expect(line).toBeGreaterThan(0);
      expect(line).toBeLessThanOrEqual(badLine + 1);
      expect(result.stderr).toMatch(
        /warning: The (actor|rejection) marked on "words that were never.*\[annotations\/orphaned\]/,
      );
      const corpus = JSON.parse(result.stdout);
      expect(corpus.entities.some((e: { mentions: Mention[] }) => e.mentions.some((m) => m.origin === 'human'))).toBe(
        true,
      );
      expect(await readFile(file, 'utf8')).toBe(raw);
    } finally {
      await writeFile(file, before);
    }
  });
});
