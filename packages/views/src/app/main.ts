import type { StoryClaim, StoryPassage } from '../model.js';
import type { StoryView, ViewName } from '../page.js';
import { type PackedView, unpackView } from '../rows.js';
import { storyModelVersion } from '../version.js';
import { renderBoard } from './board.js';
import { fill, h, plural, shorten } from './dom.js';
import { renderMap } from './map.js';
import { type Filter, noFilter, Story, stanceNames } from './story.js';
import { renderTimeline } from './timeline.js';

const viewTitles: Record<ViewName, string> = { board: 'Story board', timeline: 'Timeline', map: 'Map' };

/** What a view may ask of the page around it. */
export interface Ui {
  story: Story;
  /** Open a claim's passage: in the editor (VS Code) or beside the view (the report). */
  openClaim(claim: StoryClaim): void;
  /** Open a passage of an article at offsets (a place's mention). */
  openPassage(article: string, start: number, end: number, passage: { text: string; at: number }): void;
  /** Show details in the side panel. */
  showDetail(title: string, ...body: (Node | null)[]): void;
  tooltip(target: Element | null, content?: Node): void;
}

/** A drawn view: `dispose` removes its listeners. */
export interface Drawn {
  dispose(): void;
}

/** The VS Code webview API, when the page runs in a webview. */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

interface Saved {
  view: ViewName;
  filter: Filter;
}

const body = document.body;
const host = body.dataset.host === 'vscode' ? 'vscode' : 'report';
const vscode = host === 'vscode' && typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
const saved = (vscode?.getState() ?? null) as Saved | null;
let view: ViewName = saved?.view ?? (body.dataset.view as ViewName | undefined) ?? 'board';
let filter: Filter = saved?.filter ?? noFilter;
let model: StoryView | null = null;
/** Which model the editor sent last: a passage asked for under an older one is not shown. */
let generation = 0;
let drawn: Drawn | null = null;

const title = h('h1', { class: 'title' }, 'claimlens');
const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' });
const filters = h('div', { class: 'filters', role: 'group', 'aria-label': 'Filter' });
const stage = h('main', { class: 'stage', id: 'stage', role: 'tabpanel' });
const detail = h('aside', { class: 'detail', 'aria-label': 'Details', 'aria-live': 'polite', hidden: true });
const tip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
body.append(h('header', { class: 'top' }, title, tabs), filters, h('div', { class: 'body' }, stage, detail), tip);

const ui: Omit<Ui, 'story'> = {
  async openClaim(claim) {
    const story = current();
    const article = story.article.get(claim.article);
    if (vscode) vscode.postMessage({ type: 'open', article: claim.article, start: claim.start, end: claim.end });
    const shown = model;
    const passage = (await passageAt(claim.passage)) ?? { text: claim.text, at: claim.start };
    if (model !== shown) return;
    ui.showDetail(
      `${story.outletOf(claim)}${article?.date ? `, ${article.date}` : ''}`,
      h(
        'p',
        { class: 'meta' },
        h('span', { class: `stance stance-${claim.stance}` }, stanceNames[claim.stance] ?? claim.stance),
        ` ${story.speakerOf(claim)}`,
        article?.title ? ` · “${article.title}”` : '',
      ),
      passageView(passage, claim.start, claim.end),
      claim.counts.length + claim.times.length > 0
        ? h('p', { class: 'meta' }, [...claim.counts, ...claim.times].join(' · '))
        : null,
      h('p', { class: 'meta' }, `${claim.article}`),
    );
  },
  openPassage(articleId, start, end, passage) {
    if (vscode) vscode.postMessage({ type: 'open', article: articleId, start, end });
    const article = current().article.get(articleId);
    ui.showDetail(
      `${article?.outlet ?? articleId}${article?.date ? `, ${article.date}` : ''}`,
      passageView(passage, start, end),
      h('p', { class: 'meta' }, articleId),
    );
  },
  showDetail(heading, ...content) {
    detail.replaceChildren(
      h(
        'div',
        { class: 'detail-head' },
        h('h2', {}, heading),
        h('button', { class: 'close', 'aria-label': 'Close details', onclick: closeDetail }, '×'),
      ),
      ...content.filter((n): n is Node => n !== null),
    );
    detail.hidden = false;
  },
  tooltip(target, content) {
    if (!target || !content) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren(content);
    tip.hidden = false;
    const box = target.getBoundingClientRect();
    const width = tip.offsetWidth;
    const left = Math.min(Math.max(4, box.left + box.width / 2 - width / 2), window.innerWidth - width - 4);
    const below = box.bottom + 6 + tip.offsetHeight < window.innerHeight;
    tip.style.left = `${left}px`;
    tip.style.top = `${below ? box.bottom + 6 : Math.max(4, box.top - 6 - tip.offsetHeight)}px`;
  },
};

