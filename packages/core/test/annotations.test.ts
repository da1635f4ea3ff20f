import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  anchorTarget,
  applyHumanAnnotations,
  buildCorpus,
  corpusToJson,
  type DocumentAnnotation,
  formatAnnotationFile,
  type HumanAnnotation,
  newAnnotation,
  parseAnnotationFile,
  quoteTarget,
  readHumanAnnotations,
} from '@claimlens/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from './fixtures/article.js';

const text =
  'Kyiv said Russian troops crossed the border near Novoazovsk. Moscow denied it. Later Kyiv repeated the charge.';

/** The target of the `n`th occurrence (0-based) of `words` in `text`. */
function targetOf(source: string, words: string, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = source.indexOf(words, at + 1);
  if (at < 0) throw new Error(`Expected "${words}" in the fixture`);
  return quoteTarget(source, at, at + words.length);
}

describe('anchorTarget (re-anchoring a human annotation after the article changed)', () => {
  it('keeps a span whose text did not change', () => {
    const target = targetOf(text, 'Novoazovsk');
    expect(anchorTarget(text, target)).toEqual({ start: target.start, end: target.end, how: 'exact' });
  });

  it('follows the quote when text is inserted before the span', () => {
    const target = targetOf(text, 'Novoazovsk');
    const edited = `BREAKING: ${text}`;
    const at = anchorTarget(edited, target);
    expect(at?.how).toBe('moved');
    expect(edited.slice(at?.start, at?.end)).toBe('Novoazovsk');
    expect(at?.start).toBe(target.start + 'BREAKING: '.length);
  });

  it('finds the edited words by their context when the span was edited inside', () => {
    const target = targetOf(text, 'Russian troops');
    const edited = text.replace('Russian troops', 'Russian army troops');
    const at = anchorTarget(edited, target);
    expect(at?.how).toBe('fuzzy');
    expect(edited.slice(at?.start, at?.end)).toBe('Russian army troops');
  });

  it('reports nothing (an orphan) when the quote was deleted', () => {
    const target = targetOf(text, 'near Novoazovsk');
    const edited = text.replace(' near Novoazovsk', '');
    expect(anchorTarget(edited, target)).toBeNull();
  });

  it('picks the repeat of a repeated quote whose context matches, even after an insertion', () => {
    const second = targetOf(text, 'Kyiv', 1);
    const edited = `Update. ${text}`;
    const at = anchorTarget(edited, second);
    expect(at?.start).toBe(edited.lastIndexOf('Kyiv'));
    const first = targetOf(text, 'Kyiv', 0);
    expect(anchorTarget(edited, first)?.start).toBe(edited.indexOf('Kyiv'));
  });
});

const source = 'world/story.txt';

function file(items: unknown[]): string {
  return JSON.stringify({ type: 'AnnotationCollection', items }, null, 2);
}

describe('annotations files (W3C Web Annotation)', () => {
  it('reads back what it writes, sorted by start and in a stable key order', () => {
    const later = newAnnotation(text, text.indexOf('Moscow'), text.indexOf('Moscow') + 6, {
      creator: 'Ana',
      tag: 'actor',
      kind: 'government',
    });
    const earlier = newAnnotation(text, 0, 4, { creator: 'Ana', tag: 'none' });
    const written = formatAnnotationFile(source, [later, earlier], text);
    const again = formatAnnotationFile(
      source,
      parseAnnotationFile(written, { file: 'f', source, text }).annotations,
      text,
    );
    expect(again).toBe(written);
    const parsed = JSON.parse(written);
    expect(parsed.type).toBe('AnnotationCollection');
    expect(
      parsed.items.map((i: { target: { selector: { exact?: string }[] } }) => i.target.selector[0]?.exact),
    ).toEqual(['Kyiv', 'Moscow']);
    expect(Object.keys(parsed.items[0])).toEqual(['id', 'type', 'motivation', 'creator', 'created', 'body', 'target']);
    expect(parsed.items[1].body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'actor' },
      { type: 'TextualBody', purpose: 'classifying', value: 'government' },
    ]);
  });

  it('reports broken items with their line and still reads the valid ones', () => {
    const good = JSON.parse(
      formatAnnotationFile(source, [newAnnotation(text, 0, 4, { creator: 'Ana', tag: 'place' })], text),
    ).items[0];
    const raw = file([
      good,
      { ...good, id: 'urn:x:2', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'villain' }] },
      { ...good, id: 'urn:x:3', target: { ...good.target, source: '../secret.txt' } },
      { ...good, id: 'urn:x:4', target: { ...good.target, source: '/etc/passwd' } },
      { ...good, id: 'urn:x:5', target: { ...good.target, source: 'https://example.com/a.txt' } },
    ]);
    const { annotations, messages } = parseAnnotationFile(raw, { file: 'a.jsonld', source, text });
    expect(annotations.map((a) => a.tag)).toEqual(['place']);
    expect(messages.map((m) => m.code)).toEqual(Array(4).fill('annotations/invalid'));
    expect(messages[0]?.reason).toMatch(/Annotation 2: .*"villain"/);
    expect(messages[1]?.reason).toMatch(/\.\.\/secret\.txt.* refused: it leads out of the folder/);
    expect(messages[2]?.reason).toMatch(/absolute path/);
    expect(messages[3]?.reason).toMatch(/URL or link/);
    const lines = raw.split('\n');
    for (const m of messages) expect(lines[(m.line ?? 0) - 1]).toMatch(/"(body|target)"|\{/);
    expect(messages.every((m) => m.path === 'a.jsonld' && (m.line ?? 0) > 1)).toBe(true);
  });

  it('reports broken JSON with its line', () => {
    const { annotations, messages } = parseAnnotationFile(
      '{\n  "type": "AnnotationCollection",\n  "items": [\n    {,\n  ]\n}',
      {
        file: 'a.jsonld',
        source,
      },
    );
    expect(annotations).toEqual([]);
    expect(messages[0]).toMatchObject({ code: 'annotations/invalid', line: 4 });
    expect(messages[0]?.reason).toMatch(/Not valid JSON/);
  });
});

