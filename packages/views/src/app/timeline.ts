import type { StoryClaim } from '../model.js';
import { claimButton } from './board.js';
import { activatable, fill, h, hinted, plural, s, shorten } from './dom.js';
import type { Drawn, Ui } from './main.js';

const laneHeight = 56;
const laneLabel = 170;
const undatedWidth = 140;
const axisHeight = 34;
const dayMs = 86_400_000;

type Kind = 'reported' | 'happened';

interface Group {
  outlet: string;
  /** Days since 1970-01-01, or null for the "no date" column. */
  day: number | null;
  kind: Kind;
  claims: StoryClaim[];
}

/**
 * The timeline: one lane per outlet; each claim at its article's date (a dot) and, when the text gives the
 * happening's day or month, at that time too (a diamond), joined by a line. Claims on the same day in one lane
 * are one mark sized by their number. Claims of undated articles that give no time sit in a "no date" column.
 */
export function renderTimeline(stage: HTMLElement, ui: Ui): Drawn {
  const { story } = ui;
  const outlets = story.outlets();
  const claims = story.claims();
  const groups = new Map<string, Group>();
  const links = new Map<string, [Group, Group]>();
  const add = (outlet: string, day: number | null, kind: Kind, claim: StoryClaim): Group => {
    const key = `${outlet}\u0000${day}\u0000${kind}`;
    let group = groups.get(key);
    if (!group) {
      group = { outlet, day, kind, claims: [] };
      groups.set(key, group);
    }
    group.claims.push(claim);
    return group;
  };
  for (const claim of claims) {
    const outlet = story.outletOf(claim);
    const reported = dayOf(story.article.get(claim.article)?.date ?? null);
    const happened = dayOf(claim.when);
    const dot = reported !== null || happened === null ? add(outlet, reported, 'reported', claim) : null;
    const diamond = happened !== null ? add(outlet, happened, 'happened', claim) : null;
    if (dot && diamond) links.set(`${outlet}\u0000${dot.day}\u0000${diamond.day}`, [dot, diamond]);
  }
  const days = [...groups.values()].map((g) => g.day).filter((d): d is number => d !== null);
  const dated = days.length > 0;
  const min = dated ? Math.min(...days) - 1 : 0;
  const max = dated ? Math.max(...days) + 1 : 1;
  const width = Math.max(560, stage.clientWidth - 24);
  const plotWidth = width - laneLabel - undatedWidth;
  const x = (day: number | null) =>
    day === null ? laneLabel + plotWidth + undatedWidth / 2 : laneLabel + ((day - min) / (max - min)) * plotWidth;
  const laneOf = new Map(outlets.map((o, i) => [o, i]));
  const y = (outlet: string) => axisHeight + (laneOf.get(outlet) ?? 0) * laneHeight + laneHeight / 2;
  const height = axisHeight + outlets.length * laneHeight + 8;

  const svg = s('svg', {
    class: 'timeline',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': `Timeline of ${plural(claims.length, 'claim')} in ${plural(outlets.length, 'outlet')}`,
  });
  outlets.forEach((outlet, i) => {
    const top = axisHeight + i * laneHeight;
    svg.append(
      s('rect', { class: `lane${i % 2 ? ' odd' : ''}`, x: 0, y: top, width, height: laneHeight }),
      s('text', { class: 'lane-name', x: 8, y: top + laneHeight / 2 + 4, 'data-outlet': outlet }, shorten(outlet, 24)),
    );
  });
  for (const tick of dated ? ticks(min, max) : []) {
    svg.append(
      s('line', { class: 'tick', x1: x(tick), x2: x(tick), y1: axisHeight - 6, y2: height - 8 }),
      s('text', { class: 'tick-label', x: x(tick), y: axisHeight - 12, 'text-anchor': 'middle' }, dayName(tick)),
    );
  }
  svg.append(
    s('line', {
      class: 'undated-rule',
      x1: laneLabel + plotWidth,
      x2: laneLabel + plotWidth,
      y1: axisHeight - 6,
      y2: height - 8,
    }),
    s('text', { class: 'tick-label', x: x(null), y: axisHeight - 12, 'text-anchor': 'middle' }, 'no date'),
  );
  for (const [dot, diamond] of links.values()) {
    svg.append(
      s('line', { class: 'link', x1: x(dot.day), y1: y(dot.outlet), x2: x(diamond.day), y2: y(diamond.outlet) }),
    );
  }
  const largest = Math.max(1, ...[...groups.values()].map((g) => g.claims.length));
  for (const group of groups.values()) svg.append(mark(ui, group, x(group.day), y(group.outlet), largest));

  fill(
    stage,
    h(
      'div',
      { class: 'legend' },
      h('span', { class: 'key-dot', 'aria-hidden': 'true' }, '●'),
      ' reported (the article’s date)  ',
      h('span', { class: 'key-diamond', 'aria-hidden': 'true' }, '◇'),
      ' happened (the day or month the text gives; a line joins it to the report)  · ',
      h('span', { class: 'key-disputed', 'aria-hidden': 'true' }, '◯'),
      ' holds a disputed claim',
      dated ? '' : ' · No article here has a date, and no claim a day that can be placed in a year.',
    ),
    h('div', { class: 'timeline-scroll' }, svg),
  );
  return { dispose() {} };
}

