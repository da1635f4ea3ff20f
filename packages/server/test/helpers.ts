import { type Annotator, defaultBuildOptions } from '@claimlens/annotator';
import {
  buildCorpus,
  type Claim,
  Corpus,
  type Dispute,
  type DisputePosition,
  type DocumentAnnotation,
  type DocumentEntity,
  type EventMention,
  type Mention,
} from '@claimlens/core';
import { inlineBuilder } from '../src/builder.js';
import { inlineRunner } from '../src/runner.js';
import { defaultSettings } from '../src/settings.js';
import { type Entry, Workspace } from '../src/workspace.js';

/** Names the fake annotator knows, with what they are. */
const names: { text: string; entity: string; type: 'actor' | 'place'; kind: Mention['kind']; name: string }[] = [
  { text: 'Maria Okafor', entity: 'okafor', type: 'actor', kind: 'person', name: 'Maria Okafor' },
  { text: 'Okafor', entity: 'okafor', type: 'actor', kind: 'person', name: 'Maria Okafor' },
  { text: 'Tom Reyes', entity: 'reyes', type: 'actor', kind: 'person', name: 'Tom Reyes' },
  { text: 'Portmere', entity: 'portmere', type: 'place', kind: 'city', name: 'Portmere' },
];

/**
 * A stand-in annotator with a fixed lexicon, so these tests check the server and not the models: it tags the
 * names above, and reads "<name> said that <content>." as a claim about a `stranding` event when it says
 * "stranded".
 */
export function fakeAnnotator(): Annotator {
  return {
    annotate(text) {
      if (text.includes('EXPLODE')) throw new Error('the fake annotator was told to fail');
      const mentions: Mention[] = [];
      const entities: DocumentEntity[] = [];
      for (const n of names) {
        for (let at = text.indexOf(n.text); at !== -1; at = text.indexOf(n.text, at + 1)) {
          if (mentions.some((m) => m.start < at + n.text.length && at < m.end)) continue;
          mentions.push({
            start: at,
            end: at + n.text.length,
            text: n.text,
            type: n.type,
            kind: n.kind,
            entity: n.entity,
          });
          if (!entities.some((e) => e.id === n.entity)) {
            const entity: DocumentEntity = { id: n.entity, name: n.name, type: n.type, kind: n.kind, aliases: [] };
            if (n.type === 'place') {
              entity.geo = {
                geonameId: 1,
                name: n.name,
                lat: 50.1234,
                lon: -4.5678,
                country: 'GB',
                countryName: 'United Kingdom',
                region: 'Cornwall',
              };
            }
            entities.push(entity);
          }
        }
      }
      mentions.sort((a, b) => a.start - b.start);
      const claims: Claim[] = [];
      const events: EventMention[] = [];
      for (const match of text.matchAll(/([A-Z][a-z]+(?: [A-Z][a-z]+)*) (said|denied) that ([^.]+)\./g)) {
        const start = match.index;
        const source = match[1]!;
        const cue = match[2]!;
        const content = match[3]!;
        const cueStart = start + source.length + 1;
        const contentStart = cueStart + cue.length + 6;
        const speaker = mentions.find((m) => m.start === start)?.entity ?? null;
        const id = `c${claims.length + 1}`;
        claims.push({
          id,
          source: { start, end: start + source.length, text: source },
          cue: { start: cueStart, end: cueStart + cue.length, text: cue },
          content: { start: contentStart, end: contentStart + content.length, text: content },
          speaker,
          stance: cue === 'denied' ? 'deny' : 'assert',
          negated: false,
        });
        const trigger = content.indexOf('stranded');
        if (trigger !== -1) {
          const s = contentStart + trigger;
          events.push({
            id: `v${events.length + 1}`,
            trigger: { start: s, end: s + 8, text: 'stranded' },
            type: 'stranding',
            lemma: 'strand',
            arguments: {},
            claims: [id],
          });
        }
      }
      // "Reportedly, <content>." is a statement in the outlet's own voice: a claim with no source.
      for (const match of text.matchAll(/Reportedly, ([^.]+)\./g)) {
        const cueStart = match.index;
        const contentStart = cueStart + 'Reportedly, '.length;
        const content = match[1]!;
        claims.push({
          id: `c${claims.length + 1}`,
          source: null,
          cue: { start: cueStart, end: cueStart + 'Reportedly'.length, text: 'Reportedly' },
          content: { start: contentStart, end: contentStart + content.length, text: content },
          speaker: null,
          stance: 'assert',
          negated: false,
        });
      }
      const annotation: DocumentAnnotation = { mentions, entities, claims, events, sentences: [], messages: [] };
      return annotation;
    },
  };
}

