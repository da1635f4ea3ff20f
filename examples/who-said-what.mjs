#!/usr/bin/env node
// Who said what about each event, across the articles in a folder, using the claimlens script API.
// It imports the BUILT package: run `npm run build` first. Usage: node examples/who-said-what.mjs FOLDER_OR_FILES...
import { analyze, corpusToJson } from 'claimlens';

const paths = process.argv.slice(2);
if (paths.length === 0 || paths.includes('--help')) {
  console.log(
    'Usage: node examples/who-said-what.mjs FOLDER_OR_FILES... [--json]\n(imports the built claimlens package: run `npm run build` first)',
  );
  process.exit(paths.length === 0 ? 2 : 0);
}

const corpus = await analyze(paths.filter((p) => p !== '--json'));
if (paths.includes('--json')) {
  console.log(JSON.stringify(corpusToJson(corpus).articles, null, 2));
  process.exit(0);
}

const outlet = (id) => corpus.article(id)?.outlet ?? id;
const speaker = (claim) =>
  (claim.speaker && corpus.entity(claim.speaker)?.name) ?? claim.source?.text ?? '(the article)';
const clip = (text) => text.replace(/\s+/g, ' ').slice(0, 100);

// Events that more than one article reports, most widely reported first.
const shared = corpus.events
  .map((event) => ({ event, articles: new Set(event.mentions.map((m) => m.article)) }))
  .filter(({ event, articles }) => articles.size > 1 && event.claims.length > 0)
  .sort((a, b) => b.articles.size - a.articles.size);

console.log(
  `${corpus.articles.length} articles, ${corpus.claims.length} claims, ${shared.length} events reported by several articles\n`,
);
for (const { event, articles } of shared.slice(0, 10)) {
  console.log(`${event.label} — in ${articles.size} articles`);
  for (const claim of corpus.claimsAbout(event)) {
    console.log(`  ${outlet(claim.article)}: ${speaker(claim)}: “${clip(claim.content.text)}”`);
    for (const other of corpus.otherSources(claim).filter((o) => o.relation === 'contradict')) {
      console.log(
        `    ✗ contradicted by ${outlet(other.claim.article)} (${other.contradiction?.kind}): ${other.contradiction?.explanation}`,
      );
    }
  }
}
for (const message of corpus.messages.filter((m) => m.severity === 'error'))
  console.error(`${message.path}: ${message.reason}`);
