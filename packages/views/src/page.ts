import { createHash } from 'node:crypto';
import { script, style } from './assets.js';
import type { StoryModel, StoryPassage } from './model.js';
import { packView } from './rows.js';

export { packView, unpackView } from './rows.js';

/**
 * What the views' page is given to draw: the model without its passages, which it asks for when a claim opens.
 * `rest` marks the first rows of the board alone (see `firstRows`): the whole view follows, with `rest` events.
 */
export type StoryView = Omit<StoryModel, 'passages'> & { rest?: number };

/** Rows in the first part of the board that a page draws before it has the rest. */
const firstRowCount = 40;
/** The size of a report's view, in characters of JSON, up to which the page reads it whole before drawing. */
const wholeAtOnce = 1_000_000;

/** The model split into what the page draws and the passages it asks for later. */
export function splitPassages(model: StoryModel): { view: StoryView; passages: StoryPassage[] } {
  const { passages, ...view } = model;
  return { view, passages };
}

/**
 * The board's first rows with only what they show (their claims, disputes and articles), small whatever the
 * corpus: a page draws them at once, before it has read or been sent the whole view.
 */
export function firstRows(view: StoryView, rows = firstRowCount): StoryView {
  const events = view.events.slice(0, rows);
  const disputeIds = new Set(events.flatMap((e) => e.disputes));
  const disputes = view.disputes.filter((d) => disputeIds.has(d.id));
  const kept = [
    ...new Set([
      ...events.flatMap((e) => e.cells.flatMap((c) => c.claims)),
      ...disputes.flatMap((d) => d.positions.flatMap((p) => p.claims)),
    ]),
  ].sort((a, b) => a - b);
  const index = new Map(kept.map((old, i) => [old, i]));
  const renumber = (claims: number[]) => claims.map((i) => index.get(i) ?? -1);
  const claims = kept.map((i) => view.claims[i]).filter((c) => c !== undefined);
  const articleIds = new Set(claims.map((c) => c.article));
  return {
    version: view.version,
    outlets: view.outlets,
    articles: view.articles.filter((a) => articleIds.has(a.id)),
    events: events.map((e) => ({ ...e, cells: e.cells.map((c) => ({ ...c, claims: renumber(c.claims) })) })),
    claims,
    disputes: disputes.map((d) => ({
      ...d,
      positions: d.positions.map((p) => ({ ...p, claims: renumber(p.claims) })),
    })),
    actors: [],
    places: [],
    placeLinks: [],
    rest: view.events.length,
  };
}

/** The three views; a page opens on one of them. */
export type ViewName = 'board' | 'timeline' | 'map';

export const viewNames: readonly ViewName[] = ['board', 'timeline', 'map'];

/**
 * The HTML report: one self-contained page with the model, script and style inline. Its Content Security Policy
 * lets only that script and style run (by hash) and allows no request at all, so it works from `file://` and
 * stays offline. The view and the passages come after the script; for a large view, the board's first rows come
 * before it too, so the browser runs the app and paints those rows before it has read the rest, whatever the
 * corpus's size. The app then draws the whole view, and parses the passages when a claim is first opened.
 */
export function reportHtml(model: StoryModel, options: { title?: string; view?: ViewName } = {}): string {
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return page({
    csp,
    host: 'report',
    view: options.view ?? 'board',
    title: options.title ?? `claimlens: ${summary(model)}`,
    data: splitPassages(model),
    nonce: null,
  });
}

/**
 * A VS Code webview's page: the same app, with a nonce for its script and style; the extension sends the model
 * by `postMessage` once the page says it is ready, and again whenever the corpus changes.
 */
export function webviewHtml(options: { nonce: string; cspSource: string; view: ViewName; title: string }): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return page({ csp, host: 'vscode', view: options.view, title: options.title, data: null, nonce: options.nonce });
}

/** "5 articles from 4 outlets". */
export function summary(model: Pick<StoryModel, 'articles' | 'outlets'>): string {
  const n = model.articles.length;
  const m = model.outlets.length;
  return `${n} article${n === 1 ? '' : 's'} from ${m} outlet${m === 1 ? '' : 's'}`;
}

function page(options: {
  csp: string;
  host: 'report' | 'vscode';
  view: ViewName;
  title: string;
  data: { view: StoryView; passages: StoryPassage[] } | null;
  nonce: string | null;
}): string {
  const nonce = options.nonce ? ` nonce="${options.nonce}"` : '';
  const data = (id: string, json: string | null) =>
    json === null ? '' : `<script id="${id}" type="application/json">${json}</script>\n`;
  const view = options.data ? jsonInHtml(packView(options.data.view)) : null;
  // A small view is read at once; a large one's first rows come before the script as well.
  const first = options.data && view && view.length > wholeAtOnce ? jsonInHtml(firstRows(options.data.view)) : null;
  const passages = options.data ? jsonInHtml(options.data.passages) : null;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${options.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style${nonce}>${style}</style>
</head>
<body data-host="${options.host}" data-view="${options.view}">
<noscript>This report draws its views with JavaScript; allow scripts for this file to see them.</noscript>
${data('claimlens-first', first)}<script${nonce}>${script}</script>
${data('claimlens-story', view)}${data('claimlens-passages', passages)}</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** JSON that cannot end the script element it sits in, nor start a comment. */
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
