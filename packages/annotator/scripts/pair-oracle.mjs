// The candidate-pair oracle of eval-contradictions.mjs (--oracle): for each gold contradiction, what links the
// claims that hold its two quotes, and how many gold entries each policy of choosing the claim pairs to compare
// could find at best (its ceiling), against how many claim pairs it would compare.
import { compareClaims, eventPairs } from '@claimlens/core';

/** Relations of two trigger lemmas that count as "related" (WordNet synonym, hypernym, cause/entailment/antonym). */
const relatedRelations = new Set(['synonym', 'hypernym', 'linked']);

/** Kinds of entity too broad to say two claims are about one happening. */
const broadKinds = new Set(['country', 'region', 'government', 'location', 'continent']);

/**
 * Policies: each says whether a pair of claims (from different voices, with facts `f`) would be compared.
 * `story`: the articles are linked by a shared event (events never cross the event stage's document groups).
 */
export const policies = {
  'same event': (f) => f.sameEvent,
  'story + same lemma': (f) => f.story && f.sameLemma,
  'story + related lemma': (f) => f.story && f.related,
  'story + shared participant': (f) => f.story && f.shared,
  'story + related lemma + shared participant': (f) => f.story && f.related && f.shared,
  'story + (related lemma or shared participant)': (f) => f.story && (f.related || f.shared),
  'story + model p >= 0.05': (f) => f.story && f.p >= 0.05,
  'story + model p >= 0.2': (f) => f.story && f.p >= 0.2,
  'story + (model p >= 0.05 or shared participant)': (f) => f.story && (f.p >= 0.05 || f.shared),
  'story (any two claims with events)': (f) => f.story,
};

/**
 * What the oracle reads from one analysed group: per claim its event ids, mentions (lemma, article:id) and specific
 * participants; the story of each article; the event model's probability of each mention pair it scores.
 */
export function oracleContext(corpus, grouping, lexicon) {
  const eventsOf = new Map();
  const storyParent = new Map(corpus.articles.map((a) => [a.id, a.id]));
  const find = (x) => {
    while (storyParent.get(x) !== x) x = storyParent.get(x);
    return x;
  };
  for (const event of corpus.events) {
    for (const id of event.claims) (eventsOf.get(id) ?? eventsOf.set(id, new Set()).get(id)).add(event.id);
    const [first, ...rest] = [...new Set(event.mentions.map((m) => m.article))];
    for (const other of rest) storyParent.set(find(other), find(first));
  }
  const mentionsOf = new Map();
  const participantsOf = new Map();
  for (const [article, annotation] of corpus.annotations) {
    for (const m of annotation.events) {
      for (const id of m.claims) {
        (mentionsOf.get(id) ?? mentionsOf.set(id, []).get(id)).push({ key: `${article}\u0000${m.id}`, lemma: m.lemma });
      }
    }
  }
  for (const claim of corpus.claims) {
    const set = new Set();
    for (const m of corpus.annotations.get(claim.article)?.mentions ?? []) {
      if (m.start < claim.content.start || m.end > claim.content.end) continue;
      const entity = corpus.entity(m.entity);
      if (entity && !broadKinds.has(entity.kind) && m.entity !== claim.speaker) set.add(m.entity);
    }
    participantsOf.set(claim.id, set);
  }
  const probability = new Map();
  const weights = grouping.model.weights;
  eventPairs(corpus.articles, corpus.annotations, { ...grouping, entities: corpus.entities }, (a, b, x) => {
    let z = 0;
    for (let i = 0; i < weights.length; i++) z += weights[i] * x[i];
    const p = 1 / (1 + Math.exp(-z));
    const ka = `${a.article.id}\u0000${a.mention.id}`;
    const kb = `${b.article.id}\u0000${b.mention.id}`;
    probability.set(`${ka}\u0001${kb}`, p);
    probability.set(`${kb}\u0001${ka}`, p);
  });
  // What the comparison stage did with each pair it compared: the relation and the kinds found.
  const compared = new Map();
  compareClaims({
    articles: corpus.articles,
    annotations: corpus.annotations,
    entities: corpus.entities,
    claims: corpus.claims,
    events: corpus.events,
    lexicon,
    options: {
      onCompared: (a, b, result) => {
        const said = `${result.relation}${result.why ? `:${result.why}` : ''}${result.findings.length ? ` ${result.findings.map((f) => f.facet ?? f.kind).join('+')}` : ''}`;
        compared.set(`${a}\u0000${b}`, said);
        compared.set(`${b}\u0000${a}`, said);
      },
    },
  });
  return {
    corpus,
    grouping,
    eventsOf,
    compared,
    story: (article) => find(article),
    mentionsOf,
    participantsOf,
    probability,
  };
}

