/** A stretch of scraped page furniture: offsets into the text, end exclusive, and which rule found it. */
export interface BoilerplateRange {
  start: number;
  end: number;
  rule: string;
}

/** A rule matches a whole line (trimmed) unless it is `inline`, when every match inside a line is blanked. */
export interface BoilerplateRule {
  name: string;
  pattern: RegExp;
  inline?: boolean;
  /** Longest line (in UTF-16 code units, trimmed) the rule applies to; default 200. */
  maxLength?: number;
}

export interface BoilerplateOptions {
  /** The rules to apply; default: `boilerplateRules`. */
  rules?: readonly BoilerplateRule[];
}

const uiWords =
  'share|share this|share this article|share this story|tweet|print|email|e-mail|comments?|menu|main menu|search|home|close|' +
  'next|previous|back to top|subscribe|log ?in|sign ?in|sign ?up|register|loading\\.*|advertisement|sponsored|sponsored content|' +
  'error|top stories|most read|most popular|trending|related|related topics|related stories|related articles|more stories|' +
  'tags|topics|navigation|skip navigation|toggle navigation|cookie settings|accept cookies|accept all|reject all|read more|' +
  'show comments|hide comments|leave a comment|post a comment|comments are closed|load more|see more|view comments';

/**
 * General rules for page furniture that scrapers keep: navigation and skip links, menus, template placeholders,
 * promo lines ("WATCH:", "LIVE BLOG", "Read more:", "For more on … read X's live updates"), media fallbacks,
 * comment-form errors, cookie and newsletter prompts, image credits, copyright and agency credit lines.
 * None names a particular outlet, person or place.
 */
export const boilerplateRules: readonly BoilerplateRule[] = [
  { name: 'skip-link', pattern: /^(?:\d+\.\s*)?skip to\b/i },
  { name: 'template-placeholder', pattern: /\{\{[^{}\n]{0,80}\}\}|\{%[^%\n]{0,80}%\}/g, inline: true },
  {
    name: 'promo-line',
    pattern:
      /^(?:watch|listen|video|photos?|gallery|live blog|live updates|live|read more|read also|also read|see also|related|more|recommended|opinion|explainer|breaking)\s*[:|]\s*\S/i,
  },
  { name: 'promo-line', pattern: /^live blog\b/i },
  { name: 'promo-line', pattern: /^for more (?:on|about)\b.*\b(?:read|see|follow|visit|click|go to)\b/i },
  {
    name: 'promo-line',
    pattern: /\b(?:read|follow|see)\s+\S+(?:\s+\S+){0,3}[’']s\s+live\s+(?:updates|blog|coverage)\s*\.?$/i,
  },
  { name: 'promo-line', pattern: /^(?:click|tap) here\b/i },
  {
    name: 'media-fallback',
    pattern: /\byour browser (?:does\s*n[o’']t|does not|cannot|can[’']t|is not able to) (?:support|play)\b/i,
  },
  {
    name: 'media-fallback',
    pattern: /^(?:please )?(?:enable|turn on) javascript\b|\bjavascript (?:is|must be) (?:disabled|enabled)\b/i,
  },
  {
    name: 'media-fallback',
    pattern:
      /^(?:this|the) (?:video|content|media|embed) (?:is not|isn[’']t|cannot be) (?:available|displayed|played)\b/i,
  },
  {
    name: 'comment-form',
    pattern:
      /\byour comment (?:was|could) not be (?:saved|posted|submitted)\b|\byour comment was not (?:saved|posted|submitted)\b/i,
  },
  { name: 'comment-form', pattern: /^(?:please )?try again later\b/i },
  { name: 'comment-form', pattern: /^you must be (?:logged|signed) in to (?:post|leave) a comment\b/i },
  {
    name: 'prompt',
    pattern: /^(?:sign up|subscribe) (?:for|to) (?:our|the|a)\b.*\b(?:newsletter|updates|alerts|briefing)\b/i,
  },
  { name: 'prompt', pattern: /^follow us on\b/i },
  {
    name: 'prompt',
    pattern:
      /\bwe use cookies\b|\bby (?:continuing to )?(?:use|using|browse|browsing) (?:this|our) (?:site|website)\b/i,
  },
  { name: 'ui-word', pattern: new RegExp(`^(?:${uiWords})\\s*[.:!…]*$`, 'i'), maxLength: 40 },
  { name: 'menu', pattern: /^(?:[\p{L}\d&' -]{1,24}\s*[|•·]\s*){2,}[\p{L}\d&' -]{1,24}$/u },
  {
    name: 'image-credit',
    pattern: /^(?:image|images|photo|photos|picture|photograph|credit|video|footage)\s*(?:credit)?\s*:\s*\S.{0,60}$/i,
    maxLength: 80,
  },
  {
    name: 'copyright',
    pattern: /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})|\ball rights reserved\b/i,
    maxLength: 160,
  },
  { name: 'agency-credit', pattern: /^[a-z]{1,4}(?:\/[a-z]{1,4})+(?:\s*\([^)]{1,60}\))?\s*$/ },
  {
    name: 'agency-credit',
    pattern: /^\S.{0,40}\s(?:staff\s+)?and\s+(?:wire services|wires|agencies|news agencies)\.?$/i,
    maxLength: 60,
  },
  {
    name: 'agency-credit',
    pattern: /^(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b.{0,100}$/i,
    maxLength: 140,
  },
];

/**
 * Find scraped page furniture in a text: returns the ranges to blank, sorted and not overlapping. Whole-line rules
 * cover the line's content without its surrounding whitespace or line break, so blanking keeps every offset.
 * Use it on prose only: it does not know Markdown syntax.
 */
export function findBoilerplate(text: string, options?: Readonly<BoilerplateOptions> | null): BoilerplateRange[] {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, not ${typeof text}`);
  const rules = options?.rules ?? boilerplateRules;
  const ranges: BoilerplateRange[] = [];
  const line = /[^\r\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content.length === 0) continue;
    const start = m.index + lead;
    const end = start + content.length;
    let whole: BoilerplateRule | undefined;
    for (const rule of rules) {
      if (rule.inline || content.length > (rule.maxLength ?? 200)) continue;
      rule.pattern.lastIndex = 0;
      if (rule.pattern.test(content)) {
        whole = rule;
        break;
      }
    }
    if (whole) {
      ranges.push({ start, end, rule: whole.name });
      continue;
    }
    for (const rule of rules) {
      if (!rule.inline) continue;
      const global = rule.pattern.global ? rule.pattern : new RegExp(rule.pattern.source, `${rule.pattern.flags}g`);
      global.lastIndex = 0;
      for (let hit = global.exec(content); hit; hit = global.exec(content)) {
        if (hit[0].length === 0) {
          global.lastIndex++;
          continue;
        }
        ranges.push({ start: start + hit.index, end: start + hit.index + hit[0].length, rule: rule.name });
      }
    }
  }
  const kept: BoilerplateRange[] = [];
  for (const range of ranges.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (range.start >= (kept.at(-1)?.end ?? 0)) kept.push(range);
  }
  return kept;
}

/** The text with the ranges replaced by spaces (line breaks kept), so every offset still points at the same place. */
export function blankRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  let result = '';
  let at = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    result += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return result + text.slice(at);
}