function mark(ui: Ui, group: Group, cx: number, cy: number, largest: number): SVGElement {
  const { story } = ui;
  const r = 4 + 10 * Math.sqrt(group.claims.length / largest);
  const colour = story.colour(group.outlet);
  const disputed = group.claims.some((c) => c.disputed);
  const when = group.day === null ? 'no date' : dayName(group.day);
  const label = `${group.outlet}, ${group.kind === 'reported' ? 'reported' : 'happened'} ${when}: ${plural(group.claims.length, 'claim')}`;
  const shape =
    group.kind === 'reported'
      ? s('circle', { cx, cy, r, class: 'dot' })
      : s('path', { d: `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`, class: 'diamond' });
  shape.setAttribute(group.kind === 'reported' ? 'fill' : 'stroke', colour);
  const g = s(
    'g',
    {
      class: `mark${disputed ? ' disputed' : ''}`,
      tabIndex: 0,
      role: 'button',
      'aria-label': label,
      'data-outlet': group.outlet,
      'data-kind': group.kind,
    },
    disputed ? s('circle', { cx, cy, r: r + 3, class: 'dispute-ring' }) : null,
    shape,
    group.kind === 'reported' && r >= 9
      ? s('text', { class: 'count', x: cx, y: cy + 3.5, 'text-anchor': 'middle' }, String(group.claims.length))
      : null,
  );
  const tipText = () =>
    h(
      'div',
      {},
      h('strong', {}, label),
      h(
        'ul',
        {},
        ...group.claims
          .slice(0, 5)
          .map((c) =>
            h(
              'li',
              {},
              `${story.speakerOf(c)}: “${shorten(c.text, 80)}”${c.times.length ? ` (${c.times.join(', ')})` : ''}`,
            ),
          ),
      ),
      group.claims.length > 5 ? h('p', {}, `and ${group.claims.length - 5} more`) : null,
    );
  const open = () =>
    ui.showDetail(
      label,
      ...group.claims.slice(0, 200).map((c) => claimButton(ui, c)),
      group.claims.length > 200 ? h('p', { class: 'meta' }, `and ${group.claims.length - 200} more`) : null,
    );
  hinted(g, ui.tooltip, tipText);
  activatable(g, open);
  return g;
}

/** Days since 1970-01-01 of `YYYY-MM-DD` (or the first of `YYYY-MM`), else null. */
function dayOf(value: string | null): number | null {
  const m = value ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value) : null;
  if (!m) return null;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)) / dayMs);
}

function dayName(day: number): string {
  return new Date(day * dayMs).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** About six evenly spaced whole days between `min` and `max`. */
function ticks(min: number, max: number): number[] {
  const step = Math.max(1, Math.ceil((max - min) / 6));
  const found: number[] = [];
  for (let day = Math.ceil(min / step) * step; day <= max; day += step) found.push(day);
  return found;
}
