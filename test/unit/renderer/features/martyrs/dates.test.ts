import { describe, expect, it } from 'vitest';
import { readDate } from '../../../../../renderer/src/features/martyrs/record/dates';

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

});
