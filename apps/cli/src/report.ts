import type { Article, Corpus, CorpusClaim, DocumentAnnotation, Entity } from '@claimlens/core';

/** A readable report of a corpus: contradictions with their reasons, agreements, per event who claims what where; then actors and places. */
export function corpusReport(corpus: Corpus): string {
  const out: string[] = [];
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const outlet = (id: string) => articleLabel(articles.get(id), id);
  // With no source: a cue means someone unnamed speaks ("denies"); no cue means the article says it in its own voice.
  const who = (c: CorpusClaim) =>
    oneLine(
      (c.speaker ? (entities.get(c.speaker)?.name ?? c.source?.text) : c.source?.text) ??
        (c.cue ? 'an unnamed source' : 'the article itself'),
    );
  const says = (c: CorpusClaim) =>
    `${who(c)} ${c.cue ? `(${oneLine(c.cue.text)})` : '—'} ${stanceMark(c)}“${clip(c.content.text, 160)}”`;

  out.push(
    `claimlens report: ${count(corpus.articles.length, 'article')}, ${count(corpus.events.length, 'event')}, ${count(corpus.claims.length, 'claim')}, ` +
      `${count(corpus.contradictions.length, 'contradiction')}, ${count(corpus.agreements.length, 'agreement')}`,
    '',
    'ARTICLES',
  );
  for (const a of corpus.articles) {
    const details = [a.title ? `“${a.title}”` : null, a.date, a.url].filter(Boolean).join(', ');
    out.push(`  ${a.id}  ${a.outlet ?? 'outlet unknown'}${details ? `: ${details}` : ''}  (${a.path})`);
  }

  // Contradictions lead: they are what a reader came for. Each is listed once, with both sides and the reason.
  const eventLabel = new Map(corpus.events.map((v) => [v.id, v.label]));
  out.push('', `CONTRADICTIONS (${corpus.contradictions.length})`);
  if (corpus.contradictions.length === 0) out.push('  No two sources were found to contradict each other.');
  corpus.contradictions.forEach((k, i) => {
    const [x, y] = k.claims.map((id) => corpus.claim(id));
    if (!x || !y) return;
    const about = k.event ? eventLabel.get(k.event) : undefined;
    out.push(
      '',
      `${i + 1}. ${kindName(k.kind)}${k.compatible === true ? ' (the figures can both hold)' : k.compatible === false ? ' (the figures cannot both hold)' : ''}${about ? ` — about “${about}”` : ''}`,
      `   ${outlet(x.article)}: ${says(x)}`,
      `   ${outlet(y.article)}: ${says(y)}`,
      `   why: ${oneLine(k.explanation)}`,
    );
  });

  out.push('', `AGREEMENTS (${corpus.agreements.length}, independent sources only)`);
  if (corpus.agreements.length === 0)
    out.push('  No two independent sources were found to tell the same happening alike.');
  for (const a of corpus.agreements) {
    const [x, y] = a.claims.map((id) => corpus.claim(id));
    if (x && y)
      out.push(
        `  ✓ ${oneLine(a.explanation ?? `${who(x)} (${outlet(x.article)}) and ${who(y)} (${outlet(y.article)})`)}`,
      );
  }

  // Events reported by several articles first; an event one article alone mentions is listed when a
  // contradiction above is about it, or when the corpus is that one article.
  const reach = (v: (typeof corpus.events)[number]) => new Set(v.mentions.map((m) => m.article)).size;
  const disputed = new Set(corpus.contradictions.flatMap((k) => k.claims));
  const disputedEvents = new Set(corpus.contradictions.map((k) => k.event));
  const shown = corpus.events.filter(
    (v) => v.claims.length > 0 && (corpus.articles.length === 1 || reach(v) > 1 || disputedEvents.has(v.id)),
  );
  const byReach = [...shown].sort((x, y) => reach(y) - reach(x) || y.claims.length - x.claims.length);
  out.push('', 'EVENTS (who says what about each; ✗ marks a claim in a contradiction above)');
  if (byReach.length === 0) out.push('  No event with a claim about it was found in more than one article.');
  const hidden = corpus.events.length - byReach.length;
  if (hidden > 0)
    out.push(
      `  (${count(hidden, 'more event')} only one article mentions, with no contradiction about them, or no claim about them; --format json lists all.)`,
    );
  byReach.forEach((event, i) => {
    const where = new Set(event.mentions.map((m) => m.article));
    out.push(
      '',
      `${i + 1}. ${event.label} (${event.type}): ${count(event.mentions.length, 'mention')} in ${count(where.size, 'article')}`,
    );
    const claims = event.claims.map((id) => corpus.claim(id)).filter((c): c is CorpusClaim => c !== undefined);
    const lines = claims.map((c) => `   ${disputed.has(c.id) ? '✗' : '-'} ${outlet(c.article)}: ${says(c)}`);
    for (const line of new Set(lines)) out.push(line);
  });
  for (const [title, type] of [
    ['ACTORS', 'actor'],
    ['PLACES', 'place'],
  ] as const) {
    // a place known only as the seat of a government ("Moscow denied") has no mention of its own
    const list = corpus.entities
      .filter((e) => e.type === type && e.mentions.length > 0)
      .sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name));
    out.push('', title);
    if (list.length === 0) out.push(`  No ${type} found.`);
    for (const e of list) out.push(`  ${entityLine(e, outlet)}`);
  }
  return `${out.join('\n')}\n`;
}

