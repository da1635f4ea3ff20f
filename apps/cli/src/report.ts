import {
  type Article,
  type Corpus,
  type CorpusClaim,
  type DocumentAnnotation,
  type Entity,
  findingsAbove,
  isConflict,
} from '@claimlens/core';
import { storyBoard } from './board.js';
import { clip, count, defaultWidth, oneLine, stanceMark, wrap } from './text.js';

export interface ReportOptions {
  /** Leave out disputes and agreements scored below this, in [0, 1]. Default 0: all. */
  minConfidence?: number;
  /** The widest a line may be (a terminal's columns). Default 80. */
  width?: number;
}

/**
 * A readable report of a corpus: the story board (each event's disputed points, every position and its sources,
 * and the agreements), then who says what about each event, then actors and places. Lines fit `width`.
 */
export function corpusReport(corpus: Corpus, options: Readonly<ReportOptions> = {}): string {
  const width = options.width ?? defaultWidth;
  const minConfidence = options.minConfidence ?? 0;
  const shown = findingsAbove(corpus, minConfidence);
  const out: string[] = [];
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const outlet = (id: string) => articleLabel(articles.get(id), id);
  // With no source: a cue means someone unnamed speaks ("denies"); no cue means the article says it in its own voice.
  const who = (c: CorpusClaim) =>
    oneLine(corpus.speakerName(c) ?? (c.cue ? 'an unnamed source' : 'the article itself'));
  const says = (c: CorpusClaim) =>
    `${who(c)} ${c.cue ? `(${oneLine(c.cue.text)})` : '—'} ${stanceMark(c)}“${clip(c.content.text, 160)}”`;

  const conflicts = shown.disputes.filter(isConflict).length;
  out.push(
    ...wrap(
      `claimlens report: ${count(corpus.articles.length, 'article')}, ${count(corpus.events.length, 'event')}, ${count(corpus.claims.length, 'claim')}, ` +
        `${count(conflicts, 'dispute')}, ${count(shown.disputes.length - conflicts, 'discrepancy', 'discrepancies')} that can all hold, ${count(shown.agreements.length, 'agreement')}`,
      width,
    ),
  );
  if (minConfidence > 0)
    out.push(
      ...wrap(
        `Shown: findings scored at least ${minConfidence} (--min-confidence); hidden: ${count(shown.hidden.disputes, 'weaker dispute')}, ${count(shown.hidden.agreements, 'weaker agreement')}.`,
        width,
      ),
    );
  out.push('', 'ARTICLES');
  for (const a of corpus.articles) {
    const details = [a.title ? `“${a.title}”` : null, a.date, a.url].filter(Boolean).join(', ');
    out.push(
      ...wrap(
        `${a.outlet ?? 'outlet unknown'}${details ? `: ${details}` : ''} (${a.path})`,
        width,
        `  ${a.id}  `,
        '      ',
      ),
    );
  }

  // The story board leads: where sources disagree is what a reader came for. Each dispute is named once.
  out.push(
    '',
    'STORY BOARD',
    ...wrap(
      'Each event sources disagree or agree on, point by point: ✗ disputed (the positions cannot all hold), ≈ differing accounts that can all hold, ↻ a later report updating an earlier one, ✓ agreement between independent sources.',
      width,
      '  ',
    ),
  );
  if (shown.disputes.length === 0 && shown.agreements.length === 0)
    out.push('', '  No two sources were found to disagree or to agree on a happening.');
  out.push(...storyBoard(corpus, shown.disputes, shown.agreements, width));

  // Events reported by several articles first; an event one article alone mentions is listed when a
  // dispute above is about it, or when the corpus is that one article.
  const reach = (v: (typeof corpus.events)[number]) => new Set(v.mentions.map((m) => m.article)).size;
  const disputed = new Set(shown.disputes.filter(isConflict).flatMap((d) => d.positions.flatMap((p) => p.claims)));
  const disputedEvents = new Set(shown.disputes.map((d) => d.event));
  const listed = corpus.events.filter(
    (v) => v.claims.length > 0 && (corpus.articles.length === 1 || reach(v) > 1 || disputedEvents.has(v.id)),
  );
  const byReach = [...listed].sort((x, y) => reach(y) - reach(x) || y.claims.length - x.claims.length);
  out.push(
    '',
    'WHO SAYS WHAT',
    ...wrap('Every claim about each event, by outlet; ✗ marks a claim in a dispute above.', width, '  '),
  );
  if (byReach.length === 0) out.push('  No event with a claim about it was found in more than one article.');
  const hidden = corpus.events.length - byReach.length;
  if (hidden > 0)
    out.push(
      ...wrap(
        `(${count(hidden, 'more event')} only one article mentions, with no dispute about them, or no claim about them; --format json lists all.)`,
        width,
        '  ',
      ),
    );
  byReach.forEach((event, i) => {
    const where = new Set(event.mentions.map((m) => m.article));
    out.push(
      '',
      ...wrap(
        `${i + 1}. ${event.label} (${event.type}): ${count(event.mentions.length, 'mention')} in ${count(where.size, 'article')}`,
        width,
        '',
        '   ',
      ),
    );
    const claims = event.claims.map((id) => corpus.claim(id)).filter((c): c is CorpusClaim => c !== undefined);
    const lines = claims.map((c) => `${disputed.has(c.id) ? '✗' : '-'} ${outlet(c.article)}: ${says(c)}`);
    for (const line of new Set(lines)) out.push(...wrap(line, width, '   ', '       '));
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
    for (const e of list) out.push(...wrap(entityLine(e, outlet), width, '  ', '      '));
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

function articleLabel(article: Article | undefined, id: string): string {
  return article?.outlet ? `${article.outlet} [${id}]` : id;
}
