/** A token of the text: offsets into the original text, `end` exclusive. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Part of speech (Penn Treebank tag), once `tagPos` has run. */
  pos?: string;
  /** Dictionary form, once a stage has computed it. */
  lemma?: string;
}

const tokenPattern =
  /\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?|(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-‐'’.&][\p{L}\p{M}\p{N}]+)*|\.{2,}|-{2,}|\S/gu;

const abbreviations = new Set(
  'mr mrs ms dr gen lt col sgt capt maj cmdr adm gov sen rep prof rev st jr sr inc corp ltd co vs etc no jan feb mar apr jun jul aug sep sept oct nov dec mt ft pres adj lieut brig supt insp'.split(
    ' ',
  ),
);

const possessive = /^(.+?)(['’][sS]|n['’]t)$/u;

/**
 * Split `text` between `start` and `end` into tokens. Possessive `'s` and `n't` are tokens of their own,
 * as in the Penn Treebank; abbreviations such as "Mr." and initials such as "J." keep their period.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = start;
  for (let match = tokenPattern.exec(text); match && match.index < end; match = tokenPattern.exec(text)) {
    let value = match[0];
    let from = match.index;
    if (from + value.length > end) value = value.slice(0, end - from);
    const split = value.length > 2 ? possessive.exec(value) : null;
    if (split?.[1] && split[2]) {
      const head = split[1] === 'ca' || split[1] === 'wo' ? `${split[1]}n` : split[1];
      tokens.push({ start: from, end: from + head.length, text: head });
      from += head.length;
      value = value.slice(head.length);
    }
    let to = from + value.length;
    if (text.charCodeAt(to) === 46 /* . */ && to < end && isAbbreviation(value)) {
      to += 1;
      value += '.';
      tokenPattern.lastIndex = to;
    }
    tokens.push({ start: from, end: to, text: value });
  }
  return tokens;
}

function isAbbreviation(word: string): boolean {
  if (word.length === 1) return /\p{Lu}/u.test(word);
  return abbreviations.has(word.toLowerCase());
}
