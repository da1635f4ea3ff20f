import type { ContradictionKind } from '../contradiction.js';
import type { Facet } from '../dispute.js';
import type { FoundClock } from '../time/find.js';
import { daysApart, timeKey, timeName } from '../time/when.js';
import { bearingsDiffer } from './bearing.js';
import { figureOf } from './measure.js';
import { compareQuantities, type Quantity, sameThing, singular } from './quantity.js';
import type { EventView, Place, Side } from './view.js';
import { jaccard, sameSpeaker } from './voices.js';

/** One way two claims differ. */
export interface Finding {
  kind: ContradictionKind;
  /** What each side says on the point they differ on ("at least 300", "438"). */
  values: [string, string];
  /** For quantities: whether both figures can hold. */
  compatible?: boolean;
  /** For agents: whether the two accounts also run in opposite directions. */
  reversed?: boolean;
  /** The facet of the happening the two differ on, when the kind does not say it (a day is a `time`). */
  facet?: Facet;
  /** What identifies each side's value, so that other claims giving the same value join its position. */
  keys?: [string, string];
  /**
   * For counts: the kind of thing counted; counts of different kinds are different disputes. For typed counts it
   * reads as what is disputed ("how many died", "the depth").
   */
  what?: string;
}

export interface PairResult {
  relation: 'agree' | 'contradict' | 'unrelated';
  findings: Finding[];
}

const unrelated = (): PairResult => ({ relation: 'unrelated', findings: [] });

/** How much of two claims' content words must be shared (Jaccard) for each kind of evidence of one happening. */
const overlapFor = {
  /**
   * Claims about disjoint participants with less wording in common are about other things; related claims share
   * at least this much (else a participant or an argument).
   */
  related: 0.1,
  /** One happening, with a shared specific participant or an agreeing argument. */
  participant: 0.12,
  /** A denial of an account, without a participant or argument of its own. */
  denial: 0.15,
  /** One happening by wording alone, with `wordsForWording` words in common … */
  wording: 0.25,
  /** … or by wording alone, however many words that is. */
  wordingAlone: 0.4,
};
/** Content words in common that make wording at `overlapFor.wording` evidence of one happening. */
const wordsForWording = 3;
/** Agreeing arguments (who, where, from where to where) that make one happening by themselves. */
const argumentsForOneHappening = 2;
/** How far apart two reports must tell one speaker's certainty (2 confirmed, 1 stated, less claimed) to differ. */
const certaintyStepsApart = 2;

/**
 * Compare two claims about the same event, from different articles or from two different speakers of one
 * article. A contradiction or an agreement needs the two to be about one happening: the same kind of act
 * (lemma), and either much of the same wording, a shared participant more specific than a country, or two
 * arguments that agree (who did it, where, from where to where). With `oneHappening` the caller vouches for
 * that (an oracle that holds both claims of a known contradiction), and only the facets are compared.
 */
