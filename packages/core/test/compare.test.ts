import { describe, expect, it } from 'vitest';
import { type Contradiction, compareClaims } from '../src/index.js';
import { type ArticleSpec, buildInput, type EntitySpec } from './fixtures/compare/build.js';

const world: EntitySpec[] = [
  { name: 'India', kind: 'country', country: 'IN' },
  { name: 'Pakistan', kind: 'country', country: 'PK' },
  { name: 'Rajasthan', kind: 'region', country: 'IN', region: 'Rajasthan' },
  { name: 'Gujarat', kind: 'region', country: 'IN', region: 'Gujarat' },
  { name: 'Jaisalmer', kind: 'city', country: 'IN', region: 'Rajasthan' },
  { name: 'Barmer', kind: 'city', country: 'IN', region: 'Rajasthan' },
  { name: 'New Delhi', kind: 'government', place: 'India' },
  { name: 'Islamabad', kind: 'government', place: 'Pakistan' },
  { name: 'Indian', kind: 'group', place: 'India' },
  { name: 'Pakistani', kind: 'group', place: 'Pakistan' },
  { name: 'the army', kind: 'organization' },
  { name: 'Border Police', kind: 'organization' },
];

function run(articles: ArticleSpec[]) {
  return compareClaims(buildInput(world, articles));
}

function kinds(list: Contradiction[]) {
  return list.map((c) => [c.kind, c.compatible ?? null]);
}

