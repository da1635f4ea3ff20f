import { createAnnotator, lemmatize } from '@claimlens/annotator';
import { describe, expect, it } from 'vitest';

const annotator = createAnnotator();
const eventsOf = (text: string) => annotator.annotate(text).events;
const find = (text: string, trigger: string) => {
  const event = eventsOf(text).find((e) => e.trigger.text === trigger);
  if (!event) throw new Error(`Expected an event mention "${trigger}" in: ${text}`);
  return event;
};

describe('lemmatize', () => {
  it('gives dictionary forms of regular and irregular words', () => {
    expect(
      ['crossed', 'seized', 'went', 'casualties', 'captured', 'fled', 'arrested', 'struck'].map((w) => lemmatize(w)),
    ).toEqual(['cross', 'seize', 'go', 'casualty', 'capture', 'flee', 'arrest', 'strike']);
  });
});

describe('tagEvents', () => {
  it('tags verbal and nominal mentions with a coarse type and lemma', () => {
    const text =
      'Soldiers crossed the river at dawn. The incursion followed days of shelling, and the army seized two villages.';
    const events = eventsOf(text);
    const byTrigger = new Map(events.map((e) => [e.trigger.text, e]));
    expect(byTrigger.get('crossed')).toMatchObject({ lemma: 'cross', type: 'movement' });
    expect(byTrigger.get('incursion')).toMatchObject({ type: 'movement' });
    expect(byTrigger.get('shelling')).toMatchObject({ lemma: 'shell', type: 'attack' });
    expect(byTrigger.get('seized')).toMatchObject({ lemma: 'seize', type: 'seizure' });
    for (const e of events) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
  });

  it('finds agent, destination, quantity and time', () => {
    const text = 'At least 300 soldiers crossed from Northland into Southland on Friday, officials said.';
    const crossed = find(text, 'crossed');
    expect(crossed.arguments.agent?.text).toContain('soldiers');
    expect(crossed.arguments.origin?.text).toBe('Northland');
    expect(crossed.arguments.destination?.text).toBe('Southland');
    expect(crossed.arguments.time?.text).toContain('Friday');
    expect(crossed.arguments.quantity?.text).toBe('At least 300 soldiers');
    expect(find(text, 'said').type).toBe('statement');
  });

  it('reads dates and counted things and the patient of a verb', () => {
    const text = 'Rebels captured two armored vehicles near the border on April 16.';
    const captured = find(text, 'captured');
    expect(captured.arguments.agent?.text).toBe('Rebels');
    expect(captured.arguments.patient?.text).toContain('armored vehicles');
    expect(captured.arguments.quantity?.text).toBe('two armored vehicles');
    expect(captured.arguments.time?.text).toBe('April 16');
    expect(captured.arguments.timeValue).toBe('*-04-16');
  });

  it('reads the subject before a time as the agent, not the time', () => {
    const seized = find('Separatists on April 16 seized the town hall in Riverton.', 'seized');
    expect(seized.arguments.agent?.text).toBe('Separatists');
    expect(seized.arguments.timeValue).toBe('*-04-16');
    expect(find('The gunmen on Friday stormed the station.', 'stormed').arguments.agent?.text).toBe('gunmen');
  });

  it('reads the agent of a passive verb from "by"', () => {
    const arrested = find('The protesters were arrested by police in the capital.', 'arrested');
    expect(arrested.type).toBe('arrest');
    expect(arrested.arguments.agent?.text).toBe('police');
    expect(arrested.arguments.patient?.text).toBe('protesters');
  });

  it('finds nouns that name a happening in general English, and not nouns of things', () => {
    const text = 'A landslide buried the road, and the burglary of the office went unnoticed for a week.';
    expect(find(text, 'landslide').lemma).toBe('landslide');
    expect(find(text, 'burglary').lemma).toBe('burgle');
    const triggers = eventsOf('The committee keeps a table and two chairs in the office.').map((e) => e.trigger.text);
    expect(triggers).not.toContain('table');
    expect(triggers).not.toContain('chairs');
    expect(triggers).not.toContain('office');
  });

  it('reads a two-word verb as one mention, its object or particle no event of its own', () => {
    const text = 'Gunmen opened fire on the crowd before a blaze broke out in the market.';
    const triggers = eventsOf(text).map((e) => e.trigger.text);
    expect(triggers).toEqual(expect.arrayContaining(['opened fire', 'broke out', 'blaze']));
    expect(triggers).not.toContain('fire');
    expect(find(text, 'opened fire')).toMatchObject({ lemma: 'open', verbal: true });
    expect(find(text, 'opened fire').arguments.agent?.text).toBe('Gunmen');
    expect(find(text, 'broke out').lemma).toBe('break');
    expect(find('The minister wrote on the agency website that talks had failed.', 'wrote').lemma).toBe('write');
  });

  it('finds a light verb and the event noun it carries', () => {
    const text = 'Rebels carried out an attack on the base, and police made an arrest.';
    expect(find(text, 'carried out').arguments.patient?.text).toBe('attack');
    expect(find(text, 'attack')).toMatchObject({ lemma: 'attack', type: 'attack' });
    expect(find(text, 'made').lemma).toBe('make');
    expect(find(text, 'arrest')).toMatchObject({ lemma: 'arrest', type: 'arrest' });
  });

  it('reads headlines in title case', () => {
    const events = eventsOf('Woman Killed In Crash, Driver Charged');
    expect(events.map((e) => e.lemma)).toEqual(expect.arrayContaining(['kill', 'crash', 'charge']));
  });

  it('links an event mention to the claim whose content holds it', () => {
    const annotation = annotator.annotate('The ministry said that troops crossed the border on Friday.');
    const crossed = annotation.events.find((e) => e.trigger.text === 'crossed');
    const holding = annotation.claims.filter(
      (c) => c.content.start <= (crossed?.trigger.start ?? -1) && (crossed?.trigger.end ?? Infinity) <= c.content.end,
    );
    expect(crossed?.claims).toEqual(holding.map((c) => c.id));
  });
});
