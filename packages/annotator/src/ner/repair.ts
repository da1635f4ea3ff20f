import type { NameSpan } from './labels.js';

/** Words that mend the name tagger's spans; see `data/lexicons/actors-name-repair.json`. */
export interface RepairLexicon {
  /** Nouns (lowercase) that close an organisation's name after it ("… legion", "… battalion", "… Directorate"). */
  organizationHeads: ReadonlySet<string>;
  /** Titles before a person's name ("Governor", "President"). */
  titles: ReadonlySet<string>;
  /** Capitalised words that never join a name (months, weekdays, sentence openers). */
  notNameWords: ReadonlySet<string>;
  /** Names of media, apps and platforms: organisations, never places ("on Telegram"). */
  media: ReadonlySet<string>;
  /** Capitalised words that end the name of a broadcaster or agency ("… Channel", "… TV"); alone, no name. */
  mediaHeads: ReadonlySet<string>;
}

const connectors = new Set(['of', 'for', 'and', 'the', 'de', 'del', 'du', 'des']);
const capitalised = /^\p{Lu}[\p{Ll}\p{Lu}'’.-]*$/u;

/**
 * Mend the name tagger's spans of one sentence with evidence in the words around them, keeping spans disjoint:
 * - an organisation cut at "of" joins the name after it ("Freedom of" + "Russia" → one organisation);
 * - a head noun after an organisation or place closes the organisation ("X legion", "X Directorate"), a
 *   capitalised one only outside Title Case lines;
 * - capitalised words the tagger left out before an organisation belong to it, with a demonym before them
 *   ("Russian" + "Volunteer" + "Corps" → "Russian Volunteer Corps"), unless the line is in Title Case;
 * - capitalised words no span covers that end in a capitalised head noun are an organisation ("Cyber
 *   Directorate");
 * - a name right after a title ("Governor X Y") is a person, not an organisation;
 * - the name of a medium, app or platform is an organisation, not a place ("wrote on Telegram");
 * - a name ending in a broadcaster's head word is an organisation ("X Channel"); the head word alone is no name
 *   ("X" + "TV" channel keeps "X" only).
 */
export function repairNames(
  words: readonly string[],
  pos: readonly string[],
  input: readonly NameSpan[],
  lexicon: RepairLexicon,
): NameSpan[] {
  const spans = input.map((s) => ({ ...s })).sort((a, b) => a.start - b.start);
  // Title Case lines (headlines) give no evidence in capitals.
  const letters = words.filter((w) => /^\p{L}/u.test(w));
  const titleCase = letters.length > 3 && letters.filter((w) => /^\p{Lu}/u.test(w)).length / letters.length > 0.6;
  if (!titleCase) spans.push(...untaggedOrganizations(spans));
  spans.sort((a, b) => a.start - b.start);
  const out: NameSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as NameSpan;
    const next = spans[i + 1];
    // "Freedom of" + "Russia", "Bank" + "of" + "England".
    if (span.label === 'ORG' && next) {
      const last = words[span.end - 1] ?? '';
      const joined =
        (connectors.has(last) && next.start === span.end) ||
        (words[span.end] === 'of' && next.start === span.end + 1 && next.label === 'LOC');
      if (joined && next.label !== 'PER') {
        span.end = next.end;
        i++;
      }
    }
    // "… legion", "… ministry", "… Directorate" (capitalised outside Title Case lines).
    const head = words[span.end];
    if (
      (span.label === 'ORG' || span.label === 'LOC') &&
      head !== undefined &&
      lexicon.organizationHeads.has(head.toLowerCase()) &&
      (head === head.toLowerCase() || (!titleCase && (spans[i + 1]?.start ?? words.length) > span.end))
    ) {
      span.end++;
      span.label = 'ORG';
    }
    // "Russian Volunteer Corps": capitalised untagged words before an organisation, then a demonym.
    if (span.label === 'ORG' && !titleCase) {
      const previous = out[out.length - 1];
      let start = span.start;
      while (start > 1 && (previous === undefined || previous.end < start) && joins(start - 1)) start--;
      if (
        start < span.start &&
        previous &&
        previous.end === start &&
        previous.label === 'MISC' &&
        previous.end - previous.start === 1
      ) {
        start = previous.start;
        out.pop();
      }
      span.start = start;
    }
    // "Governor Roman Starovoyt".
    const before = words[span.start - 1];
    if (span.label === 'ORG' && before !== undefined && lexicon.titles.has(before) && span.end - span.start <= 3) {
      if (words.slice(span.start, span.end).every((w) => capitalised.test(w) && w !== w.toUpperCase()))
        span.label = 'PER';
    }
    if (span.end - span.start === 1 && lexicon.media.has(words[span.start] ?? '')) span.label = 'ORG';
    if (lexicon.mediaHeads.has(words[span.end - 1] ?? '')) {
      if (span.end - span.start === 1) continue;
      if (span.label === 'PER') span.label = 'ORG';
    }
    out.push(span);
  }
  return out;

  /** "Intelligence Directorate": capitalised words no span covers, ending in a capitalised head noun. */
  function untaggedOrganizations(tagged: readonly NameSpan[]): NameSpan[] {
    const covered = new Set<number>();
    for (const t of tagged) for (let k = t.start; k < t.end; k++) covered.add(k);
    const found: NameSpan[] = [];
    for (let k = 1; k < words.length; k++) {
      const word = words[k] ?? '';
      if (covered.has(k) || !capitalised.test(word) || !lexicon.organizationHeads.has(word.toLowerCase())) continue;
      let start = k;
      while (start > 0 && !covered.has(start - 1) && joins(start - 1)) start--;
      if (start < k) found.push({ start, end: k + 1, label: 'ORG' });
    }
    return found;
  }

  function joins(k: number): boolean {
    const word = words[k] ?? '';
    const tag = pos[k] ?? '';
    return (
      capitalised.test(word) &&
      word !== word.toUpperCase() &&
      !lexicon.notNameWords.has(word) &&
      !lexicon.titles.has(word) &&
      (tag === '' || tag.startsWith('NNP'))
    );
  }
}
