import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Annotator, createAnnotator } from '@claimlens/annotator';
import { AnnotationCache, corpusToJson } from '@claimlens/core';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineBuilder } from '../src/builder.js';
import { cachedRunner, inlineRunner } from '../src/runner.js';
import { Workspace } from '../src/workspace.js';

const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'claimlens-server-cache-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Open the seeds as a workspace through a cache in `folder`; how many texts the annotator itself was given. */
async function openSeeds(annotator: Annotator) {
  let annotated = 0;
  const counting: Annotator = {
    annotate(text, options) {
      annotated++;
      return annotator.annotate(text, options);
    },
  };
  const workspace = new Workspace({
    runner: cachedRunner(inlineRunner(counting), new AnnotationCache({ folder })),
    builder: inlineBuilder(),
    timeout: () => 600_000,
    corpusDelay: 1,
  });
  for (const name of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    const file = path.join(seeds, name);
    const text = readFileSync(file, 'utf8');
    workspace.set({
      uri: `file://${file}`,
      id: name,
      path: file,
      format: 'plaintext',
      text,
      version: null,
      open: false,
    });
  }
  await workspace.idle();
  return { annotated, corpus: corpusToJson(workspace.state?.corpus ?? expect.fail('no corpus')) };
}

describe('the language server with the annotation cache', () => {
  it('opens a workspace annotated before without annotating it again, to the same corpus', async () => {
    const annotator = createAnnotator();
    const first = await openSeeds(annotator);
    expect(first.annotated).toBe(5);
    const again = await openSeeds(annotator);
    expect(again.annotated).toBe(0);
    expect(again.corpus).toEqual(first.corpus);
    expect(first.corpus.claims.length).toBeGreaterThan(10);
  });
});
