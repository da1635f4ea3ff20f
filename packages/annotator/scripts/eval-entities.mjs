#!/usr/bin/env node
// Score within- and cross-document entity resolution (link-entities + tag-places + core resolveEntities) on the
// participant coreference of ECB+: gold name mentions in, entity clusters out, MUC and B³ against the gold chains.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveEntities } from '@claimlens/core';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { linkEntities, markProse, parsePlain, splitSentences, tagPlaces } from '../dist/index.js';
import { decodeXml } from './eval-events.mjs';

const help = `Usage: node scripts/eval-entities.mjs <ecbplus>/topics [--topics 2,5,12] [--verbose]

Imports the BUILT package (../dist/index.js): run \`npx tsc -p packages/core/tsconfig.build.json && npx tsc -p
packages/annotator/tsconfig.build.json\` first. Each topic's documents are one corpus. The gold mentions are the
ECB+ participant mentions (HUMAN_PART_PER/ORG/GPE, LOC_*) written as proper names; they replace the name tagger,
so the score is that of linking alone (single capitalised words the text also writes in lower case are left out). Prints MUC, B³ and their mean against the gold cross-document chains,
next to the baseline that groups mentions with the same text.`;

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  console.log(help);
  process.exit(args.length === 0 ? 1 : 0);
}
const root = args[0];
const topicArg = args.indexOf('--topics');
const chosen = topicArg === -1 ? null : new Set(args[topicArg + 1].split(','));
const verbose = args.includes('--verbose');

const kinds = {
  HUMAN_PART_PER: 'person',
  HUMAN_PART_ORG: 'organization',
  HUMAN_PART_GPE: 'place',
  LOC_GEO: 'place',
  LOC_FAC: 'place',
  LOC_OTHER: 'place',
};
const minor = new Set(['of', 'the', 'and', 'for', 'de', 'in', 'on', '&', "'s", '-', '.']);

function readDocument(file) {
  const xml = readFileSync(file, 'utf8');
  const tokens = new Map();
  const sentences = [];
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)) {
    const s = Number(m[2]);
    sentences[s] ??= [];
    sentences[s].push({ id: m[1], word: decodeXml(m[3]) });
  }
  let text = '';
  for (const sentence of sentences.filter(Boolean)) {
    for (const [i, token] of sentence.entries()) {
      // Undo the tokenisation where it splits names: no space before . , ; : ' 's n't ) or after (.
      const glue = i > 0 && (/^(?:[.,;:)!?]|'s|'|n't)$/.test(token.word) || sentence[i - 1].word === '(');
      if (text !== '' && !text.endsWith('\n') && !glue) text += ' ';
      tokens.set(token.id, { start: text.length, end: text.length + token.word.length, word: token.word });
      text += token.word;
    }
    text += '\n';
  }
  const markables = new Map();
  const body = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  for (const m of body.matchAll(/<(\w+) m_id="(\d+)"[^>]*?(\/?)>([\s\S]*?)(?=<\w+ m_id=|$)/g)) {
    const anchors = [...m[4].matchAll(/t_id="(\d+)"/g)].map((a) => tokens.get(a[1])).filter(Boolean);
    if (anchors.length > 0) markables.set(m[2], { type: m[1], anchors });
  }
  const chain = new Map();
  const relations = xml.slice(xml.indexOf('<Relations>'));
  for (const r of relations.matchAll(
    /<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="(\d+)"(?: note="([^"]*)")?[^>]*>([\s\S]*?)<\/\1>/g,
  )) {
    const id = r[1] === 'CROSS_DOC_COREF' ? r[3] : `${path.basename(file)}:${r[2]}`;
    for (const s of r[4].matchAll(/<source m_id="(\d+)"/g)) chain.set(s[1], id);
  }
  const gold = [];
  for (const [id, { type, anchors }] of markables) {
    const kind = kinds[type];
    if (!kind) continue;
    const words = anchors.map((a) => a.word);
    const proper =
      words.every((w) => /^\p{Lu}/u.test(w) || minor.has(w.toLowerCase())) &&
      /^\p{Lu}/u.test(words[0]) &&
      words.some((w) => /\p{Ll}/u.test(w) || w.length > 1);
    const contiguous = anchors.every((a, i) => i === 0 || /^ ?$/.test(text.slice(anchors[i - 1].end, a.start)));
    // A capitalised common noun ("Driver" in a headline) is no name: the text also writes it in lower case.
    const common = words.length === 1 && new RegExp(`\\b${words[0].toLowerCase()}\\b`).test(text);
    if (!proper || !contiguous || common || /^(?:I|He|She|We|They|It)$/.test(words.join(' '))) continue;
    const start = anchors[0].start;
    const end = anchors[anchors.length - 1].end;
    gold.push({
      start,
      end,
      text: text.slice(start, end),
      kind,
      chain: chain.get(id) ?? `${path.basename(file)}:m${id}`,
    });
  }
  return { id: path.basename(file, '.xml'), text, gold };
}

