import type { StoryClaim, StoryDispute, StoryEvent } from '../model.js';
import { h, plural, shorten } from './dom.js';
import type { Drawn, Ui } from './main.js';
import { stanceNames } from './story.js';

/** Heights in pixels: the header, a row, and the strip a dispute adds across its row. */
const headerHeight = 40;
const rowHeight = 104;
const disputeHeight = 30;
const labelWidth = 240;
const cellWidth = 260;
/** Claims shown in one cell; the rest are a "more" button that lists the event's claims beside the board. */
const claimsPerCell = 2;
/** Rows drawn above and below the ones in view. */
const overscan = 6;

/**
 * The story board: events as rows, outlets as columns, each cell the claims of that outlet's sources about the
 * event, stance as colour, with their counts and times; disputes as a strip across the row with every position.
 * Only the rows in view are in the page, so a board of thousands of events opens at once.
 */
export function renderBoard(stage: HTMLElement, ui: Ui): Drawn {
  const { story } = ui;
  const events = story.events();
  const outlets = story.outlets();
  if (events.length === 0) {
    stage.replaceChildren(
      h('p', { class: 'empty' }, 'No event is reported with claims, or by two articles, under this filter.'),
    );
    return { dispose() {} };
  }
  const heights = events.map((e) => rowHeight + (e.disputes.length > 0 ? disputeHeight : 0));
  const tops: number[] = [];
  let total = 0;
  for (const height of heights) {
    tops.push(total);
    total += height;
  }
  const width = labelWidth + outlets.length * cellWidth;
  const columns = `${labelWidth}px repeat(${outlets.length}, ${cellWidth}px)`;

  const header = h(
    'div',
    { class: 'board-head', role: 'row' },
    h(
      'div',
      { class: 'board-corner', role: 'columnheader' },
      story.model.rest === undefined
        ? plural(events.length, 'event')
        : `first ${events.length} of ${plural(story.model.rest, 'event')}…`,
    ),
    ...outlets.map((o) => {
      const cell = h(
        'div',
        { class: 'board-outlet', role: 'columnheader', 'data-outlet': o },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        o,
      );
      (cell.firstChild as HTMLElement).style.background = story.colour(o);
      return cell;
    }),
  );
  header.style.gridTemplateColumns = columns;
  header.style.width = `${width}px`;
  const rows = h('div', { class: 'board-rows', role: 'rowgroup' });
  rows.style.height = `${total}px`;
  rows.style.width = `${width}px`;
  const grid = h(
    'div',
    { class: 'board', role: 'grid', 'aria-label': 'Story board', 'aria-rowcount': events.length + 1 },
    header,
    rows,
  );
  const scroller = h('div', { class: 'board-scroll' }, grid);
  const legend = h(
    'div',
    { class: 'legend' },
    'Stance: ',
    ...Object.entries(stanceNames).map(([stance, name]) => h('span', { class: `stance stance-${stance}` }, name)),
    h('span', { class: 'legend-note' }, ' · ↑↓←→ move between cells, Enter opens'),
  );
  stage.replaceChildren(legend, scroller);

  let first = -1;
  let last = -1;
  const drawRows = () => {
    const top = Math.max(0, scroller.scrollTop - headerHeight);
    const bottom = top + scroller.clientHeight;
    const from = Math.max(0, lowerBound(tops, top) - 1 - overscan);
    const to = Math.min(events.length, lowerBound(tops, bottom) + overscan);
    if (from === first && to === last) return;
    first = from;
    last = to;
    const made: HTMLElement[] = [];
    for (let i = from; i < to; i++) {
      const event = events[i];
      if (event) made.push(drawRow(event, i, tops[i] ?? 0, heights[i] ?? rowHeight));
    }
    rows.replaceChildren(...made);
  };

  const drawRow = (event: StoryEvent, index: number, top: number, height: number): HTMLElement => {
    const row = h('div', { class: 'board-row', role: 'row', 'aria-rowindex': index + 2, 'data-event': event.id });
    row.style.top = `${top}px`;
    row.style.height = `${height}px`;
    const cells = new Map(event.cells.map((c) => [c.outlet, c]));
    const claimCount = event.cells.reduce((n, c) => n + c.claims.length, 0);
    const label = h(
      'div',
      { class: 'board-label', role: 'rowheader' },
      h(
        'button',
        {
          class: 'event-name',
          'data-row': index,
          'data-col': 0,
          onclick: () => showEvent(ui, event),
          title: 'Every claim about this event, by outlet',
        },
        shorten(event.label, 70),
      ),
      h(
        'span',
        { class: 'meta' },
        `${event.type} · ${plural(event.mentions, 'mention')} · ${plural(claimCount, 'claim')}`,
      ),
    );
    const line = h('div', { class: 'board-line' }, label);
    line.style.gridTemplateColumns = columns;
    outlets.forEach((outlet, k) => {
      const cell = cells.get(outlet);
      line.append(drawCell(event, cell, index, k + 1));
    });
    row.append(line);
    if (event.disputes.length > 0) {
      const strip = disputeStrip(ui, event);
      // It stays in view when the board scrolls sideways.
      strip.style.width = `${Math.min(width, scroller.clientWidth)}px`;
      row.append(strip);
    }
    return row;
  };

  const drawCell = (
    event: StoryEvent,
    cell: StoryEvent['cells'][number] | undefined,
    index: number,
    col: number,
  ): HTMLElement => {
    const element = h('div', { class: 'board-cell', role: 'gridcell' });
    if (!cell) {
      element.append(h('span', { class: 'none', 'data-row': index, 'data-col': col, tabIndex: -1 }, '—'));
      return element;
    }
    const claims = story.claimsAt(cell.claims);
    claims.slice(0, claimsPerCell).forEach((claim, k) => {
      const at = { 'data-claim': cell.claims[k] ?? '' };
      element.append(claimButton(ui, claim, k === 0 ? { ...at, 'data-row': index, 'data-col': col } : at));
    });
    if (claims.length > claimsPerCell) {
      element.append(
        h('button', { class: 'more', onclick: () => showEvent(ui, event) }, `+${claims.length - claimsPerCell} more`),
      );
    }
    if (claims.length === 0) {
      element.append(
        h(
          'span',
          { class: 'none', 'data-row': index, 'data-col': col, tabIndex: -1 },
          `named ${cell.mentions === 1 ? 'once' : `${cell.mentions} times`}, no claim`,
        ),
      );
    }
    return element;
  };

  let frame = 0;
  const onScroll = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(drawRows);
  };
  scroller.addEventListener('scroll', onScroll);

  // Arrow keys move between the first claims of cells, row by row, drawing rows as they come into view.
  scroller.addEventListener('keydown', (key: KeyboardEvent) => {
    const at = (key.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!at) return;
    const row = Number(at.dataset.row);
    const col = Number(at.dataset.col);
    const move: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      Home: [0, -col],
      End: [0, outlets.length - col],
    };
    const step = move[key.key];
    if (!step) return;
    key.preventDefault();
    const nextRow = Math.min(events.length - 1, Math.max(0, row + step[0]));
    const nextCol = Math.min(outlets.length, Math.max(0, col + step[1]));
    const top = (tops[nextRow] ?? 0) + headerHeight;
    const height = heights[nextRow] ?? rowHeight;
    if (top - headerHeight < scroller.scrollTop) scroller.scrollTop = top - headerHeight;
    else if (top + height > scroller.scrollTop + scroller.clientHeight)
      scroller.scrollTop = top + height - scroller.clientHeight;
    drawRows();
    rows.querySelector<HTMLElement>(`[data-row="${nextRow}"][data-col="${nextCol}"]`)?.focus();
  });

  drawRows();
  return {
    dispose() {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    },
  };
}

