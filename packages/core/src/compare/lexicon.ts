/**
 * General English cue words used to compare claims. These are closed-class or near closed-class lists
 * (reasons, outcomes, hedges, number words), not names from any article. Matching is on lower-cased
 * word sequences; a cue of several words matches them in order.
 */

/** Why something happened, by kind of motive. A claim whose content uses cues of two kinds gets none. */
export const motiveCues: Readonly<Record<string, readonly string[]>> = {
  coerced: [
    'forced',
    'forcing',
    'compelled',
    'obliged',
    'had to',
    'had no choice',
    'no choice',
    'trapped',
    'pushed',
    'pushed out',
    'driven out',
    'under fire',
    'to escape',
    'escaping',
    'escaped',
    'fled',
    'fleeing',
    'flee',
    'for safety',
    'safety reasons',
    'to save their lives',
    'under pressure',
    'coerced',
    'encircled',
    'surrounded',
    'cornered',
    'ran out of ammunition',
    'self-defense',
    'self-defence',
    'in self defense',
  ],
  voluntary: [
    'defected',
    'defect',
    'defecting',
    'deserted',
    'desert',
    'deserting',
    'voluntarily',
    'willingly',
    'of their own accord',
    'of his own accord',
    'of her own accord',
    'chose to',
    'decided to',
    'wanted to',
    'sought asylum',
    'asked for asylum',
    'requested asylum',
    'sought refuge',
    'seeking refuge',
    'switched sides',
    'gave themselves up',
    'tired of the war',
    'refused to fight',
  ],
  /** Phrases that contain a motive word but say nothing about motive ("forced back" is an outcome). */
  none: [
    'forced back',
    'pushed back',
    'driven back',
    'forced out of',
    'force majeure',
    'air force',
    'armed forces',
    'task force',
  ],
  deliberate: [
    'deliberately',
    'intentionally',
    'on purpose',
    'provocation',
    'provocative',
    'premeditated',
    'in order to',
    'so as to',
    'with the aim of',
    'with the intention of',
    'purposely',
    'knowingly',
  ],
  accidental: [
    'accidentally',
    'by accident',
    'by mistake',
    'mistakenly',
    'inadvertently',
    'unintentionally',
    'lost their way',
    'got lost',
    'strayed',
    'in error',
    'erroneously',
    'malfunction',
    'technical fault',
  ],
};

/** Motive kinds that cannot both hold for one act. */
export const motiveConflicts: readonly (readonly [string, string])[] = [
  ['coerced', 'voluntary'],
  ['coerced', 'deliberate'],
  ['accidental', 'deliberate'],
  ['accidental', 'voluntary'],
];

/** Whether an attempt succeeded. */
export const outcomeCues: Readonly<Record<'success' | 'failure', readonly string[]>> = {
  success: [
    'captured',
    'capture',
    'seized',
    'seize',
    'took control',
    'taken control',
    'take control',
    'took over',
    'taken over',
    'occupied',
    'liberated',
    'broke through',
    'succeeded',
    'successful',
    'successfully',
    'managed to',
    'secured',
    'overran',
    'overrun',
    'gained control',
    'in control of',
  ],
  failure: [
    'failed',
    'fail',
    'failure',
    'unsuccessful',
    'unsuccessfully',
    'repelled',
    'repulsed',
    'beaten back',
    'pushed back',
    'driven back',
    'thwarted',
    'foiled',
    'prevented',
    'in vain',
    'abortive',
    'fended off',
    'warded off',
    'fought off',
    'retreated',
    'withdrew',
    'was stopped',
    'were stopped',
    'was halted',
    'were halted',
    'did not succeed',
    'never reached',
    'was repelled',
    'were repelled',
  ],
};