export function comparePair(a: EventView, b: EventView, oneHappening = false): PairResult {
  const x = a.base;
  const y = b.base;
  if (a.polarity === 0 || b.polarity === 0) return unrelated();
  const overlap = jaccard(x.words, y.words);
  const shared = sharedAnchors(a, b);
  // Entity blocking: claims about disjoint sets of actors and places, in different words, are about other things.
  if (!oneHappening && x.anchors.size && y.anchors.size && shared === 0 && overlap < overlapFor.related)
    return unrelated();
  const sameAction = oneHappening || sameAct(a, b);
  if (!sameAction && shared === 0) return unrelated();

  const specific = sharedAnchors(a, b, 'specific');
  const aligned = agreeingArguments(a, b);
  // Agreement needs strong evidence of one happening; a difference needs only some (the difference itself
  // lowers the overlap).
  const wordsShared = Math.round((overlap * (x.words.size + y.words.size)) / (1 + overlap));
  let about =
    oneHappening ||
    (sameAction &&
      ((overlap >= overlapFor.wording && (wordsShared >= wordsForWording || overlap >= overlapFor.wordingAlone)) ||
        ((specific > 0 || aligned > 0) && overlap >= overlapFor.participant) ||
        aligned >= argumentsForOneHappening ||
        mirrored(a, b)));
  // A light act ("make", "take") names no happening of its own: only strong evidence relates two claims on it.
  const light = a.light || b.light;
  if (light && !oneHappening) about = about && overlap >= overlapFor.wording && wordsShared >= wordsForWording;
  const related =
    oneHappening ||
    (light
      ? about
      : sameAction && (overlap >= overlapFor.related || specific > 0 || agreeingArguments(a, b, true) >= 1));
  const agentDiffers = sameAction && !!a.agent && !!b.agent && !sameAgent(a.agent, b.agent);
  // Who did it is disputed only between doers of one kind: two people, or two bodies (a driver and the car's
  // owner firm, a ship and its navy, a town and a person are not rival answers), never a place.
  const rivalAgents = agentDiffers && !!a.agent && a.agent.doer !== 'place' && a.agent.doer === b.agent?.doer;
  const whereA = a.place ?? a.destination;
  const whereB = b.place ?? b.destination;
  // One speaker quoted twice, or one statement in two reports, is one voice: a difference in whether it happened,
  // who did it, why or how it ended is a reading or a rephrasing of one statement, not a dispute.
  const oneVoice = sameSpeaker(x, y);
  if (a.polarity !== b.polarity) {
    if (oneVoice) return unrelated();
    // A denial is a speaker's: the article's own negated sentence ("no one was hurt") tells another point.
    const negative = a.polarity < 0 ? a : b;
    if (negative.base.claim.stance !== 'deny' && negative.base.claim.source === null) return unrelated();
    // Denying that one party did it does not contradict saying that another party did, or did it elsewhere.
    if (agentDiffers || placesDiffer(whereA, whereB) || placesDiffer(a.destination, b.destination)) return unrelated();
    // A denial contradicts only an account of the same act in words or participants of its own.
    const echoed = echoedArguments(a, b) + echoedArguments(b, a);
    if (
      !oneHappening &&
      !(related && a.lemma && (overlap >= overlapFor.denial || specific > 0 || aligned >= 1 || echoed >= 1))
    )
      return unrelated();
    return { relation: 'contradict', findings: [{ kind: 'polarity', values: [polarityWord(a), polarityWord(b)] }] };
  }
  if (a.polarity < 0) return about ? { relation: 'agree', findings: [] } : unrelated();

  if (!related) return unrelated();
  const findings: Finding[] = [];
  // A different doer or place is a contradiction only when the rest says it is one happening; else two acts.
  if (rivalAgents && !oneVoice && a.agent && b.agent && about) {
    const reversed = placesDiffer(a.destination, b.destination) || placesDiffer(a.origin, b.origin);
    findings.push({ kind: 'agent', values: [a.agent.name, b.agent.name], keys: [a.agent.key, b.agent.key], reversed });
  }
  if (about && !agentDiffers && whereA && whereB && placesDiffer(whereA, whereB)) {
    findings.push({ kind: 'place', values: [placeName(whereA), placeName(whereB)], keys: [whereA.key, whereB.key] });
  } else if (about && x.bearing && y.bearing && bearingsDiffer(x.bearing, y.bearing)) {
    // "west of Aden" against "east of Aden": one place, seen from the same landmark in two directions.
    const keys: [string, string] = [x.bearing, y.bearing].map((g) => `${g.reference}:${g.degrees}`) as [string, string];
    findings.push({ kind: 'place', values: [x.bearing.text, y.bearing.text], keys });
  }
  // Counts in the claims' wider text differ for many reasons: only the act's own counts, or one happening, compare.
  const quantities = (a.quantity && b.quantity) || about ? quantityPair(a, b) : null;
  if (quantities) {
    const relation = compareQuantities(quantities[0], quantities[1]);
    if (relation !== 'same') {
      const [q, r] = quantities;
      findings.push({
        kind: 'quantity',
        values: [q.phrase, r.phrase],
        keys: [`${q.low}..${q.high}`, `${r.low}..${r.high}`],
        what: figureOf(q) ?? figureOf(r) ?? q.unitClass ?? r.unitClass ?? q.unit ?? r.unit ?? '',
        compatible: relation === 'compatible',
      });
    }
  }
  if (!oneVoice && x.motive && y.motive && x.motive.opposite === y.motive.kind) {
    findings.push({ kind: 'motive', values: [x.motive.cue, y.motive.cue], keys: [x.motive.kind, y.motive.kind] });
  }
  const outcome = oneVoice ? null : outcomePair(a, b);
  if (outcome) findings.push({ kind: 'outcome', values: outcome.values, keys: outcome.keys });
  // One speaker told as confirming by one report and as unsure by another; a plain statement against a hedge is
  // how reports differ in tone, not a disagreement.
  if (x.speaker && x.speaker === y.speaker && Math.abs(x.certainty - y.certainty) >= certaintyStepsApart) {
    findings.push({ kind: 'certainty', values: [certaintyWord(x.certainty), certaintyWord(y.certainty)] });
  }
  const time = timeFinding(a, b);
  if (time) findings.push(time);
  if (findings.length) return { relation: 'contradict', findings };
  return about ? { relation: 'agree', findings: [] } : unrelated();
}

