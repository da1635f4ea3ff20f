import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inlineBuilder } from '../src/builder.js';
import { type AnnotationRunner, inlineRunner, TimeoutError, workerRunner } from '../src/runner.js';
import { normaliseSettings } from '../src/settings.js';
import { Workspace } from '../src/workspace.js';
import { buildWithDispute, fakeAnnotator } from './helpers.js';

const article = (id: string, text: string, open = false, version: number | null = null) => ({
  uri: `file:///news/${id}`,
  id,
  path: `/news/${id}`,
  format: 'plaintext' as const,
  text,
  version,
  open,
});

describe('the workspace model', () => {
  it('keeps only the newest text of a document when edits arrive while it is analysed', async () => {
    const seen: string[] = [];
    const annotator = fakeAnnotator();
    const runner: AnnotationRunner = {
      async annotate(job) {
        seen.push(job.text);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return annotator.annotate(job.text);
      },
      dispose() {},
    };
    const analysed: (number | null)[] = [];
    const workspace = new Workspace({
      runner,
      builder: inlineBuilder(),
      timeout: () => 1000,
      corpusDelay: 1,
      didAnalyse: (entry) => analysed.push(entry.analysed!.version),
    });
    workspace.set(article('a.txt', 'Tom Reyes said that v1 happened.', true, 1));
    workspace.set(article('a.txt', 'Tom Reyes said that v2 happened.', true, 2), 5);
    workspace.set(article('a.txt', 'Tom Reyes said that v3 happened.', true, 3), 5);
    await workspace.idle();
    expect(analysed).toEqual([3]);
    expect(seen).not.toContain('Tom Reyes said that v2 happened.');
    expect(workspace.state!.corpus.claims.map((c) => c.content.text)).toEqual(['v3 happened']);
  });

  it('records a file whose analysis fails, and goes on with the others', async () => {
    const failed: string[] = [];
    const workspace = new Workspace({
      runner: inlineRunner(fakeAnnotator()),
      builder: inlineBuilder(buildWithDispute),
      timeout: () => 1000,
      corpusDelay: 1,
      didFail: (entry, message) => failed.push(`${entry?.id}: ${message.code}`),
    });
    workspace.set(article('bad.txt', 'EXPLODE'));
    workspace.set(article('good.txt', 'Tom Reyes said that all was well.'));
    await workspace.idle();
    // an error, not a timeout: analysis/failed (it was reported as analysis/timeout)
    expect(failed).toEqual(['bad.txt: analysis/failed']);
    expect(workspace.entries.get('file:///news/bad.txt')!.failure!.reason).toContain(
      'the fake annotator was told to fail',
    );
    expect(workspace.state!.corpus.articles.map((a) => a.id)).toEqual(['good.txt']);
  });

  it('shows the start of a long open document first, then the whole of it', async () => {
    const versions: boolean[] = [];
    const long = `${'Tom Reyes said that the ferry sailed. '.repeat(40)}\n${'Maria Okafor said that it did not. '.repeat(40)}`;
    const workspace = new Workspace({
      runner: inlineRunner(fakeAnnotator()),
      builder: inlineBuilder(),
      timeout: () => 1000,
      corpusDelay: 1,
      previewLength: 500,
      didAnalyse: (entry) => versions.push(entry.analysed!.partial === true),
    });
    workspace.set(article('long.txt', long, true, 1));
    await workspace.idle();
    expect(versions).toEqual([true, false]);
    expect(workspace.entries.get('file:///news/long.txt')!.analysed!.annotation.claims).toHaveLength(80);
  });

  it("learns an open document's outlet from the workspace scan without analysing it again", async () => {
    let analyses = 0;
    const annotator = fakeAnnotator();
    const workspace = new Workspace({
      runner: inlineRunner({
        annotate: (text) => {
          analyses++;
          return annotator.annotate(text);
        },
      }),
      builder: inlineBuilder(),
      timeout: () => 1000,
      corpusDelay: 1,
    });
    workspace.set(article('a.txt', 'Tom Reyes said that all was well.', true, 1));
    await workspace.idle();
    expect(workspace.state!.outlet('a.txt')).toBe('a');
    workspace.describe('file:///news/a.txt', { outlet: 'Island Gazette', title: null });
    await workspace.idle();
    expect(workspace.state!.outlet('a.txt')).toBe('Island Gazette');
    expect(workspace.state!.corpus.article('a.txt')!.outlet).toBe('Island Gazette');
    expect(analyses).toBe(1);
  });
});

describe('the worker runner', () => {
  const script = fileURLToPath(new URL('fixtures/workers/slow-annotator.mjs', import.meta.url));

  it('abandons a text that takes too long and goes on with a fresh worker', async () => {
    const runner = workerRunner(script);
    try {
      await expect(runner.annotate({ text: 'HANG forever', format: 'plaintext' }, 300)).rejects.toBeInstanceOf(
        TimeoutError,
      );
      const next = await runner.annotate({ text: 'A short text.', format: 'plaintext' }, 5000);
      expect(next.sentences).toEqual([{ start: 0, end: 13 }]);
    } finally {
      runner.dispose();
    }
  });

  it("counts a text's time from when the worker has loaded its data", async () => {
    const runner = workerRunner(script, { loadFor: 800 });
    try {
      const annotation = await runner.annotate({ text: 'A short text.', format: 'plaintext' }, 300);
      expect(annotation.sentences).toEqual([{ start: 0, end: 13 }]);
    } finally {
      runner.dispose();
    }
  });
});

describe('settings and globs', () => {
  it('normalise whatever the client sends, never throwing', () => {
    expect(normaliseSettings(undefined).diagnostics.severity).toBe('information');
    const s = normaliseSettings({
      highlights: { actors: false, places: 'no' },
      diagnostics: { severity: 'Warning' },
      files: { maxSize: '5000', include: '**/*.txt' },
      analysis: { delay: -5 },
    });
    expect(s.highlights.actors).toBe(false);
    expect(s.highlights.places).toBe(true);
    expect(s.diagnostics.severity).toBe('warning');
    expect(s.files.maxSize).toBe(5000);
    expect(s.files.include).toEqual(['**/*.txt']);
    expect(s.analysis.delay).toBe(0);
    expect(normaliseSettings({ diagnostics: { severity: 'loud' } }).diagnostics.severity).toBe('information');
  });
});
