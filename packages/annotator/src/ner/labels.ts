/** Entity types the tagger knows (CoNLL-2003). */
export const entityTypes = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabel = (typeof entityTypes)[number];

/** A name found in a sentence: tokens `start` to `end` (exclusive), and its label. */
export interface NameSpan {
  start: number;
  end: number;
  label: string;
}

/** A name in a text: offsets into the text and its CoNLL label. */
export interface NameMention {
  start: number;
  end: number;
  text: string;
  label: string;
}

/** BILOU classes: `O`, then `B-`, `I-`, `L-`, `U-` for each type. */
export function bilouClasses(types: readonly string[] = entityTypes): string[] {
  return ['O', ...types.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
}

/** Spans of a BIO (IOB2 or IOB1) sequence. */
export function spansFromBio(tags: readonly string[]): NameSpan[] {
  const spans: NameSpan[] = [];
  let open: NameSpan | null = null;
  tags.forEach((tag, i) => {
    const prefix = tag.slice(0, 1);
    const label = tag.slice(2);
    if (open && (prefix !== 'I' || label !== open.label)) {
      spans.push(open);
      open = null;
    }
    if (prefix === 'B' || (prefix === 'I' && !open)) open = { start: i, end: i + 1, label };
    else if (prefix === 'I' && open) open.end = i + 1;
  });
  if (open) spans.push(open);
  return spans;
}

/** BILOU tags for spans over `length` tokens. */
export function bilouFromSpans(spans: readonly NameSpan[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const { start, end, label } of spans) {
    if (end - start === 1) tags[start] = `U-${label}`;
    else {
      tags[start] = `B-${label}`;
      for (let i = start + 1; i < end - 1; i++) tags[i] = `I-${label}`;
      tags[end - 1] = `L-${label}`;
    }
  }
  return tags;
}

/**
 * Spans of a BILOU sequence of class indices; tolerant of invalid sequences. Inside an open name, `I-` and
 * `L-` of another type continue it and the name takes the type of its last token ("World/B-MISC
 * Health/I-ORG Organization/L-ORG" is one ORG).
 */
export function spansFromBilou(classes: readonly string[], tags: ArrayLike<number>, length = tags.length): NameSpan[] {
  const spans: NameSpan[] = [];
  let open: NameSpan | null = null;
  for (let i = 0; i < length; i++) {
    const tag = classes[tags[i] as number] as string;
    const prefix = tag.charCodeAt(0);
    if (prefix === 79 /* O */) {
      if (open) spans.push(open);
      open = null;
      continue;
    }
    const label = tag.slice(2);
    if (prefix === 73 /* I */ || prefix === 76 /* L */) {
      if (open) {
        open.end = i + 1;
        open.label = label;
      } else open = { start: i, end: i + 1, label };
      if (prefix === 76) {
        spans.push(open);
        open = null;
      }
      continue;
    }
    if (open) spans.push(open);
    open = null;
    if (prefix === 85 /* U */) spans.push({ start: i, end: i + 1, label });
    else open = { start: i, end: i + 1, label };
  }
  if (open) spans.push(open);
  return spans;
}

/**
 * For each previous class (and, at index `classes.length`, the sentence start), which classes may follow:
 * inside a name only `I-`/`L-` of its type; elsewhere `O`, `B-` or `U-`.
 */
export function transitions(classes: readonly string[]): Uint8Array[] {
  const allowedAfter = (previous: string | null) =>
    Uint8Array.from(classes, (tag) => {
      const open = previous !== null && (previous.startsWith('B-') || previous.startsWith('I-'));
      if (open)
        return (tag.startsWith('I-') || tag.startsWith('L-')) && tag.slice(2) === (previous as string).slice(2) ? 1 : 0;
      return tag === 'O' || tag.startsWith('B-') || tag.startsWith('U-') ? 1 : 0;
    });
  return [...classes.map((c) => allowedAfter(c)), allowedAfter(null)];
}