/**
 * Opposite outcomes: both name one and they are opposites ("captured" / "was repelled"; "accepted" / "turned
 * down"), or one says the attempt failed, the failure word bearing on the act's own word, and the other tells the
 * same act as done, with no outcome word ("crossed into the region" / "an unsuccessful attempt to cross").
 */
function outcomePair(a: EventView, b: EventView): { values: [string, string]; keys: [string, string] } | null {
  const x = a.outcome;
  const y = b.outcome;
  if (x && y) return x.opposite === y.kind ? { values: [x.cue, y.cue], keys: [x.kind, y.kind] } : null;
  if (!a.mention || !b.mention || !sameAct(a, b)) return null;
  if (x?.kind === 'failure' && x.adjacent && !y)
    return { values: [x.cue, b.mention.trigger.text], keys: ['failure', 'success'] };
  if (y?.kind === 'failure' && y.adjacent && !x)
    return { values: [a.mention.trigger.text, y.cue], keys: ['success', 'failure'] };
  return null;
}

/** Whether two places cannot be the same place: different countries, or different regions of one country. */
export function placesDiffer(a: Place | null, b: Place | null): boolean {
  if (!a || !b || a.key === b.key) return false;
  if (a.country && b.country && a.country !== b.country) return true;
  if (a.country && a.country === b.country && a.region && b.region) return regionKey(a.region) !== regionKey(b.region);
  return false;
}

/**
 * The two counts to compare: the events' quantity arguments, else counts inside the arguments of the claims'
 * mentions of the event (how many did it, how many it was done to), of the same role and kind of thing, else
 * typed counts (a toll, a magnitude). Any other count in a claim ("won 40 games", an age, a year) says nothing
 * about this happening and is not compared, nor is a bare figure with no noun counted.
 */
function quantityPair(a: EventView, b: EventView): [Quantity, Quantity] | null {
  if (
    a.quantity &&
    b.quantity &&
    described(a.quantity, a) &&
    described(b.quantity, b) &&
    sameThing(a.quantity, b.quantity)
  )
    return [a.quantity, b.quantity];
  const left = linkedCounts(a);
  const right = linkedCounts(b);
  for (const q of left) {
    for (const r of right) {
      if (q.role === r.role && q.count.unit !== null && r.count.unit !== null && sameThing(q.count, r.count))
        return [q.count, r.count];
    }
  }
  // Counts typed by what befell those counted ("12 killed", "no casualties"), and a quake's magnitude or depth,
  // are the happening's wherever the claim states them.
  for (const q of a.base.quantities) {
    if (!typed(q)) continue;
    const r = b.base.quantities.find((r) => typed(r) && sameThing(q, r));
    if (r) return [q, r];
  }
  // So is a length, a speed or a sum that each claim gives alone of its kind ("damage put at $100 million").
  for (const q of a.base.quantities) {
    if (!soleMeasure(q, a)) continue;
    const r = b.base.quantities.find((r) => r.unitClass === q.unitClass && soleMeasure(r, b));
    if (r) return [q, r];
  }
  return null;
}

