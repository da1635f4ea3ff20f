#!/usr/bin/env node
// Disputes between sources (each once, with every position and who holds it), and what every other source says
// about a claim, using the claimlens script API.
// It imports the BUILT package: run `npm run build` first. Usage: node examples/contradictions.mjs FOLDER_OR_FILES...
import { analyze } from 'claimlens';

const paths = process.argv.slice(2);
if (paths.length === 0 || paths.includes('--help')) {
  console.log(
    'Usage: node examples/contradictions.mjs FOLDER_OR_FILES...\n(imports the built claimlens package: run `npm run build` first)',
  );
  process.exit(paths.length === 0 ? 2 : 0);
}

const corpus = await analyze(paths);
const outlet = (id) => corpus.article(id)?.outlet ?? id;
const clip = (text) => text.replace(/\s+/g, ' ').slice(0, 100);

console.log(`${corpus.disputes.length} disputes between ${corpus.articles.length} articles`);
for (const d of corpus.disputes) {
  console.log(`- ${d.what}${d.compatible ? ' (the accounts can all hold)' : ''}, confidence ${d.confidence}:`);
  for (const p of d.positions)
    console.log(`    “${p.value}”: ${p.sources.map((s) => `${s.name} (${s.outlet ?? s.article})`).join('; ')}`);
}

// The actor most claims are about, and what is said about it.
const [actor] = corpus.entities
  .filter((e) => e.type === 'actor')
  .map((e) => ({ e, n: corpus.claimsAbout(e).length }))
  .sort((a, b) => b.n - a.n)
  .map(({ e }) => e);
if (actor) console.log(`\n${corpus.claimsAbout(actor).length} claims about ${actor.name}`);

// For the first claim that other sources also report: what each of them says.
const claim = corpus.claims.find((c) => corpus.otherSources(c).length > 0);
if (claim) {
  console.log(`\n${outlet(claim.article)}: “${clip(claim.content.text)}”`);
  for (const other of corpus.otherSources(claim))
    console.log(`  ${other.relation} — ${outlet(other.claim.article)}: “${clip(other.claim.content.text)}”`);
}
for (const message of corpus.messages.filter((m) => m.severity === 'error'))
  console.error(`${message.path}: ${message.reason}`);