/** Words that make a report uncertain. */
export const hedgeCues: readonly string[] = [
  'unconfirmed',
  'not confirmed',
  'could not confirm',
  'could not be confirmed',
  'cannot be confirmed',
  'could not be verified',
  'not verified',
  'unverified',
  'cannot verify',
  'could not verify',
  'reportedly',
  'allegedly',
  'alleged',
  'apparently',
  'appeared to',
  'appears to',
  'may have',
  'might have',
  'could have',
  'possibly',
  'perhaps',
  'probably',
  'likely',
  'unclear',
  'it is not clear',
  'rumours',
  'rumors',
  'purportedly',
  'purported',
  'seemed',
  'seems',
  'unsubstantiated',
  'no evidence',
  'without evidence',
];

/** Attribution verbs by which an outlet keeps its distance from what a source says. */
export const distanceCues: readonly string[] = [
  'claimed',
  'claims',
  'claim',
  'claiming',
  'alleged',
  'alleges',
  'allege',
  'insisted',
  'insists',
  'purported',
  'suggested',
  'suggests',
  'suggest',
];

/** Words that make a report certain. */
export const confirmCues: readonly string[] = [
  'confirmed',
  'confirms',
  'confirm',
  'verified',
  'established',
  'proved',
  'proven',
  'acknowledged',
  'admitted',
  'officially',
  'certainly',
  'definitely',
  'clearly',
];

/** Negators: within a few words before a cue they flip it. */
export const negators: ReadonlySet<string> = new Set([
  'not',
  "n't",
  'no',
  'never',
  'nor',
  'neither',
  'without',
  'denied',
  'denies',
  'deny',
  'didn’t',
  "didn't",
  'wasn’t',
  "wasn't",
  'weren’t',
  "weren't",
  'hasn’t',
  "hasn't",
  'haven’t',
  "haven't",
]);

/** Words that carry little content, left out of content-word overlap. */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then than that this these those there their they them it its is are was were be been being ' +
    'have has had do does did of in on at to from by for with without into onto over under about after before during ' +
    'as also not no so such which who whom whose what when where why how he she his her him we us our you your i me my ' +
    'said says say saying told tell according would could should may might will can shall just only very more most ' +
    'some any all both each other another same own up down out off again further once here now yet still even'
  ).split(' '),
);

/** Nouns for people: counts of these are counts of the same kind of thing. */
export const personNouns: ReadonlySet<string> = new Set(
  (
    'people person troop soldier serviceman servicemen men man women woman child children civilian fighter militant ' +
    'rebel separatist guard officer police policeman personnel staff crew member marine paratrooper volunteer ' +
    'conscript recruit mercenary prisoner captive hostage refugee migrant resident protester demonstrator worker ' +
    'journalist reporter victim casualty dead wounded injured body bodies individual citizen national'
  ).split(' '),
);

/** Nouns for vehicles and heavy equipment. */
export const vehicleNouns: ReadonlySet<string> = new Set(
  (
    'vehicle tank truck lorry car bus apc carrier helicopter aircraft plane jet drone ship boat vessel convoy ' +
    'artillery launcher howitzer armour armor'
  ).split(' '),
);

export const monthNames: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Verbs and nouns that name an act too generally to tell one happening from another by the word ("make", "take",
 * "statement"): claims about them are compared only with strong evidence of one happening.
 */
export const lightActs: ReadonlySet<string> = new Set([
  'be',
  'become',
  'bring',
  'call',
  'come',
  'do',
  'find',
  'get',
  'give',
  'go',
  'have',
  'hold',
  'keep',
  'let',
  'look',
  'make',
  'mean',
  'need',
  'put',
  'say',
  'see',
  'seem',
  'set',
  'show',
  'state',
  'statement',
  'take',
  'tell',
  'think',
  'try',
  'turn',
  'use',
  'want',
  'work',
  'event',
  'incident',
  'thing',
  'issue',
  'case',
  'situation',
  'matter',
  // nouns that name a thing more often than a happening
  'level',
  'report',
  'plan',
  'campaign',
  'return',
  'program',
  'programme',
  'policy',
  'proposal',
  'comment',
  'request',
  'record',
  'time',
  'year',
  'way',
  'part',
  'deal',
  'effort',
  'treaty',
  'law',
  'rule',
]);
