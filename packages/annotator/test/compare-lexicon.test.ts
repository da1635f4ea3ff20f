import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCompareLexicon } from '../src/index.js';

const data = new URL('../data/compare/', import.meta.url);
const seeds = new URL('../../../seeds/', import.meta.url);

/** Lower-case words joined by single spaces, as compare matches them. */
const normal = (text: string) =>
  (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? []
  ).join(' ');

describe('the compare lexicon', () => {
  it('pairs opposed kinds as WordNet does: succeed against fail, accept against turn down', () => {
    const lexicon = defaultCompareLexicon();
    expect(lexicon.opposite.get('success')).toBe('failure');
    expect(lexicon.opposite.get('accepted')).toBe('declined');
    expect(lexicon.outcome.failure).toEqual(expect.arrayContaining(['failed', 'unsuccessful', 'thwarted']));
    expect(lexicon.outcome.declined).toEqual(expect.arrayContaining(['turned down', 'rejected']));
    expect(lexicon.motive.accidental).toEqual(expect.arrayContaining(['accidentally', 'unintentionally']));
  });

  it('holds no phrase of the seed articles', () => {
    const articles = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
      .map((f) => ` ${normal(readFileSync(new URL(f, seeds), 'utf8'))} `);
    expect(articles.length).toBeGreaterThan(0);
    const phrases = ['cues.tsv', 'wordnet-cues.tsv'].flatMap((file) =>
      readFileSync(new URL(file, data), 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => normal(line.split('\t')[2] ?? ''))
        .filter((phrase) => phrase.includes(' ')),
    );
    expect(phrases.length).toBeGreaterThan(20);
    expect(phrases.filter((p) => articles.some((a) => a.includes(` ${p} `)))).toEqual([]);
  });
});