/** The facts of one claim pair. */
export function pairFacts(ctx, a, b) {
  const ea = ctx.eventsOf.get(a.id);
  const eb = ctx.eventsOf.get(b.id);
  const sameEvent = !!ea && !!eb && [...ea].some((e) => eb.has(e));
  const story = !!ea && !!eb && ctx.story(a.article) === ctx.story(b.article);
  let sameLemma = false;
  let related = false;
  let p = 0;
  for (const m of ctx.mentionsOf.get(a.id) ?? []) {
    for (const n of ctx.mentionsOf.get(b.id) ?? []) {
      if (m.lemma === n.lemma) sameLemma = true;
      if (m.lemma === n.lemma || relatedRelations.has(ctx.grouping.wordnet.relation(m.lemma, n.lemma))) related = true;
      p = Math.max(p, ctx.probability.get(`${m.key}\u0001${n.key}`) ?? 0);
    }
  }
  const pa = ctx.participantsOf.get(a.id);
  const pb = ctx.participantsOf.get(b.id);
  const shared = !!pa && !!pb && [...pa].some((x) => pb.has(x));
  return { sameEvent, story, sameLemma, related, shared, p };
}

/** Whether two claims speak with different voices, as the gold counts them: two articles or two speakers. */
function twoVoices(a, b) {
  if (a.article !== b.article) return true;
  const speaker = (c) => c.speaker ?? c.source?.text ?? null;
  return speaker(a) !== null && speaker(b) !== null && speaker(a) !== speaker(b);
}

/**
 * For each gold entry (with `aClaims`, `bClaims`: the claims overlapping each side), which policies would compare a
 * pair of them, and per policy how many claim pairs of the group it compares. Adds to `tally`.
 */
export function oracleOf(ctx, entries, tally, log) {
  tally.entries ??= 0;
  tally.inClaims ??= 0;
  tally.inEvents ??= 0;
  tally.ceiling ??= {};
  tally.pairs ??= {};
  for (const entry of entries) {
    tally.entries++;
    if (!entry.aClaims.length || !entry.bClaims.length) {
      log?.(`  ${entry.id} [${entry.kind}] quote in no claim (a ${entry.aClaims.length}, b ${entry.bClaims.length})`);
      continue;
    }
    tally.inClaims++;
    const facts = [];
    for (const a of entry.aClaims)
      for (const b of entry.bClaims) if (a.id !== b.id && twoVoices(a, b)) facts.push(pairFacts(ctx, a, b));
    if (entry.aClaims.some((c) => ctx.eventsOf.has(c.id)) && entry.bClaims.some((c) => ctx.eventsOf.has(c.id)))
      tally.inEvents++;
    const passed = [];
    for (const [name, policy] of Object.entries(policies)) {
      if (facts.some(policy)) {
        tally.ceiling[name] = (tally.ceiling[name] ?? 0) + 1;
        passed.push(name);
      }
    }
    const outcomes = new Set();
    for (const a of entry.aClaims)
      for (const b of entry.bClaims) {
        const said = ctx.compared.get(`${a.id}\u0000${b.id}`);
        if (said) outcomes.add(said);
      }
    const status = outcomes.size ? [...outcomes].join(', ') : 'never compared';
    tally.status ??= {};
    const head = outcomes.size
      ? ([...outcomes].find((o) => o.startsWith('contradict')) ?? [...outcomes][0]).split(' ')[0]
      : 'never compared';
    tally.status[head] = (tally.status[head] ?? 0) + 1;
    const best = facts.reduce(
      (m, f) => ({
        sameEvent: m.sameEvent || f.sameEvent,
        story: m.story || f.story,
        related: m.related || f.related,
        shared: m.shared || f.shared,
        p: Math.max(m.p, f.p),
      }),
      { sameEvent: false, story: false, related: false, shared: false, p: 0 },
    );
    log?.(
      `  ${entry.id} [${entry.kind}] event ${best.sameEvent ? 'same' : 'diff'}, story ${best.story ? 'same' : 'diff'}, ` +
        `related lemma ${best.related ? 'y' : 'n'}, shared participant ${best.shared ? 'y' : 'n'}, max p ${best.p.toFixed(2)}; ${status}`,
    );
  }
  // The cost side: claim pairs of the group each policy would compare (claims with events, two voices).
  const claims = ctx.corpus.claims.filter((c) => ctx.eventsOf.has(c.id));
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i];
      const b = claims[j];
      if (!twoVoices(a, b)) continue;
      const f = pairFacts(ctx, a, b);
      for (const [name, policy] of Object.entries(policies))
        if (policy(f)) tally.pairs[name] = (tally.pairs[name] ?? 0) + 1;
    }
  }
}

/** Print the ceilings of one set. */
export function reportOracle(title, tally) {
  console.log(`\n${title}: candidate-pair oracle`);
  console.log(
    `  ${tally.entries} gold entries; both quotes in claims ${tally.inClaims}; both in claims that belong to events ${tally.inEvents}`,
  );
  console.log(`  what the comparison did with the pairs: ${JSON.stringify(tally.status)}`);
  console.log('  policy                                              ceiling        claim pairs compared');
  for (const name of Object.keys(policies)) {
    const n = tally.ceiling[name] ?? 0;
    console.log(
      `  ${name.padEnd(50)}  ${(n / tally.entries).toFixed(3)} ${`${n}/${tally.entries}`.padEnd(7)}  ${tally.pairs[name] ?? 0}`,
    );
  }
}
