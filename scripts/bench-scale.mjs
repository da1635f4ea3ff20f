#!/usr/bin/env node
// Corpus scale: generate synthetic news articles (templated sentences with varied actors, places, numbers,
// dates and speech verbs, made at bench time from a seed), run the real analyze pipeline on 1,000, 2,000,
// 5,000 and 10,000 of them, and print seconds (wall and CPU), articles/s, peak memory and how time grows.
//
//   node scripts/bench-scale.mjs [--sizes 1000,2000,5000,10000] [--seed 1] [--timeout MINUTES] [--keep]
//
// Imports the BUILT packages (packages/core/dist, packages/annotator/dist): build them first with
// `npx tsc -p packages/core/tsconfig.build.json && npx tsc -p packages/annotator/tsconfig.build.json`
// (or `npm run build`). Each size runs in its own Node process, so peak memory is that size's alone.
// `benchScale(options)` is exported for other scripts. The child runs with Node's default heap limit;
// CLAIMLENS_BENCH_NODE_OPTIONS='--max-old-space-size=1536' runs it under a lower one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const self = fileURLToPath(import.meta.url);

/**
 * Run the scale benchmark. Returns one result per size.
 * @param {{sizes?: number[], seed?: number, keep?: boolean, log?: (line: string) => void, timeoutMs?: number}} [options]
 */
export async function benchScale(options = {}) {
  const sizes = options.sizes ?? [1000, 2000, 5000, 10_000];
  const seed = options.seed ?? 1;
  const log = options.log ?? ((line) => console.log(line));
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  for (const dist of ['packages/core/dist/index.js', 'packages/annotator/dist/index.js']) {
    if (!existsSync(path.join(root, dist))) throw new Error(`Expected ${dist}; build the packages first`);
  }
  // Node's own heap limit by default, as a user's `claimlens analyze` runs; CLAIMLENS_BENCH_NODE_OPTIONS sets
  // flags for the child, e.g. '--max-old-space-size=1536' (V8 collects garbage sooner under a lower limit).
  const nodeFlags = (process.env.CLAIMLENS_BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  if (nodeFlags.length > 0) log(`node flags: ${nodeFlags.join(' ')}`);
  const results = [];
  log(
    `${pad('articles', 9)}${pad('MB text', 9)}${pad('seconds', 9)}${pad('cpu s', 8)}${pad('art/s', 8)}${pad('peak RSS', 10)}${pad('peak heap', 11)}` +
      `${pad('read+tag', 10)}${pad('corpus', 8)}${pad('resolve', 9)}${pad('events', 8)}${pad('compare', 9)}${pad('claims', 8)}${pad('events', 8)}${pad('contra', 8)}agree`,
  );
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `claimlens-scale-${size}-`));
    try {
      const bytes = writeCorpus(dir, size, seed);
      const child = spawnSync(process.execPath, [...nodeFlags, self, '--child', dir], {
        encoding: 'utf8',
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
      });
      const line = (child.stdout ?? '').trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{')) {
        log(
          `${pad(size, 9)}failed (${child.signal ?? `exit ${child.status}`}): ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`,
        );
        results.push({ articles: size, failed: true });
        continue;
      }
      const r = { ...JSON.parse(line), megabytes: bytes / 1e6 };
      results.push(r);
      log(
        `${pad(r.articles, 9)}${pad(r.megabytes.toFixed(1), 9)}${pad(r.seconds.toFixed(1), 9)}${pad(r.cpuSeconds.toFixed(1), 8)}${pad(Math.round(r.articles / r.seconds), 8)}` +
          `${pad(`${Math.round(r.peakRss / 1e6)} MB`, 10)}${pad(`${Math.round(r.peakHeap / 1e6)} MB`, 11)}` +
          `${pad(r.annotateSeconds.toFixed(1), 10)}${pad(r.corpusSeconds.toFixed(1), 8)}${pad(r.resolveSeconds.toFixed(1), 9)}${pad(r.clusterSeconds.toFixed(1), 8)}${pad(r.compareSeconds.toFixed(2), 9)}` +
          `${pad(r.claims, 8)}${pad(r.events, 8)}${pad(r.contradictions, 8)}${r.agreements}`,
      );
    } finally {
      if (!options.keep) rmSync(dir, { recursive: true, force: true });
      else log(`  kept ${dir}`);
    }
  }
  const done = results.filter((r) => !r.failed);
  const first = done[0];
  const last = done[done.length - 1];
  if (first && last && last !== first) {
    const growth = last.seconds / first.seconds;
    const scale = last.articles / first.articles;
    log(
      `growth: ${scale.toFixed(1)}x the articles took ${growth.toFixed(2)}x the time (${(growth / scale).toFixed(2)} of linear); ` +
        `compare ${(last.compareSeconds / Math.max(first.compareSeconds, 1e-3)).toFixed(2)}x, peak RSS ${(last.peakRss / first.peakRss).toFixed(2)}x`,
    );
  }
  return results;
}