/** A measure (not a duration) that is the only one of its kind in its claim. */
function soleMeasure(q: Quantity, v: EventView): boolean {
  if (q.written === null || q.unitClass === 'duration') return false;
  return v.base.quantities.filter((r) => r.unitClass === q.unitClass).length === 1;
}

/**
 * Whether a count says what it counts within the happening: a noun or what befell those counted, and not the
 * happening's own kind ("23 games" told of a game is a record of many games, not a figure of this one).
 */
function described(q: Quantity, v: EventView): boolean {
  // How long something lasted is told in many ways ("20 years" of a career, "11 days" before a show): not compared.
  if (q.unitClass === 'duration') return false;
  if (q.counted !== null) return true;
  return q.unit !== null && q.unit !== v.lemma && singular(q.unit) !== v.lemma;
}

/** A count that says by itself what of the happening it counts. */
function typed(q: Quantity): boolean {
  return q.counted !== null || q.unitClass === 'magnitude' || q.unitClass === 'depth';
}

/** The counts of a claim that lie inside its mention's agent or patient argument, with that role. */
function linkedCounts(v: EventView): { role: 'agent' | 'patient'; count: Quantity }[] {
  const args = v.mention?.arguments;
  if (!args) return [];
  const offset = v.base.claim.content.start;
  const found: { role: 'agent' | 'patient'; count: Quantity }[] = [];
  for (const count of v.base.quantities) {
    if (count.unitClass === 'age' || count.unitClass === 'duration') continue;
    const span = { start: offset + count.start, end: offset + count.end };
    for (const role of ['agent', 'patient'] as const) {
      const arg = args[role];
      if (arg && arg.start <= span.start && span.end <= arg.end) found.push({ role, count });
    }
  }
  return found;
}

/**
 * Whether two agents can be the same doer: the same side, or one name holds the other's words ("Sukanya" and
 * "INS Sukanya"; "India" and "the Indian Navy": a word and its demonym share their first five letters).
 */
function sameAgent(a: Side, b: Side): boolean {
  if (a.key === b.key) return true;
  const tokens = (name: string) => name.toLowerCase().match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  const x = tokens(a.name);
  const y = tokens(b.name);
  const meets = (p: string, q: string) =>
    p === q || (p.length >= 5 && q.length >= 5 && p.slice(0, 5) === q.slice(0, 5));
  const within = (small: string[], large: string[]) =>
    small.length > 0 && small.every((w) => large.some((u) => meets(w, u)));
  return within(x, y) || within(y, x);
}

/** Kinds of event too broad to say that two different words name one act. */
const looseTypes = new Set(['occurrence', 'statement']);

/**
 * Whether two claims tell of the same kind of act: the same lemma or synset ("kill", "slay"), or two words of one
 * specific event type ("crossed", "entered": movement). Claims without an event mention are not told apart.
 */
function sameAct(a: EventView, b: EventView): boolean {
  const m = a.mention;
  const n = b.mention;
  if (!m || !n || m.lemma === n.lemma) return true;
  if (m.synset && m.synset === n.synset) return true;
  return m.type === n.type && !looseTypes.has(m.type);
}

/**
 * Mirror accounts of one incident: each side says the other's people crossed into its own country ("an Indian
 * patrol crossed into Pakistan" / "a Pakistani column crossed into India").
 */
function mirrored(a: EventView, b: EventView): boolean {
  const into = (v: EventView) => (v.destination?.country ? `country:${v.destination.country}` : null);
  return !!a.agent && !!b.agent && a.agent.key === into(b) && b.agent.key === into(a) && a.agent.key !== b.agent.key;
}

/**
 * How many of the event's arguments both claims give and agree on; `loose`: a place also agrees with the country
 * that holds it (enough to relate two claims, not to call them agreeing).
 */
