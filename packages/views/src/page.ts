import { createHash } from 'node:crypto';
import { script, style } from './assets.js';
import type { StoryModel } from './model.js';

/** The three views; a page opens on one of them. */
export type ViewName = 'board' | 'timeline' | 'map';

export const viewNames: readonly ViewName[] = ['board', 'timeline', 'map'];

/**
 * The HTML report: one self-contained page with the model, script and style inline. Its Content Security Policy
 * lets only that script and style run (by hash) and allows no request at all, so it works from `file://` and
 * stays offline.
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
    data: model,
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
  data: StoryModel | null;
  nonce: string | null;
}): string {
  const nonce = options.nonce ? ` nonce="${options.nonce}"` : '';
  const data =
    options.data === null
      ? ''
      : `<script id="claimlens-story" type="application/json">${jsonInHtml(options.data)}</script>\n`;
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
${data}<script${nonce}>${script}</script>
</body>
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