/** Child: analyze a folder and print one JSON line of timings and memory. */
async function child(dir) {
  const { analyze } = await import(pathToFileURL(path.join(root, 'packages/annotator/dist/index.js')).href);
  const core = await import(pathToFileURL(path.join(root, 'packages/core/dist/index.js')).href);
  let peakHeap = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
  };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let annotated = start;
  const corpus = await analyze([dir], {
    onProgress(done, total) {
      if (done % 100 === 0) sample();
      if (done === total) annotated = performance.now();
    },
  });
  const end = performance.now();
  // CPU of all threads (the annotation workers too): wall time depends on what else the machine runs.
  const cpu = process.cpuUsage(cpuStart);
  sample();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  // Which corpus stage costs what: resolve and compare timed again on the corpus's own annotations (holding the
  // annotator's output for this would add a copy of every annotation to the peak measured above); events is the rest.
  const items = corpus.articles.map((article) => ({ article, annotation: corpus.annotations.get(article.id) }));
  let t = performance.now();
  core.resolveEntities(items, {});
  const resolveSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  core.compareClaims({
    articles: corpus.articles,
    annotations: corpus.annotations,
    entities: corpus.entities,
    claims: corpus.claims,
    events: corpus.events,
  });
  const compareSeconds = (performance.now() - t) / 1000;
  const corpusSeconds = (end - annotated) / 1000;
  console.log(
    JSON.stringify({
      articles: corpus.articles.length,
      seconds: (end - start) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      annotateSeconds: (annotated - start) / 1000,
      corpusSeconds,
      resolveSeconds,
      clusterSeconds: Math.max(0, corpusSeconds - resolveSeconds - compareSeconds),
      compareSeconds,
      peakRss,
      peakHeap,
      claims: corpus.claims.length,
      events: corpus.events.length,
      contradictions: corpus.contradictions.length,
      agreements: corpus.agreements.length,
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Synthetic articles. Stories are incidents between two countries; several outlets cover each, quoting each
// side with its own figures, motives and outcomes; some articles are wire copy reprinted under another outlet.

const countries = [
  ['Poland', 'Polish', 'Warsaw', ['Gdansk', 'Lublin', 'Rzeszow', 'Bialystok']],
  ['Germany', 'German', 'Berlin', ['Dresden', 'Leipzig', 'Rostock', 'Kiel']],
  ['France', 'French', 'Paris', ['Lyon', 'Lille', 'Metz', 'Strasbourg']],
  ['Spain', 'Spanish', 'Madrid', ['Seville', 'Bilbao', 'Valencia', 'Zaragoza']],
  ['Turkey', 'Turkish', 'Ankara', ['Izmir', 'Kars', 'Van', 'Hatay']],
  ['Greece', 'Greek', 'Athens', ['Thessaloniki', 'Patras', 'Larissa', 'Kavala']],
  ['Serbia', 'Serbian', 'Belgrade', ['Nis', 'Novi Sad', 'Kragujevac', 'Subotica']],
  ['Hungary', 'Hungarian', 'Budapest', ['Debrecen', 'Szeged', 'Pecs', 'Gyor']],
  ['Armenia', 'Armenian', 'Yerevan', ['Gyumri', 'Vanadzor', 'Goris', 'Kapan']],
  ['Azerbaijan', 'Azerbaijani', 'Baku', ['Ganja', 'Sumqayit', 'Shaki', 'Lankaran']],
  ['India', 'Indian', 'New Delhi', ['Jaipur', 'Amritsar', 'Srinagar', 'Jodhpur']],
  ['Pakistan', 'Pakistani', 'Islamabad', ['Lahore', 'Karachi', 'Quetta', 'Peshawar']],
  ['Peru', 'Peruvian', 'Lima', ['Cusco', 'Arequipa', 'Puno', 'Tacna']],
  ['Chile', 'Chilean', 'Santiago', ['Arica', 'Iquique', 'Antofagasta', 'Valparaiso']],
  ['Kenya', 'Kenyan', 'Nairobi', ['Mombasa', 'Kisumu', 'Garissa', 'Lodwar']],
  ['Ethiopia', 'Ethiopian', 'Addis Ababa', ['Gondar', 'Mekele', 'Dire Dawa', 'Jijiga']],
  ['Thailand', 'Thai', 'Bangkok', ['Chiang Mai', 'Surin', 'Songkhla', 'Udon Thani']],
  ['Cambodia', 'Cambodian', 'Phnom Penh', ['Battambang', 'Siem Reap', 'Kampot', 'Pailin']],
];
const outlets = [
  'Northern Herald',
  'Daily Courier',
  'Evening Star',
  'Morning Ledger',
  'Capital Times',
  'World Report',
  'The Observer Post',
  'Channel Nine News',
  'Metro Wire',
  'Global Dispatch',
  'Harbor Gazette',
  'Valley Tribune',
  'Continental Press',
  'First Edition',
  'The Sentinel',
  'Riverside Journal',
  'Public Radio News',
  'Frontier Monitor',
  'City Bulletin',
  'The Examiner',
];
const wires = ['United Wire', 'Associated Newswire'];
const firstNames = [
  'Anna',
  'Marek',
  'Lena',
  'Omar',
  'Ravi',
  'Sofia',
  'Daniel',
  'Aylin',
  'Jonas',
  'Mira',
  'Pedro',
  'Yusuf',
  'Elena',
  'Tomas',
  'Nadia',
  'Kenji',
  'Amara',
  'Luis',
  'Irina',
  'Samuel',
];
const lastNames = [
  'Novak',
  'Keller',
  'Haddad',
  'Sharma',
  'Costa',
  'Demir',
  'Petrov',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Mwangi',
  'Rossi',
  'Kovacs',
  'Silva',
  'Nguyen',
  'Fischer',
  'Yilmaz',
  'Markovic',
  'Ortega',
];
const bodies = [
  'Defence Ministry',
  'Foreign Ministry',
  'Interior Ministry',
  'Border Service',
  'General Staff',
  'Security Service',
];
const intl = ['the United Nations', 'the Red Cross', 'the European Union', 'the African Union', 'NATO', 'the OSCE'];
const units = [
  ['soldiers', 'person'],
  ['troops', 'person'],
  ['border guards', 'person'],
  ['armored vehicles', 'vehicle'],
  ['tanks', 'vehicle'],
  ['trucks', 'vehicle'],
];
const sayVerbs = [
  'said',
  'told reporters',
  'said in a statement',
  'told a news briefing',
  'wrote on social media',
  'claimed',
  'confirmed',
];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const numberWords = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty'];
const kinds = [
  ['crossed into', 'crossed', 'cross', 'crossing'],
  ['shelled', 'shelled', 'shell', 'shelling of'],
  ['entered', 'entered', 'enter', 'incursion into'],
  ['attacked positions in', 'attacked', 'attack', 'attack on'],
];

export function writeCorpus(dir, size, seed) {
  const random = mulberry32(seed * 7919 + size);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let story = null;
  let storyLeft = 0;
  const previous = [];
  const base = Date.UTC(2015, 0, 1);
  for (let i = 0; i < size; i++) {
    if (storyLeft === 0) {
      const [a, b] = [pick(countries), pick(countries)];
      if (a === b) {
        i--;
        continue;
      }
      const [unit, unitClass] = pick(units);
      story = {
        a,
        b,
        unit,
        unitClass,
        kind: pick(kinds),
        day: base + int(0, 3650) * 86_400_000,
        count: unitClass === 'person' ? int(20, 900) : int(2, 40),
        city: pick(b[3]),
        spokesA: `${pick(firstNames)} ${pick(lastNames)}`,
        spokesB: `${pick(firstNames)} ${pick(lastNames)}`,
        bodyA: pick(bodies),
        bodyB: pick(bodies),
        village: `${pick(['Nova', 'Stara', 'Upper', 'Lower', 'East', 'West'])} ${pick(lastNames)}`,
      };
      storyLeft = int(3, 12);
      previous.length = 0;
    }
    storyLeft--;
    const date = new Date(story.day + int(0, 2) * 86_400_000).toISOString().slice(0, 10);
    let text;
    let outlet;
    if (previous.length && random() < 0.12) {
      // Wire copy: the same text under another outlet (and a line of its own, as reprints often add).
      text = `${pick(previous)}\n\nThis story was first published by a news agency.`;
      outlet = pick(outlets);
    } else {
      outlet = random() < 0.15 ? pick(wires) : pick(outlets);
      text = writeArticle(story, random, pick, int);
      previous.push(text);
    }
    const body = `---\noutlet: ${outlet}\ndate: ${date}\ntitle: ${story.a[1]} ${story.unit} ${story.kind[1]} ${story.b[0]}\n---\n\n${text}\n`;
    bytes += Buffer.byteLength(body);
    writeFileSync(path.join(dir, `article-${String(i).padStart(5, '0')}.md`), body);
  }
  return bytes;
}

function writeArticle(s, random, pick, int) {
  const [A, demA, capA] = s.a;
  const [B, demB, capB] = s.b;
  const vary = (n) => {
    const r = random();
    if (r < 0.45) return String(n);
    if (r < 0.6) return `at least ${Math.max(1, n - int(0, Math.ceil(n / 3)))}`;
    if (r < 0.7) return `about ${Math.round(n / 10) * 10 || n}`;
    if (r < 0.8) return n <= 20 ? (numberWords[int(0, numberWords.length - 1)] ?? 'two') : 'dozens of';
    if (r < 0.9) return `more than ${Math.max(1, n - int(1, 10))}`;
    return String(Math.max(1, n + int(-n, n)));
  };
  const say = () => pick(sayVerbs);
  const wd = pick(weekdays);
  const sentences = [];
  const lead = [
    `${capB} said on ${wd} that ${vary(s.count)} ${demA} ${s.unit} had ${s.kind[0]} ${B} near ${s.city}.`,
    `${demA} ${s.unit} ${s.kind[0]} ${B} overnight, officials in ${capB} ${say()} on ${wd}.`,
    `Officials in ${capB} accused ${A} of sending ${vary(s.count)} ${s.unit} across the border near ${s.city}.`,
  ];
  sentences.push(pick(lead));
  const pool = [
    () => `${capA} denied that its ${s.unit} had ${s.kind[1]} ${B}.`,
    () => `The ${A} ${s.bodyA} said no ${s.unit} had crossed the border and called the reports a provocation.`,
    () => `${s.spokesB}, a spokesman for the ${B} ${s.bodyB}, ${say()} that ${vary(s.count)} ${s.unit} were involved.`,
    () => `“We saw ${vary(s.count)} ${s.unit} moving towards ${s.city},” ${s.spokesB} said.`,
    () => `According to ${capA}, the ${s.unit} were forced to cross after coming under heavy fire.`,
    () => `${capB} said the ${s.unit} crossed deliberately and that the move was planned in advance.`,
    () => `The ${demA} ${s.bodyA} said its forces captured the village of ${s.village}.`,
    () => `${capB} said the attack on ${s.village} was repelled and the attackers retreated.`,
    () => `${s.spokesA} told reporters that the ${s.unit} had lost their way in bad weather.`,
    () => `${pick(intl)} said it could not confirm the reports and called on both sides to show restraint.`,
    () => `The ${B} ${s.bodyB} confirmed that ${vary(s.count)} ${demA} ${s.unit} were detained near ${s.city}.`,
    () => `Residents of ${s.city} said they heard explosions late on ${wd} and saw smoke over the border.`,
    () => `${s.spokesA} said ${vary(s.count)} ${demB} ${s.unit} had ${s.kind[0]} ${A} first, a claim ${capB} rejected.`,
    () =>
      `Talks between ${capA} and ${capB} are scheduled to resume next week in ${pick(['Geneva', 'Vienna', 'Istanbul', 'Doha'])}.`,
    () => `The two countries have been at odds over the border since ${int(1990, 2014)}.`,
    () => `Markets in ${capA} fell ${int(1, 4)} percent on the news.`,
    () => `${pick(intl)} said ${int(2, 60)} civilians had been killed in the area this year.`,
    () => `Analysts said the ${s.kind[3]} ${B} could push the two neighbours towards a wider conflict.`,
    () => `It was not clear whether the ${s.unit} were still on ${B} territory.`,
    () => `${s.spokesB} said the ${s.unit} may have been part of a larger column.`,
    () => `In ${s.city}, schools were closed and roads to the border were blocked by police.`,
    () =>
      `The ${demB} president ${pick(['spoke with', 'called', 'met'])} the ${A} ambassador in ${capB} on ${pick(weekdays)}.`,
  ];
  const count = int(9, 18);
  for (let k = 0; k < count; k++) sentences.push(pick(pool)());
  const paragraphs = [];
  for (let k = 0; k < sentences.length; ) {
    const step = int(1, 3);
    paragraphs.push(sentences.slice(k, k + step).join(' '));
    k += step;
  }
  return paragraphs.join('\n\n');
}

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(value, width) {
  return String(value).padEnd(width);
}

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--keep') out.keep = true;
    else if (a.startsWith('--')) out[a.slice(2)] = argv[++i];
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const given = args(process.argv.slice(2));
  if (given.help) {
    console.log(
      'node scripts/bench-scale.mjs [--sizes 1000,2000,5000,10000] [--seed 1] [--timeout MINUTES (15)] [--keep]\n' +
        'Generates synthetic articles and times the BUILT pipeline (packages/*/dist) on them; build first.',
    );
  } else if (given.child) {
    await child(given.child);
  } else {
    const sizes = given.sizes ? given.sizes.split(',').map(Number) : undefined;
    const results = await benchScale({
      ...(sizes ? { sizes } : {}),
      seed: Number(given.seed ?? 1),
      ...(given.timeout ? { timeoutMs: Number(given.timeout) * 60_000 } : {}),
      keep: Boolean(given.keep),
    });
    if (results.some((r) => r.failed)) process.exitCode = 1;
  }
}