/** A readable listing of one annotated document. */
export function annotationReport(annotation: DocumentAnnotation): string {
  const out: string[] = [
    `${count(annotation.mentions.length, 'mention')}, ${count(annotation.claims.length, 'claim')}, ${count(annotation.events.length, 'event')}`,
  ];
  out.push('', 'CLAIMS');
  for (const c of annotation.claims) {
    out.push(
      `  ${c.id} [${c.stance}${c.negated ? ', negated' : ''}] ${c.source ? oneLine(c.source.text) : 'the text itself'} ${c.cue ? `(${oneLine(c.cue.text)})` : '—'} “${clip(c.content.text, 200)}”  @${c.content.start}-${c.content.end}`,
    );
  }
  out.push('', 'EVENTS');
  for (const v of annotation.events)
    out.push(
      `  ${v.id} ${v.type}: ${oneLine(v.trigger.text)} @${v.trigger.start}-${v.trigger.end}${v.claims.length ? ` (in ${v.claims.join(', ')})` : ''}`,
    );
  out.push('', 'ENTITIES');
  for (const e of annotation.entities) {
    const spans = annotation.mentions.filter((m) => m.entity === e.id);
    out.push(`  ${e.name} (${e.type}, ${e.kind}): ${spans.map((s) => `@${s.start}`).join(' ') || 'no mention'}`);
  }
  return `${out.join('\n')}\n`;
}

function entityLine(e: Entity, outlet: (id: string) => string): string {
  const per = new Map<string, number>();
  for (const m of e.mentions) per.set(m.article, (per.get(m.article) ?? 0) + 1);
  const where = [...per].map(([a, n]) => `${outlet(a)} ×${n}`).join(', ');
  const aka = e.aliases.length > 0 ? ` (also: ${e.aliases.slice(0, 5).join(', ')})` : '';
  const geo = e.geo ? ` [${[e.geo.region, e.geo.countryName].filter(Boolean).join(', ')}]` : '';
  return `${e.name}${aka} — ${e.kind}${geo}: ${count(e.mentions.length, 'mention')} in ${where || 'no article'}`;
}

function kindName(kind: string): string {
  const names: Record<string, string> = {
    polarity: 'Denial',
    quantity: 'Different figures',
    agent: 'Different doer',
    motive: 'Different motive',
    outcome: 'Different outcome',
    place: 'Different place',
    certainty: 'Confirmed by one account, unconfirmed by another',
    other: 'Different account',
  };
  return names[kind] ?? kind;
}

function articleLabel(article: Article | undefined, id: string): string {
  return article?.outlet ? `${article.outlet} [${id}]` : id;
}

function stanceMark(c: CorpusClaim): string {
  return c.stance === 'assert' && !c.negated ? '' : `[${c.stance}${c.negated ? ', negated' : ''}] `;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