function closeDetail(): void {
  detail.hidden = true;
  detail.replaceChildren();
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    ui.tooltip(null);
    if (!detail.hidden) closeDetail();
  }
});

/** Passages by index, from the report's data after the script (parsed once, when first needed). */
let reportPassages: StoryPassage[] | null = null;
/** Passages asked of the editor, by index, with who waits for them. */
const asked = new Map<number, ((passage: StoryPassage | null) => void)[]>();

/** The passage at an index of the model's passages, or null when the host has none. */
function passageAt(index: number): Promise<StoryPassage | null> {
  if (vscode) {
    return new Promise((resolve) => {
      const waiting = asked.get(index);
      if (waiting) waiting.push(resolve);
      else {
        asked.set(index, [resolve]);
        vscode.postMessage({ type: 'passage', index, generation });
      }
    });
  }
  const read = () => {
    reportPassages ??= parsed(document.getElementById('claimlens-passages')?.textContent) ?? [];
    return reportPassages[index] ?? null;
  };
  if (document.readyState !== 'loading') return Promise.resolve(read());
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(read()), { once: true }));
}

function parsed(text: string | undefined): StoryPassage[] | null {
  try {
    return text ? (JSON.parse(text) as StoryPassage[]) : null;
  } catch {
    return null;
  }
}

/** A passage with the span marked. */
function passageView(passage: { text: string; at: number }, start: number, end: number): HTMLElement {
  const from = Math.max(0, start - passage.at);
  const to = Math.max(from, Math.min(passage.text.length, end - passage.at));
  return h(
    'blockquote',
    { class: 'passage' },
    passage.text.slice(0, from),
    h('mark', {}, passage.text.slice(from, to)),
    passage.text.slice(to),
  );
}

let story: Story | null = null;
function current(): Story {
  // The first rows alone are drawn unfiltered: the filters' lists come with the whole view.
  const shown = model?.rest === undefined ? filter : noFilter;
  if (!story || story.model !== model || story.filter !== shown) story = new Story(model as StoryView, shown);
  return story;
}

function save(): void {
  vscode?.setState({ view, filter } satisfies Saved);
}

function draw(): void {
  if (!model) return;
  // A redraw of the board (a new model, a wider window) keeps the reader where they were.
  const scrolled = stage.querySelector('.board-scroll');
  const at = scrolled ? { top: scrolled.scrollTop, left: scrolled.scrollLeft } : null;
  drawn?.dispose();
  ui.tooltip(null);
  const s = current();
  const partial = model.rest !== undefined;
  const outletCount = plural(model.outlets.length, 'outlet');
  title.textContent = partial
    ? `claimlens · ${outletCount}, reading the rest of the story…`
    : `claimlens · ${plural(model.articles.length, 'article')} from ${outletCount}`;
  drawTabs();
  if (partial) filters.replaceChildren();
  else drawFilters(s);
  stage.setAttribute('aria-labelledby', `tab-${view}`);
  const full: Ui = { ...ui, story: s };
  if (partial && view !== 'board') {
    stage.replaceChildren(h('p', { class: 'empty' }, `Reading the ${viewTitles[view].toLowerCase()}'s data…`));
    drawn = null;
    return;
  }
  drawn =
    view === 'board'
      ? renderBoard(stage, full)
      : view === 'timeline'
        ? renderTimeline(stage, full)
        : renderMap(stage, full);
  const scroller = stage.querySelector('.board-scroll');
  if (scroller && at) {
    scroller.scrollTop = at.top;
    scroller.scrollLeft = at.left;
  }
}

function drawTabs(): void {
  const names = Object.keys(viewTitles) as ViewName[];
  tabs.replaceChildren(
    ...names.map((name) =>
      h(
        'button',
        {
          id: `tab-${name}`,
          class: 'tab',
          role: 'tab',
          'data-view': name,
          'aria-selected': String(name === view),
          'aria-controls': 'stage',
          tabIndex: name === view ? 0 : -1,
          onclick: () => switchTo(name),
          onkeydown: (event: KeyboardEvent) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (step === 0) return;
            const next = names[(names.indexOf(name) + step + names.length) % names.length] as ViewName;
            switchTo(next);
            document.getElementById(`tab-${next}`)?.focus();
          },
        },
        viewTitles[name],
      ),
    ),
  );
}

function switchTo(name: ViewName): void {
  if (name === view) return;
  view = name;
  save();
  draw();
}

function setFilter(next: Filter): void {
  filter = next;
  save();
  draw();
}

