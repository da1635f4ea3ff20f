import type { Settings } from '../protocol.js';
import type { FindingFilter } from './findings.js';
import { type HighlightSpan, highlightSpans } from './highlights.js';
import type { View } from './lookup.js';

/**
 * The semantic token legend: what any LSP editor (Neovim, Helix, Zed, Emacs …) can colour. Types are the
 * highlight categories; modifiers say what kind of actor or place a name is, and the stance of a claim when it
 * is not a plain assertion.
 */
export const semanticTokensLegend = {
  tokenTypes: ['actor', 'place', 'claimSource', 'claimCue', 'claimContent', 'contested', 'event'],
  tokenModifiers: [
    'person',
    'organization',
    'government',
    'group',
    'country',
    'region',
    'city',
    'settlement',
    'location',
    'deny',
    'accuse',
    'hedge',
    'conditional',
    'question',
  ],
};

const tokenType: Partial<Record<HighlightSpan['kind'], number>> = {
  actor: 0,
  place: 1,
  source: 2,
  cue: 3,
  content: 4,
  contradiction: 5,
  event: 6,
};

/**
 * Which category shows where categories overlap (higher wins): a name inside a claim's content is a name, a
 * cue inside it a cue; a contested content replaces its plain content.
 */
const layer: Partial<Record<HighlightSpan['kind'], number>> = {
  content: 0,
  contradiction: 1,
  source: 2,
  event: 3,
  cue: 4,
  actor: 5,
  place: 5,
};

/**
 * The document's highlights as LSP semantic tokens (`textDocument/semanticTokens/full`): one token per line of
 * each stretch, never overlapping, in the relative five-number encoding of the protocol. Statements in the
 * outlet's own voice are not tokens (they are most of the text).
 */
export function semanticTokens(
  view: View,
  settings: Settings['highlights'],
  filter: FindingFilter,
): { data: number[] } {
  const text = view.snapshot.document.getText();
  // Each UTF-16 unit gets the token it shows: 0 none, else (type + 1) | modifiers << 4.
  const painted = new Int32Array(text.length);
  const spans = highlightSpans(view, settings, filter)
    .filter((span) => tokenType[span.kind] !== undefined)
    .sort((a, b) => (layer[a.kind] ?? 0) - (layer[b.kind] ?? 0));
  for (const span of spans) {
    const type = tokenType[span.kind] as number;
    painted.fill((type + 1) | (modifiers(span) << 4), span.start, Math.min(span.end, text.length));
  }
  const data: number[] = [];
  let line = 0;
  let lineStart = 0;
  let lastLine = 0;
  let lastStart = 0;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isLineBreak(code)) {
      if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
      at++;
      line++;
      lineStart = at;
      continue;
    }
    const value = painted[at] as number;
    if (value === 0) {
      at++;
      continue;
    }
    const start = at;
    while (at < text.length && painted[at] === value && !isLineBreak(text.charCodeAt(at))) at++;
    const character = start - lineStart;
    data.push(
      line - lastLine,
      line === lastLine ? character - lastStart : character,
      at - start,
      (value & 15) - 1,
      value >>> 4,
    );
    lastLine = line;
    lastStart = character;
  }
  return { data };
}

function modifiers(span: HighlightSpan): number {
  let bits = 0;
  for (const name of [span.mention, span.stance]) {
    const index = name === undefined ? -1 : semanticTokensLegend.tokenModifiers.indexOf(name);
    if (index >= 0) bits |= 1 << index;
  }
  return bits;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
