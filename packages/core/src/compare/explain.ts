import type { Finding } from './detect.js';
import type { ClaimView, EventView } from './view.js';

/**
 * One plain sentence naming both sources and outlets and what each says, e.g.
 * "Kiev (Al Jazeera) says Russian vehicles crossed into Ukraine; Moscow (Al Jazeera) denies its forces crossed."
 */
export function explainContradiction(a: EventView, b: EventView, finding: Finding): string {
  const left = `${who(a.base)} ${verb(a.base, finding)} ${paraphrase(a)}`;
  const right = `${who(b.base)} ${verb(b.base, finding)} ${paraphrase(b)}`;
  const [p, q] = finding.values;
  let why = '';
  switch (finding.kind) {
    case 'quantity':
      why = finding.compatible
        ? ` (${p} vs ${q}: different figures that can both hold)`
        : ` (${p} vs ${q}: figures that cannot both hold)`;
      break;
    case 'agent':
      why = ` (who did it: ${p} vs ${q}${finding.reversed ? ', in opposite directions' : ''})`;
      break;
    case 'motive':
      why = ` (why: "${p}" vs "${q}")`;
      break;
    case 'outcome':
      why = ` (outcome: "${p}" vs "${q}")`;
      break;
    case 'place':
      why = ` (where: ${p} vs ${q})`;
      break;
    case 'certainty':
      why = ` (reported as ${p} vs ${q})`;
      break;
    case 'other':
      why = ` (when: ${p} vs ${q})`;
      break;
    default:
      break;
  }
  return `${capitalise(left)}; ${right}${why}.`;
}

/** One plain sentence saying that two independent sources say the same, each in its own words. */
export function explainAgreement(a: EventView, b: EventView): string {
  const pa = paraphrase(a);
  const pb = paraphrase(b);
  if (pa.toLowerCase() === pb.toLowerCase()) return `${capitalise(who(a.base))} and ${who(b.base)} both say ${pa}.`;
  return `${capitalise(who(a.base))} says ${pa}; ${who(b.base)} agrees: ${pb}.`;
}

/** The speaker and outlet: "Kiev (Al Jazeera)", or the outlet alone for its own voice. */
export function who(v: ClaimView): string {
  if (v.claim.source === null && !v.speaker) return v.outlet;
  return `${v.speakerName} (${v.outlet})`;
}

const plurals: Record<string, string> = {
  says: 'say',
  denies: 'deny',
  confirms: 'confirm',
  claims: 'claim',
  suggests: 'suggest',
  accuses: 'accuse',
  alleges: 'allege',
  vows: 'vow',
  promises: 'promise',
  pledges: 'pledge',
  threatens: 'threaten',
  agrees: 'agree',
  refuses: 'refuse',
  offers: 'offer',
  appears: 'appear',
  seems: 'seem',
  'is reported, unconfirmed, as saying': 'are reported, unconfirmed, as saying',
};

/** The attribution verb, agreeing with a plural common-noun speaker ("officials say"). */
function verb(v: ClaimView, finding: Finding): string {
  const singular = singularVerb(v, finding);
  // The head noun: the last word before a post-modifier ("Officials in Kiev"); two coordinated speakers are plural.
  const head = v.speakerName.split(/\s(?:in|of|from|at|for|on|with)\s/)[0] ?? v.speakerName;
  const last = head.split(/\s+/).pop() ?? '';
  const plural =
    v.claim.source !== null &&
    ((/^\p{L}+[^s]s$/u.test(last) && !/(ics|ness|news|ss)$/.test(last)) || /\sand\s/.test(head));
  return plural ? (plurals[singular] ?? singular) : singular;
}

/** Cue verbs that take an infinitive ("claimed to have crossed"), as the explanation says them. */
const infinitiveCues: Record<string, string> = {
  claim: 'claims',
  vow: 'vows',
  promise: 'promises',
  pledge: 'pledges',
  threaten: 'threatens',
  agree: 'agrees',
  refuse: 'refuses',
  offer: 'offers',
  appear: 'appears',
  seem: 'seems',
};

function singularVerb(v: ClaimView, finding: Finding): string {
  if (v.claim.stance === 'deny') return 'denies';
  // "to have crossed …" reads only after its own verb: "claims to have crossed".
  if (/^to\s/i.test(v.claim.content.text.trim())) {
    const cue = (v.claim.cue?.text.toLowerCase().match(/[a-z]+/g) ?? []).pop() ?? '';
    const base = cue.replace(/(?:ed|d|s)$/, '');
    const verb = infinitiveCues[base] ?? infinitiveCues[`${base}e`];
    if (verb) return verb;
  }
  if (finding.kind === 'certainty') {
    return v.certainty >= 2
      ? 'confirms'
      : v.certainty >= 1
        ? 'says'
        : v.certainty > 0
          ? 'claims'
          : 'is reported, unconfirmed, as saying';
  }
  if (v.claim.stance === 'hedge') return 'suggests';
  if (v.claim.stance === 'accuse') return /^(?:\S+\s+){0,4}of\s/.test(v.claim.content.text) ? 'accuses' : 'alleges';
  return 'says';
}

const maxWords = 18;
const clauseBreak = /[,;:()–—]|\s(?:but|while|whereas|which|although|though|however|and that)\s/g;

/** A short paraphrase of a claim's content: the clause holding the event's trigger, trimmed. */
export function paraphrase(v: EventView): string {
  v.paraphrase ??= shorten(v);
  return v.paraphrase;
}

function shorten(v: EventView): string {
  const { claim } = v.base;
  let text = claim.content.text;
  let trigger = v.mention ? v.mention.trigger.start - claim.content.start : -1;
  if (trigger < 0 || trigger >= text.length) trigger = -1;
  // Content that runs over a sentence end: keep the sentence with the trigger (else the first).
  const stops = [...text.matchAll(/[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/gu)].map((m) => (m.index ?? 0) + m[0].length);
  if (stops.length) {
    let from = 0;
    let to = text.length;
    for (const stop of stops) {
      if (trigger >= stop) from = stop;
      else {
        to = stop;
        break;
      }
    }
    text = text.slice(from, to);
    if (trigger >= 0) trigger -= from;
  }
  const stripped = stripEdges(text);
  trigger -= stripped.offset;
  text = stripped.text;
  if (countWords(text) > maxWords) {
    let start = 0;
    let end = text.length;
    for (const m of text.matchAll(clauseBreak)) {
      const at = m.index ?? 0;
      if (trigger >= 0 && at < trigger) {
        // Keep the subject: the first clause stays when the trigger is in the second.
        if (countWords(text.slice(0, at)) > 6) start = at + m[0].length;
      } else if (at > Math.max(trigger, 0) && countWords(text.slice(start, at)) >= 4) {
        end = at;
        break;
      }
    }
    text = text.slice(start, end).trim();
  }
  const list = text.split(/\s+/);
  if (list.length > maxWords) text = `${list.slice(0, maxWords).join(' ')}…`;
  return text.replace(/[\s.,;:!?]+$/, '');
}

function stripEdges(text: string): { text: string; offset: number } {
  const lead = /^[\s"“”'‘’«»]*(?:that\s+)?/i.exec(text)?.[0].length ?? 0;
  const body = text.slice(lead).replace(/[\s"“”'‘’«».,;:!?]+$/, '');
  return { text: body, offset: lead };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Capitalise a leading article ("the army" → "The army"); names and outlets keep their own spelling. */
function capitalise(text: string): string {
  return /^(the|a|an) /.test(text) ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text;
}