function annotate(doc) {
  const file = new VFile({ value: doc.text, data: { format: 'plaintext' } });
  const processor = unified()
    .use(parsePlain, { linePerSentence: true })
    .use(markProse)
    .use(() => (_tree, f) => {
      f.data.sentences = splitSentences(f.data.prose, f.data.blocks ?? []);
    })
    .use(() => (_tree, f) => {
      f.data.mentions = doc.gold.map((g) => ({
        start: g.start,
        end: g.end,
        text: g.text,
        type: g.kind === 'place' ? 'place' : 'actor',
        kind: g.kind === 'place' ? 'location' : g.kind,
        entity: '',
      }));
      f.data.entities = [];
    })
    .use(tagPlaces, { discover: false })
    .use(linkEntities)
    .freeze();
  processor.runSync(processor.parse(file), file);
  const annotation = {
    mentions: file.data.mentions ?? [],
    entities: file.data.entities ?? [],
    claims: [],
    events: [],
    sentences: [],
    messages: [],
  };
  return {
    article: {
      id: doc.id,
      path: doc.id,
      outlet: null,
      title: null,
      date: null,
      url: null,
      text: doc.text,
      format: 'plaintext',
      messages: [],
    },
    annotation,
  };
}

/** MUC and B³ recall/precision of predicted clusters against gold clusters over the same mentions. */
function score(gold, predicted) {
  const byCluster = (labels) => {
    const map = new Map();
    labels.forEach((l, i) => {
      if (!map.has(l)) map.set(l, []);
      map.get(l).push(i);
    });
    return [...map.values()];
  };
  const muc = (key, response) => {
    let num = 0;
    let den = 0;
    for (const cluster of byCluster(key)) {
      const parts = new Set(cluster.map((i) => response[i]));
      num += cluster.length - parts.size;
      den += cluster.length - 1;
    }
    return [num, den];
  };
  const b3 = (key, response) => {
    const k = new Map(byCluster(key).flatMap((c) => c.map((i) => [i, new Set(c)])));
    const r = new Map(byCluster(response).flatMap((c) => c.map((i) => [i, new Set(c)])));
    let sum = 0;
    for (let i = 0; i < key.length; i++) {
      const kc = k.get(i);
      const rc = r.get(i);
      let both = 0;
      for (const x of kc) if (rc.has(x)) both++;
      sum += both / kc.size;
    }
    return [sum, key.length];
  };
  return { mucR: muc(gold, predicted), mucP: muc(predicted, gold), b3R: b3(gold, predicted), b3P: b3(predicted, gold) };
}

const totals = { ours: [], local: [], same: [] };
let mentionCount = 0;
let documentCount = 0;
let elapsed = 0;
const topics = readdirSync(root)
  .filter((t) => !chosen || chosen.has(t))
  .sort((a, b) => Number(a) - Number(b));
for (const topic of topics) {
  const dir = path.join(root, topic);
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => readDocument(path.join(dir, f)));
  const started = performance.now();
  const items = docs.map(annotate);
  const resolved = resolveEntities(items, {});
  elapsed += performance.now() - started;
  const gold = [];
  const ours = [];
  const local = [];
  const same = [];
  docs.forEach((doc, d) => {
    const mentions = resolved.annotations.get(doc.id)?.mentions ?? [];
    const within = items[d].annotation.mentions;
    for (const g of doc.gold) {
      const hit = mentions.find((m) => m.start < g.end && g.start < m.end);
      const own = within.find((m) => m.start < g.end && g.start < m.end);
      gold.push(g.chain);
      ours.push(hit ? hit.entity : `${doc.id}:${g.start}`);
      local.push(own ? `${doc.id}:${own.entity}` : `${doc.id}:${g.start}`);
      same.push(g.text.toLowerCase());
    }
  });
  mentionCount += gold.length;
  documentCount += docs.length;
  totals.ours.push(score(gold, ours));
  totals.local.push(score(gold, local));
  totals.same.push(score(gold, same));
  if (verbose) console.log(`topic ${topic}: ${docs.length} documents, ${gold.length} name mentions`);
}

function report(name, list) {
  const sum = (key) => list.reduce((a, s) => [a[0] + s[key][0], a[1] + s[key][1]], [0, 0]);
  const f = (r, p) => (r + p === 0 ? 0 : (2 * r * p) / (r + p));
  const [mr, mp, br, bp] = ['mucR', 'mucP', 'b3R', 'b3P'].map((k) => {
    const [n, d] = sum(k);
    return d === 0 ? 0 : n / d;
  });
  const muc = f(mr, mp);
  const b3 = f(br, bp);
  console.log(
    `${name.padEnd(26)} MUC R ${(100 * mr).toFixed(1)} P ${(100 * mp).toFixed(1)} F1 ${(100 * muc).toFixed(1)} | ` +
      `B3 R ${(100 * br).toFixed(1)} P ${(100 * bp).toFixed(1)} F1 ${(100 * b3).toFixed(1)} | mean ${(50 * (muc + b3)).toFixed(1)}`,
  );
}
console.log(
  `ECB+ participant names: ${topics.length} topics, ${documentCount} documents, ${mentionCount} gold name mentions; linking took ${(elapsed / 1000).toFixed(1)} s`,
);
report('claimlens (link + resolve)', totals.ours);
report('  within documents only', totals.local);
report('baseline: same text', totals.same);