/**
 * Build with the real corpus builder, then add one event over the claims about people stranded, and a dispute
 * over how many, one position per article (every stranded claim of it), with the pair version 1 knew: the finding
 * the server must show, whatever the event and comparison stages decide today.
 */
export function buildWithDispute(items: Parameters<typeof buildCorpus>[0]): Corpus {
  const corpus = buildCorpus(items, {}, defaultBuildOptions());
  const stranded = corpus.claims.filter((c) => c.content.text.includes('stranded'));
  const [a, b] = stranded.filter((c, i) => stranded.findIndex((x) => x.article === c.article) === i);
  if (!a || !b) return corpus;
  const mentions = stranded.flatMap((c) => {
    const found = corpus.annotations.get(c.article)?.events.find((v) => v.claims.includes(c.id));
    return found ? [{ article: c.article, ...found.trigger, mention: found.id }] : [];
  });
  const event = { id: 'Vstranded', label: 'stranded', type: 'stranding', mentions, claims: stranded.map((c) => c.id) };
  const position = (article: string, value: string): DisputePosition => {
    const claims = stranded.filter((c) => c.article === article);
    const sources = claims.map((c) => ({
      speaker: c.speaker,
      name: (c.speaker ? corpus.entity(c.speaker)?.name : c.source?.text) ?? 'the article',
      article,
      outlet: corpus.article(article)?.outlet ?? null,
    }));
    return { value, claims: claims.map((c) => c.id), sources: sources.slice(0, 1) };
  };
  const dispute: Dispute = {
    id: 'D1',
    event: event.id,
    facet: 'count',
    what: 'how many were stranded',
    compatible: false,
    positions: [position(a.article, '40'), position(b.article, '120')],
    confidence: 0.7,
    explanation: 'One says 40 were stranded, the other 120.',
  };
  return new Corpus({
    ...corpus,
    events: [...corpus.events.filter((e) => !e.claims.some((id) => event.claims.includes(id))), event],
    disputes: [dispute],
    contradictions: [
      {
        id: 'x1',
        kind: 'quantity',
        claims: [a.id, b.id],
        event: event.id,
        explanation: 'One says 40 were stranded, the other 120.',
      },
    ],
  });
}

export const articles = {
  'harbor.txt':
    'Maria Okafor said that 40 passengers were stranded in Portmere.\n\nThe port stayed closed. Okafor said that crews were safe.\n',
  'gazette.txt': 'Tom Reyes said that 120 passengers were stranded in Portmere.\n',
};

/**
 * A workspace over the fake annotator with the two articles above (or `texts` by the same names), analysed;
 * `build` makes the corpus.
 */
export async function analysedWorkspace(
  build = buildWithDispute,
  texts: Record<keyof typeof articles, string> = articles,
): Promise<Workspace> {
  const workspace = new Workspace({
    runner: inlineRunner(fakeAnnotator()),
    builder: inlineBuilder(build),
    timeout: () => defaultSettings.analysis.timeout,
    corpusDelay: 1,
  });
  for (const [id, text] of Object.entries(texts)) {
    workspace.set({
      uri: `file:///news/${id}`,
      id,
      path: `/news/${id}`,
      format: 'plaintext',
      text,
      version: null,
      open: false,
      outlet: id === 'harbor.txt' ? 'Harbor Daily' : null,
    });
  }
  await workspace.idle();
  return workspace;
}

export function entry(workspace: Workspace, id: keyof typeof articles): Entry {
  return workspace.entries.get(`file:///news/${id}`)!;
}
