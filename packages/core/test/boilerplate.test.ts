import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { blankRanges, findBoilerplate } from '@claimlens/core';
import { describe, expect, it } from 'vitest';
import { fixtureFolder } from './fixtures/input/make-bad-input.js';

describe('findBoilerplate', () => {
  it('finds every line of scraped page furniture in the fixture', async () => {
    const text = await readFile(path.join(fixtureFolder, 'boilerplate.txt'), 'utf8');
    const ranges = findBoilerplate(text);
    const covered = text
      .split('\n')
      .filter((line) => line.trim() && !ranges.some((r) => text.slice(r.start, r.end) === line.trim()));
    expect(covered).toEqual([]);
    const blanked = blankRanges(text, ranges);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.trim()).toBe('');
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('leaves news prose alone, including prose that starts like a promo', () => {
    const prose = [
      'The ministry said on Monday that troops had crossed the border.',
      'Watch officials said they would monitor the situation closely.',
      'Live fire exercises continued near the frontier, the army said.',
      'Reports said the error was corrected by Tuesday.',
      '"We have seen reports," the NATO chief said.',
    ].join('\n');
    expect(findBoilerplate(prose)).toEqual([]);
  });

  it('blanks placeholders inside a line without touching its prose', () => {
    const text = 'The minister said {{quote}} on Friday.\r\n';
    const ranges = findBoilerplate(text);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['{{quote}}']);
    expect(blankRanges(text, ranges)).toBe('The minister said           on Friday.\r\n');
  });

  it('keeps offsets with CR, CRLF and leading spaces', () => {
    const text = '  Skip to content\r\rThe army said so.\r\n  WATCH: Video of it\n';
    const ranges = findBoilerplate(text);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Skip to content', 'WATCH: Video of it']);
  });
});
