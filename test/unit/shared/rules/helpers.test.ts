import { describe, expect, it } from 'vitest';
import {
  clip,
  codePointLabel,
  codePoints,
  daysInMonth,
  isLeapYear,
  isoDate,
  isRealDate,
  localToday,
  parseIsoDate,
  toHalfWidth,
} from '../../../../shared/rules/helpers';

describe('toHalfWidth', () => {
  it.each([
    ['１２３', '123'],
    ['ＡｂＸｘ', 'AbXx'],
    ['１９４７年', '1947年'],
    ['abc', 'abc'],
    ['．／－', '．／－'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(toHalfWidth(input)).toBe(output);
  });
});

describe('calendar', () => {
  it.each([
    [1900, 2, 28, false],
    [2000, 2, 29, true],
    [1948, 2, 29, true],
    [1947, 2, 28, false],
    [1947, 4, 30, false],
    [1947, 12, 31, false],
    [1947, 13, 0, false],
    [1947, 0, 0, false],
  ])('%i-%i has %i days (leap %s)', (year, month, days, leap) => {
    expect(daysInMonth(year, month)).toBe(days);
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    ['1949-12-31', { year: 1949, month: 12, day: 31 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1900-02-29', null],
    ['1949-13-01', null],
    ['1949-1-1', null],
    ['', null],
  ])('parseIsoDate(%j)', (input, parsed) => {
    expect(parseIsoDate(input)).toEqual(parsed);
    if (parsed) {
      expect(isRealDate(parsed.year, parsed.month, parsed.day)).toBe(true);
      expect(isoDate(parsed.year, parsed.month, parsed.day)).toBe(input);
    }
  });

  it('localToday is a real ISO date', () => {
    expect(parseIsoDate(localToday())).not.toBeNull();
  });
});

describe('code points', () => {
  it.each([
    ['张三', 2, 'U+5F20'],
    ['\u{20000}明', 2, 'U+20000'],
    ['a', 1, 'U+0061'],
  ])('%j', (input, count, label) => {
    expect(codePoints(input)).toHaveLength(count);
    expect(codePointLabel(input)).toBe(label);
  });

  it('clip keeps short text and shortens long text by code points', () => {
    expect(clip('短')).toBe('短');
    expect(clip('\u{20000}'.repeat(50), 3)).toBe('\u{20000}'.repeat(3) + '…');
  });
});