function drawFilters(s: Story): void {
  const picked = new Set(filter.outlets);
  const chips = s.model.outlets.map((outlet) => {
    const on = picked.has(outlet);
    const chip = h(
      'button',
      {
        class: 'chip',
        'data-outlet': outlet,
        'aria-pressed': String(on),
        title: on ? `${outlet}: shown; click to stop picking it` : `${outlet}: click to show only the outlets picked`,
        onclick: () =>
          setFilter({
            ...filter,
            outlets: on ? filter.outlets.filter((o) => o !== outlet) : [...filter.outlets, outlet],
          }),
      },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }),
      shorten(outlet, 28),
    );
    (chip.firstChild as HTMLElement).style.background = s.colour(outlet);
    return chip;
  });
  const select = (
    label: string,
    value: string | null,
    options: { id: string; name: string }[],
    on: (v: string | null) => void,
  ) =>
    h(
      'label',
      { class: 'pick' },
      `${label} `,
      h(
        'select',
        { onchange: (event: Event) => on((event.target as HTMLSelectElement).value || null) },
        h('option', { value: '' }, `any ${label.toLowerCase()}`),
        ...options.map((o) => h('option', { value: o.id, selected: o.id === value }, shorten(o.name, 40))),
      ),
    );
  const actors = s.model.actors.slice(0, 400).sort((a, b) => a.name.localeCompare(b.name));
  const places = s.model.places.slice(0, 400).sort((a, b) => a.name.localeCompare(b.name));
  const narrowed = filter.outlets.length > 0 || filter.actor !== null || filter.place !== null;
  fill(
    filters,
    h('span', { class: 'label' }, 'Outlets'),
    ...chips,
    select('Actor', filter.actor, actors, (actor) => setFilter({ ...filter, actor })),
    select('Place', filter.place, places, (place) => setFilter({ ...filter, place })),
    narrowed ? h('button', { class: 'clear', onclick: () => setFilter(noFilter) }, 'Clear filters') : null,
  );
}

function receive(next: unknown): void {
  const candidate = next ? unpackView(next as PackedView | StoryView) : null;
  if (!candidate || candidate.version !== storyModelVersion) {
    stage.replaceChildren(
      h(
        'p',
        { class: 'empty' },
        `This page cannot read the story data (version ${String(candidate?.version)}, expected ${storyModelVersion}).`,
      ),
    );
    return;
  }
  model = candidate;
  if (model.rest !== undefined) {
    draw();
    return;
  }
  // Keep the reader's filter across updates, minus what no longer exists.
  const outlets = new Set(model.outlets);
  filter = {
    outlets: filter.outlets.filter((o) => outlets.has(o)),
    actor: model.actors.some((a) => a.id === filter.actor) ? filter.actor : null,
    place: model.places.some((p) => p.id === filter.place) ? filter.place : null,
  };
  draw();
}

let resizing = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(draw);
});

if (vscode) {
  window.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as {
      type?: string;
      /** The model as JSON text: one string crosses into the page far faster than the objects it holds. */
      model?: string;
      view?: ViewName;
      generation?: number;
      index?: number;
      passage?: StoryPassage | null;
    };
    if (message?.type === 'model') {
      generation = message.generation ?? 0;
      let model: StoryView | null = null;
      try {
        model = JSON.parse(message.model ?? 'null');
      } catch {
        // Told below, as a model the page cannot read.
      }
      receive(model);
      // Only the first rows came: ask for the whole view once they are painted.
      if (model?.rest !== undefined) afterPaint(() => vscode.postMessage({ type: 'rest', generation }));
    }
    if (message?.type === 'passage' && message.index !== undefined) {
      const waiting = asked.get(message.index) ?? [];
      asked.delete(message.index);
      for (const resolve of waiting) resolve(message.generation === generation ? (message.passage ?? null) : null);
    }
    if (message?.type === 'view' && message.view && message.view !== view) switchTo(message.view);
  });
  stage.replaceChildren(h('p', { class: 'empty' }, 'Waiting for the analysis of the workspace…'));
  vscode.postMessage({ type: 'ready', view });
} else {
  // The report: its view comes after this script, and for a large one the board's first rows before it (see
  // page.ts), so that those rows are drawn while the browser still reads the rest.
  const read = (id: string) => {
    const data = document.getElementById(id)?.textContent;
    try {
      receive(data ? JSON.parse(data) : null);
    } catch (error) {
      stage.replaceChildren(h('p', { class: 'empty' }, `The report's data is damaged: ${String(error)}`));
    }
  };
  if (document.readyState === 'loading') {
    const first = document.getElementById('claimlens-first') !== null;
    if (first) read('claimlens-first');
    const whole = () => read('claimlens-story');
    document.addEventListener('DOMContentLoaded', () => (first ? afterPaint(whole) : whole()), { once: true });
  } else read('claimlens-story');
}

/** Run `then` once what is drawn now has been painted. */
function afterPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then));
}
