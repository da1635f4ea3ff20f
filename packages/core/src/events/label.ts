import type { EventMention } from '../event.js';
import { monthFullNames, weekdayNames } from '../time/find.js';
import { whenOf } from '../time/when.js';
import type { Placed } from './compatible.js';

/** Month and weekday names as a label writes them ("April", "Friday"), from the calendar file. */
const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const months = monthFullNames.map(capitalised);
const weekdays = weekdayNames.map(capitalised);

/** English verbs whose happening is named by a noun that suffix rules cannot make ("say" → "statement"). */
const nouns: Readonly<Record<string, string>> = {
  say: 'statement',
  tell: 'statement',
  state: 'statement',
  speak: 'speech',
  deny: 'denial',
  accuse: 'accusation',
  confirm: 'confirmation',
  announce: 'announcement',
  declare: 'declaration',
  warn: 'warning',
  threaten: 'threat',
  promise: 'promise',
  claim: 'claim',
  report: 'report',
  die: 'death',
  kill: 'killing',
  seize: 'seizure',
  enter: 'entry',
  arrive: 'arrival',
  depart: 'departure',
  withdraw: 'withdrawal',
  invade: 'invasion',
  capture: 'capture',
  arrest: 'arrest',
  attack: 'attack',
  meet: 'meeting',
  talk: 'talks',
  fight: 'fighting',
  protest: 'protest',
  elect: 'election',
  vote: 'vote',
  injure: 'injury',
  explode: 'explosion',
  move: 'move',
  demand: 'demand',
  plan: 'plan',
  visit: 'visit',
  return: 'return',
  raid: 'raid',
  strike: 'strike',
  deploy: 'deployment',
  destroy: 'destruction',
  appoint: 'appointment',
  resign: 'resignation',
  sentence: 'sentence',
  release: 'release',
  escape: 'escape',
  support: 'support',
  crash: 'crash',
  shoot: 'shooting',
  bomb: 'bombing',
};

/**
 * A label that reads like a headline's noun phrase: what happened as a noun, where to or where, who did it
 * when a name says so, and the date the text gives, normalised — "crossing into Ukraine (16 April)",
 * "statement by Sergei Lavrov (17 April 2014)", "seizure in Kramatorsk".
 */
export function labelOf(cluster: readonly Placed[], isActor: (mention: EventMention) => boolean): string {
  const pick = (get: (m: EventMention) => string | undefined) =>
    majority(cluster.map((p) => get(p.mention)).filter((x): x is string => !!x));
  const lemma = byArticles(cluster, (m) => m.lemma) ?? '';
  let text = nounOf(lemma, cluster);
  const destination = pick((m) => name(m.arguments.destination?.text));
  const origin = pick((m) => name(m.arguments.origin?.text));
  const place = pick((m) => name(m.arguments.place?.text));
  const into = cluster.some((p) => p.mention.type === 'movement') && !/^(?:return|go|come)$/.test(lemma);
  if (destination) text += ` ${into ? 'into' : 'to'} ${destination}`;
  else if (origin) text += ` from ${origin}`;
  if (place && !destination) text += ` in ${place}`;
  const agent = pick((m) => (isActor(m) ? name(m.arguments.agent?.text) : undefined));
  if (agent && !destination && !place) text += ` by ${agent}`;
  const date = majority(
    cluster.map((p) => dateText(p.mention.arguments.timeValue, p.article.date)).filter((x): x is string => !!x),
  );
  return date ? `${text} (${date})` : text;
}

/**
 * The noun that names the happening: a known noun, else a nominal trigger of the lemma the articles use,
 * else the noun most of its triggers are ("incident", "security"), else the gerund ("crossing").
 */
function nounOf(lemma: string, cluster: readonly Placed[]): string {
  const known = nouns[lemma];
  if (known) return known;
  const own = cluster.filter((p) => p.mention.lemma === lemma);
  const words = own.map((p) => p.mention.trigger.text.toLowerCase());
  const nominal = majority(words.filter((t) => /(?:[^aeiou]tion|sion|ment|ance|ence|ure|sis)$/.test(t)));
  if (nominal) return nominal;
  const nominals = own.filter((p) => !p.mention.verbal).map((p) => p.mention.trigger.text.toLowerCase());
  if (nominals.length > 0 && nominals.length * 2 >= own.length) return majority(nominals) ?? lemma;
  // a noun or participle read as a verb ("dialogue", "undertaken") is no verb to make a gerund of
  return /(?:ue|en|ty|cy|ism|ness|ship)$/.test(lemma) ? lemma : gerund(lemma);
}

/** A name as a label shows it: on one line, no quotes, no leading article, not a pronoun or a long phrase. */
function name(text: string | undefined): string | undefined {
  const value = text
    ?.replace(/\s+/g, ' ')
    .replace(/^["“‘'(]+|["”’')]+$/g, '')
    .replace(/^(?:the)\s+/i, '')
    .trim();
  if (!value || !/^\p{Lu}/u.test(value) || value.split(' ').length > 5) return undefined;
  if (/^(?:I|You|He|She|It|We|They|This|That|These|Those)$/.test(value)) return undefined;
  return value;
}

/** "16 April 2014", "16 April", "August 2014", "2014", "Friday": what the text and the article's date tell. */
function dateText(value: string | undefined, articleDate: string | null): string | undefined {
  if (!value) return undefined;
  const when = whenOf(value, articleDate);
  const day = (n: number) => new Date(n * 86_400_000);
  switch (when?.kind) {
    case 'day': {
      const d = day(when.day);
      return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    }
    case 'monthDay':
      return `${when.date} ${months[when.month - 1]}`;
    case 'month': {
      const d = day(when.from);
      return `${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    }
    case 'year':
      return String(day(when.from).getUTCFullYear());
    case 'weekday':
      return weekdays[when.weekday];
    default:
      return undefined;
  }
}

function gerund(verb: string): string {
  const [head = '', ...rest] = verb.split(' ');
  let form: string;
  if (head.endsWith('ie')) form = `${head.slice(0, -2)}ying`;
  else if (/[^aeiouy]e$/.test(head) && !head.endsWith('ee')) form = `${head.slice(0, -1)}ing`;
  else if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(head)) form = `${head}${head.slice(-1)}ing`;
  else form = `${head}ing`;
  return [form, ...rest].join(' ');
}

/**
 * The value most articles use, each article voting once with its own most frequent value: what the event is
 * called should not depend on one article repeating itself.
 */
function byArticles(cluster: readonly Placed[], get: (mention: EventMention) => string): string | undefined {
  const perArticle = new Map<string, string[]>();
  for (const { article, mention } of cluster) {
    const values = perArticle.get(article.id);
    if (values) values.push(get(mention));
    else perArticle.set(article.id, [get(mention)]);
  }
  return majority([...perArticle.values()].map((values) => majority(values) as string));
}

/** The most frequent value (the first seen among equals). */
export function majority(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
