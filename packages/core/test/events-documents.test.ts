import type { DocumentAnnotation } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { clusterDocuments } from '../src/events/documents.js';
import { article } from './fixtures/article.js';

const empty: DocumentAnnotation = { mentions: [], entities: [], claims: [], events: [], sentences: [], messages: [] };

/** Three reports of a flood in one valley, three of a strike at one port, and one about neither. */
const texts: [string, string][] = [
  ['flood-1', 'Rain flooded the Varnell valley and residents of Ostrica fled as the Lesk river rose.'],
  ['strike-1', 'Dockers at Pellham port walked out and the Marrow union said the Pellham strike would go on.'],
  ['flood-2', 'In Ostrica, the Lesk river burst its banks and the Varnell valley lay under water.'],
  ['strike-2', 'The Marrow union kept Pellham port closed for a second day of the strike.'],
  ['flood-3', 'Rescuers reached Ostrica after the Lesk flood cut roads across the Varnell valley.'],
  ['strike-3', 'Ships waited outside Pellham as the Marrow union strike entered its third day.'],
  ['other', 'A new library opened in Tarvis with a reading room named after Quennel Abe.'],
];

function groups(threshold?: number): Map<string, number> {
  const articles = texts.map(([id, text]) => article(id, text));
  const annotations = new Map(articles.map((a) => [a.id, empty]));
  return clusterDocuments(articles, annotations, threshold === undefined ? {} : { threshold });
}

describe('clusterDocuments', () => {
  it('groups the reports of each story and keeps the stories apart', () => {
    const group = groups();
    expect(group.get('flood-2')).toBe(group.get('flood-1'));
    expect(group.get('flood-3')).toBe(group.get('flood-1'));
    expect(group.get('strike-2')).toBe(group.get('strike-1'));
    expect(group.get('strike-3')).toBe(group.get('strike-1'));
    expect(group.get('strike-1')).not.toBe(group.get('flood-1'));
    expect(group.get('other')).not.toBe(group.get('flood-1'));
    expect(group.get('other')).not.toBe(group.get('strike-1'));
  });

  it("keeps a folder of one story together when every report shares its words (a journalist's usual folder)", () => {
    const story: [string, string][] = [
      ['a', 'Rain flooded the Varnell valley near Ostrica.'],
      ['b', 'The Varnell valley near Ostrica flooded after rain.'],
      ['c', 'Ostrica and the Varnell valley flooded in the rain.'],
    ];
    const articles = story.map(([id, text]) => article(id, text));
    const group = clusterDocuments(articles, new Map(articles.map((a) => [a.id, empty])));
    expect(new Set(group.values()).size).toBe(1);
  });

  it('gives every article a group of its own when no pair is similar enough', () => {
    const group = groups(2);
    expect(new Set(group.values()).size).toBe(texts.length);
  });
});
