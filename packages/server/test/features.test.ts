import { Corpus } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { inlineBuilder } from '../src/builder.js';
import { codeActions, diagnostics } from '../src/features/diagnostics.js';
import { counts, explorer } from '../src/features/explorer.js';
import { exportAnnotations } from '../src/features/exporting.js';
import { findingKey } from '../src/features/findings.js';
import { highlights } from '../src/features/highlights.js';
import { hoverMarkdown } from '../src/features/hover.js';
import { viewOf } from '../src/features/lookup.js';
import { definition, references } from '../src/features/navigation.js';
import { inlineRunner } from '../src/runner.js';
import { defaultSettings } from '../src/settings.js';
import { Workspace } from '../src/workspace.js';
import { analysedWorkspace, articles, buildWithDispute, entry, fakeAnnotator } from './helpers.js';

/** The two articles, the gazette's paragraph printed twice. */
const repeatedGazette = { ...articles, 'gazette.txt': `${articles['gazette.txt']}\n${articles['gazette.txt']}` };

const allOn = { actors: true, places: true, claims: true, ownVoice: true, events: true, contradictions: true };
/** Every finding shown: no minimum confidence, nothing dismissed. */
const all = { minConfidence: 0, dismissed: new Set<string>() };
const text = (
  id: keyof typeof articles,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
) => {
  const document = TextDocument.create('x', 'plaintext', 0, articles[id]);
  return articles[id].slice(document.offsetAt(range.start), document.offsetAt(range.end));
};

describe('highlights', () => {
  it('marks actors, places, cues, contents and the disputed claim, each over its own words', async () => {
    const workspace = await analysedWorkspace();
    const result = highlights(entry(workspace, 'harbor.txt'), workspace.state, allOn, all);
    const by = (kind: string) =>
      result.highlights.filter((h) => h.kind === kind).map((h) => text('harbor.txt', h.range));
    expect(by('actor')).toEqual(['Maria Okafor', 'Okafor']);
    expect(by('place')).toEqual(['Portmere']);
    expect(by('cue')).toEqual(['said', 'said']);
    expect(by('content')).toEqual(['40 passengers were stranded in Portmere', 'crews were safe']);
    expect(by('contradiction')).toEqual(['40 passengers were stranded in Portmere']);
    expect(by('event')).toEqual(['stranded']);
  });

  it('leaves out the categories switched off, and dismissed disputes', async () => {
    const workspace = await analysedWorkspace();
    const state = workspace.state!;
    const key = findingKey(state, state.corpus.disputes[0]!);
    const result = highlights(
      entry(workspace, 'harbor.txt'),
      state,
      { ...allOn, actors: false, claims: false },
      { minConfidence: 0, dismissed: new Set([key]) },
    );
    expect(new Set(result.highlights.map((h) => h.kind))).toEqual(new Set(['place', 'event']));
  });

  it("paints the outlet's own statements only when asked, faintly and apart from reported claims", async () => {
    const text = 'Reportedly, the ferry sank at dawn. Maria Okafor said that crews were safe.\n';
    const workspace = new Workspace({
      runner: inlineRunner(fakeAnnotator()),
      builder: inlineBuilder(buildWithDispute),
      timeout: () => defaultSettings.analysis.timeout,
      corpusDelay: 1,
    });
    const set = { uri: 'file:///news/own.txt', id: 'own.txt', path: '/news/own.txt', format: 'plaintext' as const };
    workspace.set({ ...set, text, version: null, open: false });
    await workspace.idle();
    const own = workspace.entries.get(set.uri)!;
    const painted = (settings: typeof allOn) => {
      const document = TextDocument.create('x', 'plaintext', 0, text);
      return highlights(own, workspace.state, settings, all).highlights.map(
        (h) => `${h.kind}: ${text.slice(document.offsetAt(h.range.start), document.offsetAt(h.range.end))}`,
      );
    };
    // By default (the server's defaults): the reported claim is marked, the own-voice sentence is not.
    const byDefault = painted(defaultSettings.highlights);
    expect(byDefault).toContain('content: crews were safe');
    expect(byDefault.filter((h) => h.includes('ferry'))).toEqual([]);
    // Switched on: the own-voice statement gets its own faint kind, never the claim colours.
    const on = painted({ ...defaultSettings.highlights, ownVoice: true });
    expect(on.filter((h) => h.includes('ferry'))).toEqual(['ownVoice: the ferry sank at dawn']);
    expect(on).not.toContain('cue: Reportedly');
  });
});