/** A machine annotation with one actor mention per word given, one claim and one event. */
function machine(): DocumentAnnotation {
  const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w });
  return {
    mentions: [
      { ...at('Kyiv'), type: 'place', kind: 'city', entity: 'p1' },
      { ...at('Novoazovsk'), type: 'actor', kind: 'person', entity: 'e1' },
    ],
    entities: [
      { id: 'p1', name: 'Kyiv', type: 'place', kind: 'city', aliases: [] },
      { id: 'e1', name: 'Novoazovsk', type: 'actor', kind: 'person', aliases: [] },
    ],
    claims: [
      {
        id: 'c1',
        source: at('Kyiv'),
        cue: at('said'),
        content: at('Russian troops crossed the border near Novoazovsk'),
        speaker: 'p1',
        stance: 'assert',
        negated: false,
      },
    ],
    events: [{ id: 'v1', trigger: at('crossed'), type: 'movement', lemma: 'cross', arguments: {}, claims: ['c1'] }],
    sentences: [],
    messages: [],
  };
}

describe('applyHumanAnnotations', () => {
  const word = (w: string) => [text.indexOf(w), text.indexOf(w) + w.length] as const;
  const human = (w: string, fields: Omit<HumanAnnotation, 'id' | 'created' | 'target'>) =>
    newAnnotation(text, ...word(w), fields);

  it('overrides the machine at the same span, rejects with "none", and marks human spans', () => {
    const { annotation, messages } = applyHumanAnnotations(text, machine(), [
      human('Novoazovsk', { creator: 'Ana', tag: 'place', kind: 'settlement' }),
      human('Moscow', { creator: 'Ana', tag: 'actor', kind: 'government' }),
      human('crossed', { creator: 'Ana', tag: 'none' }),
    ]);
    expect(messages).toEqual([]);
    expect(annotation.mentions.map((m) => [m.text, m.type, m.kind, m.origin ?? 'machine'])).toEqual([
      ['Kyiv', 'place', 'city', 'machine'],
      ['Novoazovsk', 'place', 'settlement', 'human'],
      ['Moscow', 'actor', 'government', 'human'],
    ]);
    expect(annotation.events).toEqual([]);
    expect(annotation.entities.map((e) => e.name).sort()).toEqual(['Kyiv', 'Moscow', 'Novoazovsk']);
  });

  it('adds a human claim in place of the machine claim it overlaps, with its source resolved to a speaker', () => {
    const claim = newAnnotation(text, ...word('it'), {
      creator: 'Ana',
      tag: 'claim',
      stance: 'deny',
      source: quoteTarget(text, ...word('Moscow')),
      cue: quoteTarget(text, ...word('denied')),
    });
    const moscow = human('Moscow', { creator: 'Ana', tag: 'actor', kind: 'government' });
    const { annotation } = applyHumanAnnotations(text, machine(), [claim, moscow]);
    const added = annotation.claims.find((c) => c.origin === 'human');
    expect(added).toMatchObject({ stance: 'deny', content: { text: 'it' }, cue: { text: 'denied' } });
    const speaker = annotation.entities.find((e) => e.id === added?.speaker);
    expect(speaker?.name).toBe('Moscow');
    // The corpus and its JSON keep the claim's origin on every part.
    const [json] = corpusToJson(buildCorpus([{ article: article('a', text), annotation }])).claims.filter(
      (c) => c.content.text === 'it',
    );
    expect(json).toMatchObject({ source: { origin: 'human' }, cue: { origin: 'human' }, content: { origin: 'human' } });
  });

  it('reports an orphaned annotation and applies the others', () => {
    const gone = human('near Novoazovsk', { creator: 'Ana', tag: 'place' });
    const kept = human('Moscow', { creator: 'Ana', tag: 'actor' });
    const edited = text.replace(' near Novoazovsk', '');
    const { annotation, messages } = applyHumanAnnotations(edited, machine(), [gone, kept], 'story.txt');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ code: 'annotations/orphaned', path: 'story.txt' });
    expect(messages[0]?.reason).toContain('near Novoazovsk');
    expect(annotation.mentions.some((m) => m.text === 'Moscow' && m.origin === 'human')).toBe(true);
  });
});