/** A claim as a button: stance as colour, speaker, what is said, and the counts and times it gives. */
export function claimButton(ui: Ui, claim: StoryClaim, extra: Record<string, string | number> = {}): HTMLElement {
  const story = ui.story;
  const facts = [...claim.counts, ...claim.times];
  return h(
    'button',
    {
      class: `claim stance-${claim.stance}${claim.disputed ? ' disputed' : ''}`,
      title: `${story.speakerOf(claim)} ${stanceNames[claim.stance] ?? claim.stance}: ${shorten(claim.text, 300)}${claim.disputed ? '\n(disputed by another source)' : ''}\nEnter or click: open the passage`,
      onclick: () => ui.openClaim(claim),
      ...extra,
    },
    h('span', { class: 'speaker' }, shorten(story.speakerOf(claim), 30)),
    h('span', { class: 'said' }, shorten(claim.text, 160)),
    facts.length > 0 ? h('span', { class: 'facts' }, facts.slice(0, 3).join(' · ')) : null,
  );
}

/** The positions of an event's disputes, across its row. */
function disputeStrip(ui: Ui, event: StoryEvent): HTMLElement {
  const disputes = event.disputes.map((id) => ui.story.dispute.get(id)).filter((d): d is StoryDispute => !!d);
  return h(
    'button',
    {
      class: 'dispute-strip',
      title: disputes.map((d) => d.explanation).join('\n'),
      onclick: () => showEvent(ui, event),
    },
    h('span', { class: 'dispute-mark', 'aria-hidden': 'true' }, '⚠'),
    ` ${plural(disputes.length, 'dispute')}: `,
    ...disputes
      .slice(0, 2)
      .flatMap((d, i) => [
        i > 0 ? ' ; ' : '',
        h('strong', {}, d.compatible ? `${d.what} (differs, can all hold)` : d.what),
        ' — ',
        d.positions.map((p) => `${positionValue(p)} (${sourcesOf(p)})`).join(' vs '),
      ]),
    disputes.length > 2 ? ` ; and ${disputes.length - 2} more` : '',
  );
}