function agreeingArguments(a: EventView, b: EventView, loose = false): number {
  let n = 0;
  for (const [p, q] of [
    [a.agent, b.agent],
    [a.patient, b.patient],
    [a.origin, b.origin],
  ] as const) {
    if (p && q && p.key === q.key) n++;
  }
  const [p, q] = [a.place ?? a.destination, b.place ?? b.destination];
  if (p && q && (p.key === q.key || (loose && placesAgree(p, q)))) n++;
  return n;
}

/** Where two accounts put the act agree: the same place, or a place and the country that holds it. */
function placesAgree(p: Place | null, q: Place | null): boolean {
  if (!p || !q) return false;
  if (p.key === q.key) return true;
  const whole = (x: Place) => x.region === null && x.countryName === x.name;
  return !!p.country && p.country === q.country && (whole(p) || whole(q));
}

/** How many of `a`'s event arguments (who, to whom, where) `b` names too, as it says it ("Russian vehicles"). */
export function echoedArguments(a: EventView, b: EventView): number {
  let n = 0;
  for (const p of [a.agent, a.patient, a.origin, a.destination, a.place]) if (p && b.base.anchors.has(p.key)) n++;
  return n;
}

/**
 * How many anchors (or, with `specific`, participants more specific than a country: people, organisations,
 * towns) both claims name, their speakers left out.
 */
function sharedAnchors(a: EventView, b: EventView, key: 'anchors' | 'specific' = 'anchors'): number {
  let n = 0;
  const skip = new Set([a.base.speaker, b.base.speaker]);
  for (const x of a.base[key]) if (!skip.has(x) && b.base[key].has(x)) n++;
  return n;
}

function regionKey(region: string): string {
  return region
    .toLowerCase()
    .replace(/\b(oblast|region|province|krai|kray|state|district|governorate|county|prefecture|republic of)\b/g, '')
    .replace(/[^a-z]/g, '');
}

function placeName(p: Place): string {
  const within = p.region && regionKey(p.region) !== regionKey(p.name) ? p.region : null;
  const parts = [p.name, within, p.countryName && p.countryName !== p.name ? p.countryName : null].filter(Boolean);
  return parts.join(', ');
}

function polarityWord(v: EventView): string {
  return v.polarity > 0 ? 'happened' : 'did not happen';
}

function certaintyWord(c: number): string {
  return c >= 2 ? 'confirmed' : c >= 1 ? 'stated' : c > 0 ? 'claimed' : 'unconfirmed';
}

/**
 * Days two accounts of one happening may disagree by: further apart, the event stage has joined two
 * happenings (last week's arrest and this week's), which is not a dispute about either one's day.
 */
const maxDaysApart = 7;

/**
 * Minutes two clock times of one act may differ by ("about 10 a.m." and "10:20 a.m.") and still agree. News rounds
 * times to the quarter or the half hour, so two times half an hour apart ("about 10 a.m." and "around 10:30") are
 * two accounts.
 */
const clockTolerance = 20;

/**
 * Two times that cannot both be the act's: different days, at most a week apart (a date or a day of a month, or
 * a weekday or a relative day placed by its article's date: "Thursday" against "Friday"; a weekday in an
 * undated article is not placed, since two undated articles' "Friday" need not be one week's), or, on days that can, clock times more than
 * half an hour apart once each is turned into UTC by its zone (a zone on one side only is not compared).
 */
function timeFinding(a: EventView, b: EventView): Finding | null {
  const apart = daysApart(a.when, b.when);
  if (apart !== null && apart >= 1 && apart <= maxDaysApart && a.when && b.when) {
    const values: [string, string] = [timeName(a.when), timeName(b.when)];
    return { kind: 'other', facet: 'time', values, keys: [timeKey(a.when), timeKey(b.when)] };
  }
  const [x, y] = [a.clock, b.clock];
  if (!x || !y || (x.offset === null) !== (y.offset === null)) return null;
  const utc = (c: FoundClock) => c.minutes - (c.offset ?? 0);
  const minutes = Math.abs(utc(x) - utc(y)) % 1440;
  if (Math.min(minutes, 1440 - minutes) <= clockTolerance) return null;
  return { kind: 'other', facet: 'time', values: [x.text, y.text], keys: [String(utc(x)), String(utc(y))] };
}
