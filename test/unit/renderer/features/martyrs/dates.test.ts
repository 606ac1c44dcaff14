import { describe, expect, it } from 'vitest';
import { readDate, suggestPeriod } from '../../../../../renderer/src/features/martyrs/record/dates';

describe('dates as written, read as you type', () => {
  it('shows what a date was read as, with its range', () => {
    expect(readDate('1947年春')).toMatchObject({ kind: 'ok', text: '1947年春', from: '1947-03-01', to: '1947-05-31' });
    expect(readDate('民国三十六年')).toMatchObject({ kind: 'ok', text: '1947年', from: '1947-01-01', to: '1947-12-31' });
    expect(readDate('约1938年')).toMatchObject({ kind: 'ok', text: '约1938年' });
    expect(readDate('1938年以前')).toMatchObject({ kind: 'ok', from: '…', to: '1938-12-31' });
    expect(readDate('1938年以后')).toMatchObject({ kind: 'ok', from: '1938-01-01', to: '…' });
    expect(readDate('  ')).toEqual({ kind: 'empty' });
    const bad = readDate('1947年13月');
    expect(bad.kind).toBe('bad');
    if (bad.kind === 'bad') expect(bad.reason.zh).toMatch(/13/);
  });

  it('suggests the one period a date of death lies in, and nothing when it is ambiguous', () => {
    expect(suggestPeriod('1943-09-01', '1943-11-30')).toBe('anti_japanese');
    expect(suggestPeriod('1947-03-01', '1947-03-10')).toBe('liberation');
    expect(suggestPeriod('1934-01-01', '1934-12-31')).toBe('agrarian_revolution');
    expect(suggestPeriod('1926-01-01', '1926-12-31')).toBe('first_civil_war');
    expect(suggestPeriod('1962-01-01', '1962-12-31')).toBe('construction');
    expect(suggestPeriod('1979-02-17', '1979-03-16')).toBe('new_era');
    // 1937 and 1949 each span two periods; 1951 may be Korea or home.
    expect(suggestPeriod('1937-01-01', '1937-12-31')).toBeNull();
    expect(suggestPeriod('1949-01-01', '1949-12-31')).toBeNull();
    expect(suggestPeriod('1951-01-01', '1951-12-31')).toBeNull();
    expect(suggestPeriod('1900-01-01', '1900-12-31')).toBeNull();
    expect(suggestPeriod('', '')).toBeNull();
  });
});
