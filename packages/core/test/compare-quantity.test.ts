import { describe, expect, it } from 'vitest';
import { compareQuantities, parseQuantities } from '../src/index.js';

function parse(text: string) {
  return parseQuantities(text).map((q) => ({
    low: q.low,
    high: q.high,
    phrase: q.phrase,
    unit: q.unit,
    unitClass: q.unitClass,
  }));
}

describe('parseQuantities', () => {
  it('reads digits, number words and scales', () => {
    expect(parse('438 soldiers crossed')).toEqual([
      { low: 438, high: 438, phrase: '438 soldiers', unit: 'soldier', unitClass: 'person' },
    ]);
    expect(parse('some two hundred and fifty people')[0]).toMatchObject({ low: 225, high: 275, unit: 'people' });
    expect(parse('twenty-five trucks')[0]).toMatchObject({ low: 25, high: 25, unit: 'truck', unitClass: 'vehicle' });
    expect(parse('1,200 residents fled')[0]).toMatchObject({ low: 1200, high: 1200 });
    expect(parse('3 million refugees')[0]).toMatchObject({ low: 3e6, high: 3e6 });
  });

  it('reads modifiers, ranges and vague amounts', () => {
    expect(parse('at least 300 troops')[0]).toMatchObject({
      low: 300,
      high: Number.POSITIVE_INFINITY,
      phrase: 'at least 300 troops',
    });
    expect(parse('more than 40 vehicles')[0]).toMatchObject({ low: 41, high: Number.POSITIVE_INFINITY });
    expect(parse('fewer than ten civilians')[0]).toMatchObject({ low: 0, high: 9 });
    expect(parse('between 5 and 10 boats')[0]).toMatchObject({ low: 5, high: 10, unit: 'boat' });
    expect(parse('15-20 fighters')[0]).toMatchObject({ low: 15, high: 20 });
    expect(parse('two or three tanks')[0]).toMatchObject({ low: 2, high: 3 });
    expect(parse('dozens of armed men')[0]).toMatchObject({ low: 24, high: 120, unitClass: 'person' });
    expect(parse('a dozen officers')[0]).toMatchObject({ low: 12, high: 12 });
    expect(parse('hundreds of Ukrainians')[0]).toMatchObject({ low: 200, high: 999, unitClass: 'person' });
    expect(parse('about 40 trucks')[0]).toMatchObject({ low: 36, high: 44 });
  });

  it('reads ages as ages, never as counts', () => {
    expect(parse('Rand Oller, 52, and Tess Vian, 44, were arrested').map((q) => q.unitClass)).toEqual(['age', 'age']);
    expect(parse('a 36-year-old climber fell')[0]).toMatchObject({ low: 36, unitClass: 'age' });
    expect(parse('the man, aged 44, was held')[0]).toMatchObject({ low: 44, unitClass: 'age' });
    expect(parse('In Arvel, 12 people died')[0]).toMatchObject({ low: 12, unitClass: 'person' });
  });

  it('leaves out dates, times, years and ordinals', () => {
    expect(parse('On April 16 in 2014, at 10:30, the 2nd unit moved; talks on 17 May')).toEqual([]);
    expect(parse('one of them said')).toEqual([]);
    expect(parse('a man fired an AK-47 rifle')).toEqual([]);
  });

  it('reads "no one was hurt" and "no casualties" as counts of none, typed by what befell them', () => {
    expect(parseQuantities('no one was hurt, one of them said')).toMatchObject([
      { low: 0, high: 0, counted: 'injured' },
    ]);
    expect(parseQuantities('There were no casualties.')).toMatchObject([{ low: 0, high: 0, counted: 'casualty' }]);
  });

  it('types counts by what befell those counted, and by where they were counted', () => {
    const [dead, injured] = parseQuantities('the blast killed 12 people and injured 30 others');
    expect(dead).toMatchObject({ low: 12, counted: 'dead' });
    expect(injured).toMatchObject({ low: 30, counted: 'injured' });
    expect(parseQuantities('12 people were killed in the Arvel district')[0]).toMatchObject({
      counted: 'dead',
      scope: { kind: 'part', name: 'arvel' },
    });
    expect(parseQuantities('he got seven life sentences')[0]).toMatchObject({ unit: 'sentence', counted: null });
    expect(parseQuantities('the crash claimed 12 lives')[0]).toMatchObject({ counted: 'dead' });
    expect(parseQuantities('a death toll of 40')[0]).toMatchObject({ counted: 'dead' });
    expect(parseQuantities('saved from a death sentence by three jurors')[0]).toMatchObject({ counted: null });
    expect(parseQuantities('40 people died nationwide')[0]).toMatchObject({
      counted: 'dead',
      scope: { kind: 'whole' },
    });
  });

  it('reads lengths, depths, speeds, durations, sums and magnitudes in one unit each', () => {
    expect(parseQuantities('150 nautical miles west of the port')[0]).toMatchObject({
      low: 277_800,
      unit: 'm',
      unitClass: 'distance',
    });
    expect(parseQuantities('fell about 200m down a gully')[0]).toMatchObject({
      low: 180,
      high: 221,
      unitClass: 'distance',
    });
    expect(parseQuantities('at a depth of 10 km')[0]).toMatchObject({ low: 10_000, unitClass: 'depth' });
    expect(parseQuantities('speeds up to 120 mph')[0]).toMatchObject({ unitClass: 'speed', unit: 'm/s' });
    expect(parseQuantities('for two hours')[0]).toMatchObject({ low: 7200, unitClass: 'duration' });
    expect(parseQuantities('a deal worth nearly $80 million')[0]).toMatchObject({
      low: 72e6,
      high: 80e6,
      unit: 'USD',
      unitClass: 'money',
      phrase: 'nearly $80 million',
    });
    expect(parseQuantities('€75m of crude')[0]).toMatchObject({ low: 75e6, unit: 'EUR' });
    expect(parseQuantities('a 7.5-magnitude quake')[0]).toMatchObject({ low: 7.5, unitClass: 'magnitude' });
  });
});