function positionValue(position: StoryDispute['positions'][number]): string {
  return position.value ? `“${shorten(position.value, 40)}”` : 'one account';
}

function sourcesOf(position: StoryDispute['positions'][number]): string {
  return [...new Set(position.sources.map((s) => `${s.name}${s.name === s.outlet ? '' : `, ${s.outlet}`}`))].join('; ');
}

/** Everything about one event beside the board: its disputes with every position, and its claims by outlet. */
export function showEvent(ui: Ui, event: StoryEvent): void {
  const { story } = ui;
  const disputes = event.disputes.map((id) => story.dispute.get(id)).filter((d): d is StoryDispute => !!d);
  ui.showDetail(
    event.label,
    h('p', { class: 'meta' }, `${event.type} · ${plural(event.mentions, 'mention')}`),
    ...disputes.map((d) =>
      h(
        'section',
        { class: 'dispute' },
        h('h3', {}, d.compatible ? `Accounts differ: ${d.what} (they can all hold)` : `⚠ Disputed: ${d.what}`),
        h('p', {}, d.explanation),
        h(
          'ul',
          {},
          ...d.positions.map((p) =>
            h(
              'li',
              {},
              h('strong', {}, positionValue(p)),
              ` — ${sourcesOf(p)}`,
              h(
                'div',
                {},
                ...story.claimsAt(p.claims).map((c, k) => claimButton(ui, c, { 'data-claim': p.claims[k] ?? '' })),
              ),
            ),
          ),
        ),
      ),
    ),
    ...event.cells
      .filter((c) => c.claims.length > 0)
      .map((c) =>
        h(
          'section',
          {},
          h('h3', {}, `${c.outlet} · ${plural(c.claims.length, 'claim')}`),
          ...story.claimsAt(c.claims).map((claim, k) => claimButton(ui, claim, { 'data-claim': c.claims[k] ?? '' })),
        ),
      ),
  );
}

/** The first index whose value is at least `value`, in ascending `values`. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