describe('readHumanAnnotations', () => {
  let dir: string;
  let outside: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'claimlens-annotations-'));
    await mkdir(path.join(dir, 'world'), { recursive: true });
    await mkdir(path.join(dir, '.claimlens/annotations/world'), { recursive: true });
    await writeFile(path.join(dir, 'world/story.txt'), text);
    const annotation = newAnnotation(text, 0, 4, { creator: 'Ana', tag: 'none' });
    await writeFile(
      path.join(dir, '.claimlens/annotations/world/story.txt.jsonld'),
      formatAnnotationFile(source, [annotation], text),
    );
    await writeFile(
      path.join(dir, '.claimlens/annotations/world/gone.txt.jsonld'),
      formatAnnotationFile('world/gone.txt', [], text),
    );
    outside = await mkdtemp(path.join(tmpdir(), 'claimlens-outside-'));
    await writeFile(path.join(outside, 'linked.txt'), text);
    await symlink(path.join(outside, 'linked.txt'), path.join(dir, 'world/linked.txt'));
    await writeFile(
      path.join(dir, '.claimlens/annotations/world/linked.txt.jsonld'),
      formatAnnotationFile('world/linked.txt', [annotation], text),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('finds the file of an article in the nearest folder with .claimlens, and reports files whose article is gone', async () => {
    const articles = [{ id: 'story', path: path.join(dir, 'world/story.txt'), text }];
    const found = await readHumanAnnotations(articles, [path.join(dir, 'world')]);
    expect(found.byArticle.get('story')?.annotations.map((a) => a.tag)).toEqual(['none']);
    expect(found.messages.map((m) => [m.code, path.basename(m.path ?? '')])).toEqual([
      ['annotations/no-article', 'gone.txt.jsonld'],
    ]);
  });

  it('refuses the annotations of an article that is a link to a file outside the folder', async () => {
    const articles = [{ id: 'linked', path: path.join(dir, 'world/linked.txt'), text }];
    const found = await readHumanAnnotations(articles);
    expect(found.byArticle.has('linked')).toBe(false);
    expect(found.messages).toHaveLength(1);
    expect(found.messages[0]?.reason).toMatch(/world\/linked\.txt is a link to a file outside .*refused/);
  });
});

describe('human entity links across the corpus', () => {
  it('makes a mention linked by name one entity with the mentions of that name in other articles', () => {
    const first = 'Anders Fogh Rasmussen spoke in Brussels.';
    const second = 'The alliance chief spoke again on Friday.';
    const at = (text: string, w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w });
    const one: DocumentAnnotation = {
      mentions: [{ ...at(first, 'Anders Fogh Rasmussen'), type: 'actor', kind: 'person', entity: 'e1' }],
      entities: [{ id: 'e1', name: 'Anders Fogh Rasmussen', type: 'actor', kind: 'person', aliases: [] }],
      claims: [],
      events: [],
      sentences: [],
      messages: [],
    };
    const empty: DocumentAnnotation = { ...one, mentions: [], entities: [] };
    const link = newAnnotation(
      second,
      ...([at(second, 'alliance chief').start, at(second, 'alliance chief').end] as const),
      {
        creator: 'Ana',
        tag: 'actor',
        kind: 'person',
        entity: 'Anders Fogh Rasmussen',
      },
    );
    const linked = applyHumanAnnotations(second, empty, [link]).annotation;
    const corpus = buildCorpus([
      { article: article('a', first), annotation: one },
      { article: article('b', second), annotation: linked },
    ]);
    const rasmussen = corpus.entities.filter((e) => e.name === 'Anders Fogh Rasmussen');
    expect(rasmussen).toHaveLength(1);
    expect(rasmussen[0]?.mentions.map((m) => [m.article, m.text, m.origin ?? 'machine'])).toEqual([
      ['a', 'Anders Fogh Rasmussen', 'machine'],
      ['b', 'alliance chief', 'human'],
    ]);
  });
});