describe('hover', () => {
  const at = (id: keyof typeof articles, word: string, nth = 0) => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = articles[id].indexOf(word, offset + 1);
    return offset + 1;
  };

  it('on an actor: canonical name, kind, aliases and the articles it appears in, as links', async () => {
    const workspace = await analysedWorkspace();
    const view = viewOf(entry(workspace, 'harbor.txt'), workspace.state)!;
    const markdown = hoverMarkdown(view, at('harbor.txt', 'Okafor', 1), { commandLinks: true, ...all })!;
    expect(markdown).toContain('**Maria Okafor** — person (actor)');
    expect(markdown).toContain('Also called: Okafor');
    expect(markdown).toContain('Appears in 1 article');
    expect(markdown).toMatch(/\[Harbor Daily \(harbor\.txt\): 2 mentions\]\(command:claimlens\.openPlace\?/);
  });

  it('on a place: region, country and coordinates, and both articles', async () => {
    const workspace = await analysedWorkspace();
    const view = viewOf(entry(workspace, 'gazette.txt'), workspace.state)!;
    const markdown = hoverMarkdown(view, at('gazette.txt', 'Portmere'), { commandLinks: false, ...all })!;
    expect(markdown).toContain('**Portmere** — city (place)');
    expect(markdown).toContain('In Cornwall, United Kingdom · 50.123, -4.568');
    expect(markdown).toContain('Appears in 2 articles');
    expect(markdown).toContain('](file:///news/harbor.txt#L1,');
  });

  it('on a claim: speaker, outlet, stance, the dispute with every position and other sources on the event, each a link', async () => {
    const workspace = await analysedWorkspace();
    const view = viewOf(entry(workspace, 'gazette.txt'), workspace.state)!;
    const markdown = hoverMarkdown(view, at('gazette.txt', 'passengers'), {
      commandLinks: true,
      ...all,
    })!;
    expect(markdown).toContain('**Claim** by Tom Reyes · gazette · assert');
    expect(markdown).toContain('**Dispute** — how many were stranded · count · confidence 0.70');
    expect(markdown).toContain('- ▸ “120” (this claim): Tom Reyes (gazette)');
    expect(markdown).toMatch(
      /- “40”: Maria Okafor \(Harbor Daily\) — \[Harbor Daily \(harbor\.txt\) · Maria Okafor · assert: “40 passengers were stranded in Portmere”\]\(command:claimlens\.openPlace\?/,
    );
    expect(markdown).toContain('_Why:_ One says 40 were stranded, the other 120.');
    const hidden = hoverMarkdown(view, at('gazette.txt', 'passengers'), {
      commandLinks: true,
      ...all,
      minConfidence: 0.8,
    })!;
    expect(hidden).not.toContain('**Dispute**');
    expect(markdown).toContain('**Other sources on this event**');
    const link =
      /- ✗ contradicts — \[Harbor Daily \(harbor\.txt\) · Maria Okafor · assert: “40 passengers were stranded in Portmere”\]\(command:claimlens\.openPlace\?([^ )]+)/.exec(
        markdown,
      );
    expect(link).not.toBeNull();
    const [place] = JSON.parse(decodeURIComponent(link![1]!)) as [{ uri: string; range: Parameters<typeof text>[1] }];
    expect(place.uri).toBe('file:///news/harbor.txt');
    expect(text('harbor.txt', place.range)).toBe('40 passengers were stranded in Portmere');
  });

  it('lists a paragraph another article repeats once among the other sources', async () => {
    const workspace = await analysedWorkspace(buildWithDispute, repeatedGazette);
    const view = viewOf(entry(workspace, 'harbor.txt'), workspace.state)!;
    const markdown = hoverMarkdown(view, at('harbor.txt', 'passengers'), {
      commandLinks: false,
      ...all,
    })!;
    const rows = markdown.split('\n').filter((line) => /^- [✗✓·]/.test(line) && line.includes('Tom Reyes'));
    expect(rows).toEqual([expect.stringMatching(/^- ✗ contradicts — \[gazette\.txt · Tom Reyes · assert/)]);
    expect(markdown).toContain('**Other sources on this event** (stranded):');
  });

  it('gives nothing where nothing was found', async () => {
    const workspace = await analysedWorkspace();
    const view = viewOf(entry(workspace, 'harbor.txt'), workspace.state)!;
    expect(
      hoverMarkdown(view, articles['harbor.txt'].indexOf('port stayed'), { commandLinks: true, ...all }),
    ).toBeNull();
  });
});

describe('navigation', () => {
  it('goes from a short name to the first full-name mention, and finds every mention', async () => {
    const workspace = await analysedWorkspace();
    const view = viewOf(entry(workspace, 'harbor.txt'), workspace.state)!;
    const offset = articles['harbor.txt'].indexOf('closed. Okafor') + 9;
    const place = definition(view, offset)!;
    expect(place.uri).toBe('file:///news/harbor.txt');
    expect(text('harbor.txt', place.range)).toBe('Maria Okafor');
    expect(references(view, offset, true).map((p) => text('harbor.txt', p.range))).toEqual(['Maria Okafor', 'Okafor']);
  });

  it('finds a place and an event in every article', async () => {
    const workspace = await analysedWorkspace();
    const view = viewOf(entry(workspace, 'harbor.txt'), workspace.state)!;
    const place = references(view, articles['harbor.txt'].indexOf('Portmere'), true);
    expect(place.map((p) => p.uri).sort()).toEqual(['file:///news/gazette.txt', 'file:///news/harbor.txt']);
    const event = references(view, articles['harbor.txt'].indexOf('stranded'), true);
    expect(event.map((p) => p.uri).sort()).toEqual(['file:///news/gazette.txt', 'file:///news/harbor.txt']);
  });
});

describe('diagnostics and code actions', () => {
  it('puts one entry per dispute in each article that takes a side, naming every position and pointing at the others', async () => {
    const workspace = await analysedWorkspace();
    const found = diagnostics(workspace.state, workspace.entries.values(), 'information', all);
    const harbor = found.get('file:///news/harbor.txt')!;
    const [gazette] = found.get('file:///news/gazette.txt')!;
    expect(harbor).toHaveLength(1);
    expect(harbor[0]!.severity).toBe(DiagnosticSeverity.Information);
    expect(harbor[0]!.code).toBe('dispute/count');
    expect(harbor[0]!.message).toBe(
      'Disputed — how many were stranded: “40” (Maria Okafor, Harbor Daily) vs “120” (Tom Reyes, gazette). One says 40 were stranded, the other 120.',
    );
    expect(text('harbor.txt', harbor[0]!.range)).toBe('40 passengers were stranded in Portmere');
    const related = harbor[0]!.relatedInformation![0]!;
    expect(related.location.uri).toBe('file:///news/gazette.txt');
    expect(text('gazette.txt', related.location.range)).toBe('120 passengers were stranded in Portmere');
    expect(gazette!.message).toBe(harbor[0]!.message);
    expect(gazette!.relatedInformation![0]!.location.uri).toBe('file:///news/harbor.txt');
  });

  it('points at every claim of the other positions, and stays one entry in an article that repeats its claim', async () => {
    const workspace = await analysedWorkspace(buildWithDispute, repeatedGazette);
    const found = diagnostics(workspace.state, workspace.entries.values(), 'information', all);
    const [harbor] = found.get('file:///news/harbor.txt')!;
    expect(harbor!.relatedInformation!.map((r) => r.location.uri)).toEqual([
      'file:///news/gazette.txt',
      'file:///news/gazette.txt',
    ]);
    expect(found.get('file:///news/gazette.txt')).toHaveLength(1);
  });

  it('links to the same file when both positions are taken in one article', async () => {
    const workspace = await analysedWorkspace((items) => {
      const corpus = buildWithDispute(items);
      const [first, second] = corpus.claims.filter((c) => c.article === 'harbor.txt');
      if (!first || !second) return corpus;
      const side = (id: string, value: string, name: string) => ({
        value,
        claims: [id],
        sources: [{ speaker: null, name, article: 'harbor.txt', outlet: 'Harbor Daily' }],
      });
      return new Corpus({
        ...corpus,
        disputes: [
          {
            id: 'D1',
            event: null,
            facet: 'occurrence',
            what: 'whether it happened',
            compatible: false,
            positions: [side(first.id, 'happened', 'Okafor'), side(second.id, 'did not happen', 'the authority')],
            confidence: 0.6,
            explanation: 'One says, the other denies.',
          },
        ],
      });
    });
    const found = diagnostics(workspace.state, workspace.entries.values(), 'information', all);
    const harbor = found.get('file:///news/harbor.txt') ?? [];
    expect(harbor).toHaveLength(1);
    expect(harbor[0]?.message).toBe(
      'Disputed — whether it happened: “happened” (Okafor, Harbor Daily) vs “did not happen” (the authority, Harbor Daily). One says, the other denies.',
    );
    expect(harbor[0]?.relatedInformation?.[0]?.location.uri).toBe('file:///news/harbor.txt');
  });

  it('follows the severity and minimum confidence settings, and leaves out dismissed findings', async () => {
    const workspace = await analysedWorkspace();
    const state = workspace.state!;
    expect(
      diagnostics(state, workspace.entries.values(), 'warning', all).get('file:///news/harbor.txt')![0]!.severity,
    ).toBe(DiagnosticSeverity.Warning);
    expect(diagnostics(state, workspace.entries.values(), 'off', all).get('file:///news/harbor.txt')).toEqual([]);
    const strict = { ...all, minConfidence: 0.8 };
    expect(diagnostics(state, workspace.entries.values(), 'error', strict).get('file:///news/harbor.txt')).toEqual([]);
    const key = findingKey(state, state.corpus.disputes[0]!);
    expect(
      diagnostics(state, workspace.entries.values(), 'error', { ...all, dismissed: new Set([key]) }).get(
        'file:///news/harbor.txt',
      ),
    ).toEqual([]);
  });

  it('offers to open the other side beside and to dismiss the finding', async () => {
    const workspace = await analysedWorkspace();
    const found = diagnostics(workspace.state, workspace.entries.values(), 'information', all);
    const actions = codeActions({ diagnostics: found.get('file:///news/harbor.txt')! });
    expect(actions.map((a) => a.title)).toEqual(['Open the other side beside', 'Dismiss this finding']);
    expect(actions[0]!.command!.arguments![0]).toMatchObject({ uri: 'file:///news/gazette.txt' });
    expect(actions[0]!.command!.arguments![1]).toBe(true);
    expect(actions[1]!.command!.arguments![0]).toBe(findingKey(workspace.state!, workspace.state!.corpus.disputes[0]!));
  });
});

describe('explorer, counts and export', () => {
  it('lists the event with its dispute, every position and its sources, and claims by outlet, disputed ones marked', async () => {
    const workspace = await analysedWorkspace();
    const tree = explorer(workspace.state, null, all);
    const event = tree.events.find((e) => e.id === 'Vstranded')!;
    expect(event.outlets.map((o) => o.outlet)).toEqual(['gazette', 'Harbor Daily']);
    expect(event.outlets.flatMap((o) => o.claims.map((c) => c.contradicted))).toEqual([true, true]);
    expect(event.disputes.map((d) => [d.what, d.positions.map((p) => [p.value, p.sources, p.place?.uri])])).toEqual([
      [
        'how many were stranded',
        [
          ['40', ['Maria Okafor (Harbor Daily)'], 'file:///news/harbor.txt'],
          ['120', ['Tom Reyes (gazette)'], 'file:///news/gazette.txt'],
        ],
      ],
    ]);
    expect(
      explorer(workspace.state, null, { ...all, minConfidence: 0.8 }).events.find((e) => e.id === 'Vstranded')!
        .disputes,
    ).toEqual([]);
    expect(tree.actors.map((a) => a.name)).toEqual(['Maria Okafor', 'Tom Reyes']);
    expect(tree.places.map((p) => [p.name, p.mentions.length])).toEqual([['Portmere', 2]]);
    expect(tree.outlets).toEqual(['gazette', 'Harbor Daily']);
    const one = explorer(workspace.state, 'Harbor Daily', all);
    expect(one.actors.map((a) => a.name)).toEqual(['Maria Okafor']);
    expect(one.events.find((e) => e.id === 'Vstranded')!.outlets.map((o) => o.outlet)).toEqual(['Harbor Daily']);
  });

  it('lists a paragraph an outlet repeats once under the event', async () => {
    const workspace = await analysedWorkspace(buildWithDispute, repeatedGazette);
    const event = explorer(workspace.state, null, all).events.find((e) => e.id === 'Vstranded')!;
    expect(event.outlets.map((o) => [o.outlet, o.claims.length])).toEqual([
      ['gazette', 1],
      ['Harbor Daily', 1],
    ]);
  });

  it('counts what a document and the workspace hold: distinct actors and places, reported claims', async () => {
    const workspace = await analysedWorkspace();
    // "Maria Okafor" and "Okafor" are one actor.
    expect(counts(workspace.state, all, entry(workspace, 'harbor.txt'))).toMatchObject({
      actors: 1,
      places: 1,
      claims: 2,
      disputes: 1,
    });
    expect(counts(workspace.state, all)).toMatchObject({ articles: 2, actors: 2, places: 1, claims: 3, disputes: 1 });
  });

  it('exports brat standoff whose offsets give back the marked words', async () => {
    const workspace = await analysedWorkspace();
    const { files } = exportAnnotations(workspace, { format: 'brat', uri: 'file:///news/gazette.txt' }, 0);
    const ann = files.find((f) => f.name.endsWith('.ann'))!;
    const source = files.find((f) => f.name.endsWith('.txt'))!.content;
    const lines = ann.content
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('T'));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const [, type, start, end, words] = /^T\d+\t(\w+) (\d+) (\d+)\t(.*)$/.exec(line)!;
      expect(type).toBeTruthy();
      expect(source.slice(Number(start), Number(end))).toBe(words);
    }
    // The same files as the command line's --out folder: brat opens it as it is, one JSON-LD file per article.
    expect(files.map((f) => f.name).sort()).toEqual(['annotation.conf', 'gazette.ann', 'gazette.txt']);
    const w3c = exportAnnotations(workspace, { format: 'w3c' }, 0).files;
    expect(w3c.map((f) => f.name)).toEqual(
      workspace.state!.corpus.articles.map((a) => `${a.id.replace(/\.txt$/, '')}.jsonld`),
    );
    expect(w3c.map((f) => f.content).join('')).toContain('TextPositionSelector');
  });
});

it('uses the default severity of information', () => {
  expect(defaultSettings.diagnostics.severity).toBe('information');
});
