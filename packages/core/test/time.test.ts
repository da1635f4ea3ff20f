import { describe, expect, it } from 'vitest';
import { findClocks, findTimes, whenConflicts, whenOf } from '../src/index.js';
import { timeName } from '../src/time/when.js';

const values = (text: string) => findTimes(text).map((t) => t.value);

describe('the time reader', () => {
  it('reads written dates, and not words that start like a month or days a month does not have', () => {
    expect(values('on Mar 20 police said')).toEqual(['*-03-20']);
    expect(values('Published August 5th, 2014')).toEqual(['2014-08-05']);
    expect(values('on 12 March')).toEqual(['*-03-12']);
    expect(values('on Sept. 3, 2013')).toEqual(['2013-09-03']);
    expect(values('12 marines were hurt')).toEqual([]);
    expect(values('they decided 3 weeks ago')).toEqual([]);
    expect(values('Feb 30, 2014')).toEqual([]);
    expect(values('Feb 29, 2013')).toEqual([]);
    expect(values('Feb 29, 2012')).toEqual(['2012-02-29']);
    expect(values('you may 3 times')).toEqual([]);
  });

  it('reads weekdays and relative days against the article date, with one rule for each', () => {
    // 2013-09-16 was a Monday.
    expect(whenOf('weekday:5', '2013-09-16')).toEqual(whenOf('2013-09-13', null));
    expect(whenOf('rel:yesterday', '2013-09-16')).toEqual(whenOf('2013-09-15', null));
    expect(whenOf('rel:last night', '2013-09-16')).toEqual(whenOf('2013-09-15', null));
    expect(whenOf('rel:overnight', '2013-09-16')).toEqual(whenOf('2013-09-16', null));
    // A day of a month after the article's date is last year's.
    expect(whenOf('*-12-30', '2014-01-02')).toEqual(whenOf('2013-12-30', null));
    expect(whenOf('*-11-11', null)).toEqual({ kind: 'monthDay', month: 11, date: 11 });
  });

  it('tells days that cannot be one happening’s, and names them as a reader would', () => {
    const tuesday = whenOf(values('on Tuesday')[0], '2013-09-19');
    const wednesday = whenOf(values('on Wednesday')[0], '2013-09-19');
    const friday = whenOf(values('on Friday')[0], '2013-09-19');
    expect(whenConflicts(tuesday, wednesday)).toBe(false);
    expect(whenConflicts(tuesday, friday)).toBe(true);
    expect(friday && timeName(friday)).toBe('Friday, Sep 13');
    // The same day of the month written in an undated and a dated article is the same day.
    expect(whenConflicts(whenOf('*-11-11', null), whenOf('*-11-11', '2011-11-12'))).toBe(false);
  });

  it('reads clock times with their zones, and not figures that only look like times', () => {
    const clocks = findClocks('began at 11am IST, about 10:30 a.m. local time, and at 0530 GMT by noon');
    expect(clocks.map((c) => [c.text, c.minutes, c.offset])).toEqual([
      ['11am IST', 660, 330],
      ['10:30 a.m.', 630, null],
      ['noon', 720, null],
    ]);
    expect(findClocks('10 amendments, 7.5 magnitude, 15.5 points, 3 hours')).toEqual([]);
    expect(findClocks('at 2:30 p.m. (GMT)').map((c) => [c.minutes, c.offset])).toEqual([[870, 0]]);
    // Time stamps of the page are not times of what it tells.
    expect(findClocks('Published on: Fri, 11 Nov 2011 at 09:56 IST')).toEqual([]);
    expect(findClocks('Updated 4/9/2007 6:04 PM')).toEqual([]);
  });
});