describe('compareQuantities', () => {
  const q = (text: string) => {
    const found = parseQuantities(text)[0];
    if (!found) throw new Error(`Expected a count in ${text}`);
    return found;
  };
  it('tells same, compatible and incompatible counts apart', () => {
    expect(compareQuantities(q('438 troops'), q('438 troops'))).toBe('same');
    expect(compareQuantities(q('about 40 trucks'), q('40 trucks'))).toBe('same');
    expect(compareQuantities(q('at least 300 troops'), q('438 troops'))).toBe('compatible');
    expect(compareQuantities(q('dozens of men'), q('60 men'))).toBe('compatible');
    expect(compareQuantities(q('six vehicles'), q('2 vehicles'))).toBe('incompatible');
    expect(compareQuantities(q('more than 500 people'), q('300 people'))).toBe('incompatible');
  });

  it('takes a figure and its conversion as one, and sums in two currencies as able to hold', () => {
    expect(compareQuantities(q('about 60 metres'), q('200 feet'))).toBe('same');
    expect(compareQuantities(q('150 metres'), q('60 metres'))).toBe('incompatible');
    expect(compareQuantities(q('a magnitude 7.5 quake'), q('a magnitude 7.3 quake'))).toBe('incompatible');
    expect(compareQuantities(q('€75m of oil'), q('$100 million of oil'))).toBe('compatible');
  });

  it('sets "12 killed" against "no casualties", and a district toll beside the national one as able to hold', () => {
    expect(compareQuantities(q('12 people were killed'), q('there were no casualties'))).toBe('incompatible');
    expect(compareQuantities(q('30 casualties were reported'), q('12 people were killed'))).toBe('compatible');
    expect(compareQuantities(q('12 people died in the Arvel district'), q('40 people died nationwide'))).toBe(
      'compatible',
    );
    expect(
      compareQuantities(q('12 people died in the Arvel district'), q('40 people died in the Arvel district')),
    ).toBe('incompatible');
  });
});