describe('compareClaims', () => {
  it('finds a denial and explains it in one sentence naming both sources and outlets', () => {
    const { contradictions, agreements } = run([
      {
        id: 'a1',
        outlet: 'Daily Courier',
        text: 'New Delhi said Pakistani troops crossed into India on Monday.',
        claims: [
          {
            source: 'New Delhi',
            cue: 'said',
            content: 'Pakistani troops crossed into India on Monday',
            events: [
              { event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'Pakistani troops', destination: 'India' },
            ],
          },
        ],
      },
      {
        id: 'b1',
        outlet: 'Evening Star',
        text: 'Islamabad denied that its troops crossed the border.',
        claims: [
          {
            source: 'Islamabad',
            cue: 'denied',
            content: 'its troops crossed the border',
            stance: 'deny',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'its troops' }],
          },
        ],
      },
    ]);
    expect(kinds(contradictions)).toEqual([['polarity', null]]);
    expect(contradictions[0]?.claims).toEqual(['a1:c1', 'b1:c1']);
    expect(contradictions[0]?.event).toBe('V1');
    expect(contradictions[0]?.explanation).toBe(
      'New Delhi (Daily Courier) says Pakistani troops crossed into India on Monday; Islamabad (Evening Star) denies its troops crossed the border.',
    );
    expect(agreements).toEqual([]);
  });

  it('treats a negated assertion like a denial', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'The army said troops crossed the river near Barmer.',
        claims: [
          {
            source: 'The army',
            speaker: 'the army',
            content: 'troops crossed the river near Barmer',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Border Police said no troops crossed the river near Barmer.',
        claims: [
          {
            source: 'Border Police',
            content: 'no troops crossed the river near Barmer',
            negated: true,
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
    ]);
    expect(kinds(contradictions)).toEqual([['polarity', null]]);
    expect(contradictions[0]?.explanation).toBe(
      'The army (a1 News) says troops crossed the river near Barmer; Border Police (b1 News) says no troops crossed the river near Barmer.',
    );
  });

  it('marks "at least 300" against "438" as a compatible discrepancy and "six" against "two" as not', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'Officials said at least 300 soldiers crossed at the checkpoint. They said six tanks were seized.',
        claims: [
          {
            source: null,
            content: 'at least 300 soldiers crossed at the checkpoint',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', quantity: 'at least 300 soldiers' }],
          },
          {
            source: null,
            content: 'six tanks were seized',
            events: [{ event: 'V2', trigger: 'seized', lemma: 'seize', quantity: 'six tanks' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Guards let 438 servicemen cross at the checkpoint. Only two tanks were seized, the ministry said.',
        claims: [
          {
            source: null,
            content: 'Guards let 438 servicemen cross at the checkpoint',
            events: [{ event: 'V1', trigger: 'cross', lemma: 'cross', quantity: '438 servicemen' }],
          },
          {
            source: 'the ministry',
            content: 'Only two tanks were seized',
            events: [{ event: 'V2', trigger: 'seized', lemma: 'seize', quantity: 'two tanks' }],
          },
        ],
      },
    ]);
    const byEvent = Object.fromEntries(contradictions.map((c) => [c.event, c]));
    expect(byEvent.V1?.kind).toBe('quantity');
    expect(byEvent.V1?.compatible).toBe(true);
    expect(byEvent.V1?.values).toEqual(['at least 300 soldiers', '438 servicemen']);
    expect(byEvent.V1?.explanation).toBe(
      'a1 News says at least 300 soldiers crossed at the checkpoint; b1 News says Guards let 438 servicemen cross at the checkpoint (at least 300 soldiers vs 438 servicemen: different figures that can both hold).',
    );
    expect(byEvent.V2?.kind).toBe('quantity');
    expect(byEvent.V2?.compatible).toBe(false);
    expect(byEvent.V2?.explanation).toContain('the ministry (b1 News) says Only two tanks were seized');
  });

  it('does not flag the same figure written two ways', () => {
    const { contradictions, agreements } = run([
      {
        id: 'a1',
        text: 'Witnesses said about forty trucks crossed into India.',
        claims: [
          {
            source: 'Witnesses',
            content: 'about forty trucks crossed into India',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', destination: 'India' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Police said 40 trucks crossed into India overnight.',
        claims: [
          {
            source: 'Police',
            content: '40 trucks crossed into India overnight',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', destination: 'India' }],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
    expect(agreements).toHaveLength(1);
  });

  it('finds who did it, and notes opposite directions', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        outlet: 'Daily Courier',
        text: 'Islamabad said an Indian patrol crossed into Pakistan.',
        claims: [
          {
            source: 'Islamabad',
            content: 'an Indian patrol crossed into Pakistan',
            events: [
              { event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'an Indian patrol', destination: 'Pakistan' },
            ],
          },
        ],
      },
      {
        id: 'b1',
        outlet: 'Evening Star',
        text: 'New Delhi said a Pakistani column crossed into India.',
        claims: [
          {
            source: 'New Delhi',
            content: 'a Pakistani column crossed into India',
            events: [
              { event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'a Pakistani column', destination: 'India' },
            ],
          },
        ],
      },
    ]);
    expect(kinds(contradictions)).toEqual([['agent', null]]);
    expect(contradictions[0]?.explanation).toBe(
      'Islamabad (Daily Courier) says an Indian patrol crossed into Pakistan; New Delhi (Evening Star) says a Pakistani column crossed into India (who did it: India vs Pakistan, in opposite directions).',
    );
  });

  it('finds different motives from cue words', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'The army said the guards were forced to cross the border to escape shelling.',
        claims: [
          {
            source: 'The army',
            speaker: 'the army',
            content: 'the guards were forced to cross the border to escape shelling',
            events: [{ event: 'V1', trigger: 'cross', lemma: 'cross' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Border Police said the guards defected and crossed the border.',
        claims: [
          {
            source: 'Border Police',
            content: 'the guards defected and crossed the border',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
    ]);
    expect(kinds(contradictions)).toEqual([['motive', null]]);
    expect(contradictions[0]?.values).toEqual(['forced', 'defected']);
  });

  it('finds a claimed success against a reported failure', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'The rebels said they captured the village of Kalyan.',
        claims: [
          {
            source: 'The rebels',
            content: 'they captured the village of Kalyan',
            events: [{ event: 'V1', trigger: 'captured', lemma: 'capture', type: 'seizure' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'The army said the attack on the village of Kalyan was repelled.',
        claims: [
          {
            source: 'The army',
            speaker: 'the army',
            content: 'the attack on the village of Kalyan was repelled',
            events: [{ event: 'V1', trigger: 'attack', lemma: 'capture', type: 'seizure' }],
          },
        ],
      },
    ]);
    expect(kinds(contradictions)).toEqual([['outcome', null]]);
    expect(contradictions[0]?.values).toEqual(['captured', 'repelled']);
  });

  it('finds different regions for one happening, once with every region, but not different towns of one region', () => {
    const { disputes, contradictions } = run([
      {
        id: 'a1',
        text: 'Police said the blast happened in Rajasthan.',
        claims: [
          {
            source: 'Police',
            content: 'the blast happened in Rajasthan',
            events: [{ event: 'V1', trigger: 'blast', lemma: 'blast', type: 'attack', place: 'Rajasthan' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Officials said the blast happened in Gujarat.',
        claims: [
          {
            source: 'Officials',
            content: 'the blast happened in Gujarat',
            events: [{ event: 'V1', trigger: 'blast', lemma: 'blast', type: 'attack', place: 'Gujarat' }],
          },
        ],
      },
      {
        id: 'c1',
        text: 'Witnesses said the blast happened near Barmer.',
        claims: [
          {
            source: 'Witnesses',
            content: 'the blast happened near Barmer',
            events: [{ event: 'V1', trigger: 'blast', lemma: 'blast', type: 'attack', place: 'Barmer' }],
          },
        ],
      },
      {
        id: 'd1',
        text: 'Residents said the blast happened in Jaisalmer.',
        claims: [
          {
            source: 'Residents',
            content: 'the blast happened in Jaisalmer',
            events: [{ event: 'V1', trigger: 'blast', lemma: 'blast', type: 'attack', place: 'Jaisalmer' }],
          },
        ],
      },
    ]);
    const places = disputes.filter((d) => d.facet === 'place');
    expect(places).toHaveLength(1);
    const sides = places[0]?.positions.map((p) => [p.value, [...p.claims].sort().join(' ')]);
    // One dispute: Gujarat against the accounts in Rajasthan (Barmer and Jaisalmer are towns of Rajasthan).
    expect(sides).toContainEqual(['Gujarat, India', 'b1:c1']);
    expect(sides).toContainEqual(['Rajasthan, India', 'a1:c1']);
    expect(places[0]?.explanation).toMatch(/ources differ on where it happened: Rajasthan, India \(/);
    expect(contradictions.filter((c) => c.kind === 'place')).toHaveLength(1);
  });

  it('finds the same speaker reported as confirming by one outlet and as unconfirmed by another', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        outlet: 'Daily Courier',
        text: 'The army confirmed that two soldiers were captured near Barmer.',
        claims: [
          {
            source: 'The army',
            speaker: 'the army',
            cue: 'confirmed',
            content: 'two soldiers were captured near Barmer',
            events: [{ event: 'V1', trigger: 'captured', lemma: 'capture' }],
          },
        ],
      },
      {
        id: 'b1',
        outlet: 'Evening Star',
        text: 'According to the army, two soldiers may have been captured near Barmer.',
        claims: [
          {
            source: 'the army',
            cue: 'According to',
            content: 'two soldiers may have been captured near Barmer',
            stance: 'hedge',
            events: [{ event: 'V1', trigger: 'captured', lemma: 'capture' }],
          },
        ],
      },
    ]);
    expect(kinds(contradictions)).toEqual([['certainty', null]]);
    expect(contradictions[0]?.explanation).toBe(
      'The army (Daily Courier) confirms two soldiers were captured near Barmer; the army (Evening Star) is reported, unconfirmed, as saying two soldiers may have been captured near Barmer (reported as confirmed vs unconfirmed).',
    );
  });

  it('reports the same two speakers differing the same way in several outlets once, with every claim on its side', () => {
    const say = (id: string, text: string, content: string, source: string) => ({
      id,
      text,
      claims: [
        {
          source,
          content,
          events: [
            {
              event: 'V1',
              trigger: 'seized',
              lemma: 'seize',
              quantity: content.split('seized ')[1] ?? '',
            },
          ],
        },
      ],
    });
    const { contradictions } = run([
      say('a1', 'The army said the rebels seized six trucks.', 'the rebels seized six trucks', 'The army'),
      say('a2', 'Border Police said the rebels seized two trucks.', 'the rebels seized two trucks', 'Border Police'),
      say(
        'a3',
        'Border Police confirmed the rebels seized two trucks.',
        'the rebels seized two trucks',
        'Border Police',
      ),
    ]);
    // a2 and a3 fall in different buckets (a3 confirms), so the a1–a3 pair is merged into the a1–a2 finding.
    expect(kinds(contradictions)).toEqual([['quantity', false]]);
    expect(contradictions[0]?.sides?.map((s) => [...s].sort()).sort()).toEqual([['a1:c1'], ['a2:c1', 'a3:c1']]);
  });

  it('does not read a motive into "forced back"', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'The army said the guards crossed the border and were forced back.',
        claims: [
          {
            source: 'The army',
            speaker: 'the army',
            content: 'the guards crossed the border and were forced back',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Border Police said the guards defected and crossed the border.',
        claims: [
          {
            source: 'Border Police',
            content: 'the guards defected and crossed the border',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
    ]);
    expect(contradictions.filter((c) => c.kind === 'motive')).toEqual([]);
  });

  it('uses the article id when the outlet is unknown', () => {
    const { contradictions } = run([
      {
        id: 'report-7',
        outlet: null,
        text: 'The army said troops crossed the river.',
        claims: [
          {
            source: 'The army',
            speaker: 'the army',
            content: 'troops crossed the river',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
      {
        id: 'report-8',
        outlet: null,
        text: 'Border Police denied troops crossed the river.',
        claims: [
          {
            source: 'Border Police',
            content: 'troops crossed the river',
            stance: 'deny',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
    ]);
    expect(contradictions[0]?.explanation).toBe(
      'The army (report-7) says troops crossed the river; Border Police (report-8) denies troops crossed the river.',
    );
  });
});

describe('compareClaims: sibling events', () => {
  const crossings = (second: string, secondEvent: string): ArticleSpec[] => [
    {
      id: 'a1',
      date: '2021-03-02',
      text: 'Islamabad said an Indian patrol crossed into Pakistan on Monday.',
      claims: [
        {
          source: 'Islamabad',
          content: 'an Indian patrol crossed into Pakistan on Monday',
          events: [
            {
              event: 'V1',
              trigger: 'crossed',
              lemma: 'cross',
              agent: 'an Indian patrol',
              destination: 'Pakistan',
              timeValue: 'weekday:1',
            },
          ],
        },
      ],
    },
    {
      id: 'b1',
      date: '2021-03-03',
      text: second,
      claims: [
        {
          source: 'New Delhi',
          content: second.replace(/^New Delhi said /, '').replace(/\.$/, ''),
          events: [
            {
              event: secondEvent,
              trigger: 'crossed',
              lemma: 'cross',
              agent: second.includes('Pakistani') ? 'a Pakistani column' : 'an Indian patrol',
              destination: second.includes('into India') ? 'India' : 'Pakistan',
              timeValue: second.includes('Monday') ? 'weekday:1' : 'weekday:3',
            },
          ],
        },
      ],
    },
  ];

  it('compares events the event stage kept apart for their different directions', () => {
    const { contradictions } = run(crossings('New Delhi said a Pakistani column crossed into India on Monday.', 'V2'));
    expect(kinds(contradictions)).toEqual([['agent', null]]);
    expect(contradictions[0]?.event).toBe('V1');
  });

  it('does not compare sibling events on different days', () => {
    expect(
      run(crossings('New Delhi said a Pakistani column crossed into India on Wednesday.', 'V2')).contradictions,
    ).toEqual([]);
  });

  it('flags different days for one happening', () => {
    const { contradictions } = run(
      crossings('New Delhi said an Indian patrol crossed into Pakistan on Wednesday.', 'V1'),
    );
    expect(kinds(contradictions)).toEqual([['other', null]]);
    expect(contradictions[0]?.values).toEqual(['Monday, Mar 1', 'Wednesday, Mar 3']);
  });

  it('compares a denial that the event stage put in its own event', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'New Delhi said Pakistani troops crossed into India overnight.',
        claims: [
          {
            source: 'New Delhi',
            content: 'Pakistani troops crossed into India overnight',
            events: [
              { event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'Pakistani troops', destination: 'India' },
            ],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Islamabad denied that its troops had crossed into India.',
        claims: [
          {
            source: 'Islamabad',
            content: 'its troops had crossed into India',
            stance: 'deny',
            events: [{ event: 'V2', trigger: 'crossed', lemma: 'cross', agent: 'its troops', destination: 'India' }],
          },
        ],
      },
    ]);
    expect(kinds(contradictions)).toEqual([['polarity', null]]);
  });

  it('does not join sibling events that share only one country', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'Police said a bomb exploded in Rajasthan.',
        claims: [
          {
            source: 'Police',
            content: 'a bomb exploded in Rajasthan',
            events: [{ event: 'V1', trigger: 'exploded', lemma: 'explode', place: 'Rajasthan' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Police said a bomb exploded in Gujarat.',
        claims: [
          {
            source: 'Police',
            content: 'a bomb exploded in Gujarat',
            events: [{ event: 'V2', trigger: 'exploded', lemma: 'explode', place: 'Gujarat' }],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
  });
});

describe('compareClaims: what must not be flagged', () => {
  it('does not compare claims about different events', () => {
    const { contradictions, agreements } = run([
      {
        id: 'a1',
        text: 'Police said six trucks crossed into India.',
        claims: [
          {
            source: 'Police',
            content: 'six trucks crossed into India',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', quantity: 'six trucks' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Police said two trucks crossed into India.',
        claims: [
          {
            source: 'Police',
            content: 'two trucks crossed into India',
            events: [{ event: 'V2', trigger: 'crossed', lemma: 'cross', quantity: 'two trucks' }],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
    expect(agreements).toEqual([]);
  });

  it('does not let claims agree across events the event stage kept apart', () => {
    const { contradictions, agreements } = run([
      {
        id: 'a1',
        text: 'Police said troops crossed the river.',
        claims: [
          {
            source: 'Police',
            content: 'troops crossed the river',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Police said troops crossed the river.',
        claims: [
          {
            source: 'Police',
            content: 'troops crossed the river',
            events: [{ event: 'V2', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
    expect(agreements).toEqual([]);
  });

  it('does not compare claims from articles weeks apart', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        date: '2021-03-01',
        text: 'Police said six trucks crossed into India.',
        claims: [
          {
            source: 'Police',
            content: 'six trucks crossed into India',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', quantity: 'six trucks' }],
          },
        ],
      },
      {
        id: 'b1',
        date: '2021-05-20',
        text: 'Police said two trucks crossed into India.',
        claims: [
          {
            source: 'Police',
            content: 'two trucks crossed into India',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', quantity: 'two trucks' }],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
  });

  it('lets paraphrases agree', () => {
    const { contradictions, agreements } = run([
      {
        id: 'a1',
        outlet: 'Daily Courier',
        text: 'New Delhi said Pakistani soldiers entered India overnight.',
        claims: [
          {
            source: 'New Delhi',
            content: 'Pakistani soldiers entered India overnight',
            events: [
              { event: 'V1', trigger: 'entered', lemma: 'enter', agent: 'Pakistani soldiers', destination: 'India' },
            ],
          },
        ],
      },
      {
        id: 'b1',
        outlet: 'Evening Star',
        text: 'The army said a unit from Pakistan had moved into India before dawn.',
        claims: [
          {
            source: 'The army',
            speaker: 'the army',
            content: 'a unit from Pakistan had moved into India before dawn',
            events: [
              { event: 'V1', trigger: 'moved', lemma: 'enter', agent: 'a unit from Pakistan', destination: 'India' },
            ],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
    expect(agreements).toEqual([
      {
        claims: ['a1:c1', 'b1:c1'],
        event: 'V1',
        explanation:
          'New Delhi (Daily Courier) says Pakistani soldiers entered India overnight; the army (Evening Star) agrees: a unit from Pakistan had moved into India before dawn.',
        confidence: expect.any(Number),
      },
    ]);
    // Paraphrases share few words: a middling confidence, inside [0, 1].
    expect(agreements[0]?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(agreements[0]?.confidence).toBeLessThan(0.8);
  });

  it('counts wire copy reprinted by several outlets, and a paragraph repeated in one article, as one voice', () => {
    const wire =
      'Police said a convoy of 12 trucks crossed into India from Pakistan late on Tuesday, according to a statement.';
    const input = [
      { id: 'w1', outlet: 'Wire Service', text: wire },
      { id: 'w2', outlet: 'City Paper', text: `${wire} The roads were closed.` },
      { id: 'w3', outlet: 'Hill Times', text: `Convoy crosses. ${wire} ${wire}` },
    ].map(
      (a): ArticleSpec => ({
        ...a,
        claims: [
          {
            source: 'Police',
            content: 'a convoy of 12 trucks crossed into India from Pakistan late on Tuesday',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', destination: 'India' }],
          },
        ],
      }),
    );
    const repeated = input[2];
    if (!repeated) throw new Error('Expected three articles');
    repeated.claims.push({
      ...(repeated.claims[0] ?? { content: '' }),
      content: 'a convoy of 12 trucks crossed into India from Pakistan late on Tuesday',
    });
    input.push({
      id: 'x1',
      outlet: 'Evening Star',
      text: 'Villagers told reporters that twelve lorries had come across from Pakistan into India.',
      claims: [
        {
          source: 'Villagers',
          content: 'twelve lorries had come across from Pakistan into India',
          events: [{ event: 'V1', trigger: 'come across', lemma: 'cross', destination: 'India' }],
        },
      ],
    });
    const { contradictions, agreements, voices } = run(input);
    expect(contradictions).toEqual([]);
    const wireVoice = voices.find((v) => v.claims.includes('w1:c1'));
    expect(wireVoice?.claims.sort()).toEqual(['w1:c1', 'w2:c1', 'w3:c1', 'w3:c2']);
    expect(voices).toHaveLength(2);
    // Copies never agree with each other; the independent source agrees with the wire story once.
    expect(
      agreements.map((a) =>
        a.claims
          .map((c) => c.split(':')[0])
          .sort()
          .join(' '),
      ),
    ).toEqual(['w1 x1']);
  });

  it('does not set a denial about one party against a report about another', () => {
    const { contradictions } = run([
      {
        id: 'a1',
        text: 'Islamabad denied that Pakistani troops crossed into India.',
        claims: [
          {
            source: 'Islamabad',
            content: 'Pakistani troops crossed into India',
            stance: 'deny',
            events: [
              { event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'Pakistani troops', destination: 'India' },
            ],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Islamabad said Indian troops crossed into Pakistan.',
        claims: [
          {
            source: 'Islamabad',
            content: 'Indian troops crossed into Pakistan',
            events: [
              { event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'Indian troops', destination: 'Pakistan' },
            ],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
  });

  it('never compares a question or a condition', () => {
    const { contradictions, agreements } = run([
      {
        id: 'a1',
        text: 'Police said troops crossed the river.',
        claims: [
          {
            source: 'Police',
            content: 'troops crossed the river',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
      {
        id: 'b1',
        text: 'Officials asked whether troops crossed the river.',
        claims: [
          {
            source: 'Officials',
            content: 'troops crossed the river',
            stance: 'question',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross' }],
          },
        ],
      },
    ]);
    expect(contradictions).toEqual([]);
    expect(agreements).toEqual([]);
  });
});

describe('compareClaims: two speakers of one article', () => {
  const article = (claims: ArticleSpec['claims'], text: string): ArticleSpec => ({
    id: 'a1',
    outlet: 'Daily Courier',
    text,
    claims,
  });
  const overnight: ArticleSpec['claims'][number] = {
    source: 'New Delhi',
    content: 'Pakistani troops crossed into India overnight',
    events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'Pakistani troops', destination: 'India' }],
  };

  it("sets one side's account against the other side's denial in the same article, and explains it", () => {
    const { contradictions, agreements } = run([
      article(
        [
          overnight,
          {
            source: 'Islamabad',
            cue: 'denied',
            content: 'its troops had crossed into India',
            stance: 'deny',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'troops', destination: 'India' }],
          },
        ],
        'New Delhi said Pakistani troops crossed into India overnight. Islamabad denied its troops had crossed into India.',
      ),
    ]);
    expect(kinds(contradictions)).toEqual([['polarity', null]]);
    expect(contradictions[0]?.explanation).toBe(
      'New Delhi (Daily Courier) says Pakistani troops crossed into India overnight; Islamabad (Daily Courier) denies its troops had crossed into India.',
    );
    expect(agreements).toEqual([]);
  });

  it('finds a claimed crossing against a reported failed attempt, told by two speakers', () => {
    const { contradictions } = run([
      article(
        [
          {
            source: 'Rebel commanders',
            cue: 'claimed',
            content: 'to have crossed into Rajasthan at dawn',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', destination: 'Rajasthan' }],
          },
          {
            source: 'Border Police',
            content: 'an unsuccessful attempt to cross into Rajasthan was stopped at dawn',
            events: [{ event: 'V1', trigger: 'cross', lemma: 'cross', destination: 'Rajasthan' }],
          },
        ],
        'Rebel commanders claimed to have crossed into Rajasthan at dawn. Border Police said an unsuccessful attempt to cross into Rajasthan was stopped at dawn.',
      ),
    ]);
    expect(kinds(contradictions)).toEqual([['outcome', null]]);
    expect(contradictions[0]?.values).toEqual(['crossed', 'unsuccessful']);
  });

  it("does not set a speaker against the article's own voice, nor against a pronoun, nor against itself", () => {
    const { contradictions } = run([
      article(
        [
          overnight,
          {
            source: null,
            content: 'No troops crossed into India overnight',
            negated: true,
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', destination: 'India' }],
          },
          {
            source: 'He',
            speaker: null,
            cue: 'denied',
            content: 'troops crossed into India overnight',
            stance: 'deny',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', destination: 'India' }],
          },
          {
            source: 'New Delhi',
            cue: 'denied',
            content: 'troops crossed into India by day',
            stance: 'deny',
            events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', destination: 'India' }],
          },
        ],
        'New Delhi said Pakistani troops crossed into India overnight. No troops crossed into India overnight. He denied troops crossed into India overnight. New Delhi denied troops crossed into India by day.',
      ),
    ]);
    expect(contradictions).toEqual([]);
  });

  it('does not set a denial of something else against an account of the act', () => {
    const { contradictions } = run([
      article(
        [
          overnight,
          {
            source: 'Islamabad',
            cue: 'denied',
            content: 'accusations that it was behind the unrest in the capital',
            stance: 'deny',
            events: [{ event: 'V1', trigger: 'unrest', lemma: 'unrest' }],
          },
        ],
        'New Delhi said Pakistani troops crossed into India overnight. Islamabad denied accusations that it was behind the unrest in the capital.',
      ),
    ]);
    expect(contradictions).toEqual([]);
  });
});

describe('compareClaims: what an act is and whether it is told as real', () => {
  const pair = (left: ArticleSpec['claims'][number], right: ArticleSpec['claims'][number]) =>
    run([
      { id: 'a1', outlet: 'Daily Courier', text: `${left.source} said ${left.content}.`, claims: [left] },
      { id: 'b1', outlet: 'Evening Star', text: `${right.source} said ${right.content}.`, claims: [right] },
    ]);
  const account = {
    source: 'New Delhi',
    content: 'Pakistani troops crossed into India',
    events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'Pakistani troops', destination: 'India' }],
  };

  it('reads a negation only where it bears on the act', () => {
    const negatedNoun = pair(account, {
      source: 'Islamabad',
      content: 'neither the army nor Pakistani troops crossed into India',
      negated: true,
      events: [{ event: 'V1', trigger: 'crossed', lemma: 'cross', agent: 'Pakistani troops', destination: 'India' }],
    });
    expect(kinds(negatedNoun.contradictions)).toEqual([['polarity', null]]);
    const elsewhere = pair(account, {
      source: 'Islamabad',
      content: 'no official doubts that the crossing of Pakistani troops into India happened',
      negated: true,
      events: [{ event: 'V1', trigger: 'crossing', lemma: 'cross', agent: 'Pakistani troops', destination: 'India' }],
    });
    expect(elsewhere.contradictions).toEqual([]);
  });

  it('does not read an act under "if", after "should" or "plans to" as told', () => {
    for (const content of [
      'if Pakistani troops crossed into India there would be no talks',
      'Pakistani troops should never have crossed into India',
      'Pakistani troops plan to cross into India',
    ]) {
      const trigger = content.includes('cross ') ? 'cross' : 'crossed';
      const { contradictions } = pair(account, {
        source: 'Islamabad',
        content,
        negated: content.includes('never'),
        events: [{ event: 'V1', trigger, lemma: 'cross', agent: 'Pakistani troops', destination: 'India' }],
      });
      expect(contradictions, content).toEqual([]);
    }
  });

  it('needs more than a light verb and a shared name to call two claims one happening', () => {
    const { contradictions, agreements } = pair(
      {
        source: 'New Delhi',
        content: 'Pakistan made a statement on trade',
        events: [{ event: 'V1', trigger: 'made', lemma: 'make', agent: 'Pakistan' }],
      },
      {
        source: 'Islamabad',
        content: 'Pakistan did not make any offer on water',
        negated: true,
        events: [{ event: 'V1', trigger: 'make', lemma: 'make', agent: 'Pakistan' }],
      },
    );
    expect(contradictions).toEqual([]);
    expect(agreements).toEqual([]);
  });
});
