import { describe, expect, it } from 'vitest';
import { cellDate, cellText, excelSerialToDate, looksLikeExcelSerial, normalizeText } from '../../../../../electron/core/imports/cells';

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe('normalizeText', () => {
  it.each([
    ['  张德胜\u3000', '张德胜'],
    ['\u3000\u3000', null],
    ['', null],
    ['\u200B李明\uFEFF', '李明'],
    ['１９４７年３月', '1947年3月'],
    ['１９４７．３', '1947.3'],
    ['1947－03－05', '1947-03-05'],
    ['ＡＢ部队', 'AB部队'],
    ['李　明', '李　明'],
    ['阿依古丽．买买提', '阿依古丽．买买提'],
    ['民国三十六年（1947）', '民国三十六年（1947）'],
    ['第一行\r\n第二行', '第一行\n第二行'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('Excel serial dates', () => {
  it('counts from 1900-01-01 and steps over Excel’s 29 February 1900', () => {
    expect(day(excelSerialToDate(1))).toBe('1900-01-01');
    expect(day(excelSerialToDate(59))).toBe('1900-02-28');
    expect(day(excelSerialToDate(61))).toBe('1900-03-01');
    expect(day(excelSerialToDate(17231))).toBe('1947-03-05');
    expect(day(excelSerialToDate(25569))).toBe('1970-01-01');
    expect(day(excelSerialToDate(17231.75))).toBe('1947-03-05');
  });

  it('knows the 1904 date system and refuses what is no date', () => {
    expect(day(excelSerialToDate(15769, true))).toBe('1947-03-05');
    expect(excelSerialToDate(0)).toBeNull();
    expect(excelSerialToDate(-5)).toBeNull();
    expect(excelSerialToDate(Number.NaN)).toBeNull();
    expect(excelSerialToDate(3_000_000)).toBeNull();
  });

  it('tells a serial from a year or a yyyymmdd number', () => {
    expect(looksLikeExcelSerial(17231)).toBe(true);
    expect(looksLikeExcelSerial(1947)).toBe(false);
    expect(looksLikeExcelSerial(194703)).toBe(false);
    expect(looksLikeExcelSerial(19470305)).toBe(false);
    expect(looksLikeExcelSerial(12)).toBe(false);
  });
});

describe('cellText and cellDate', () => {
  it('writes each kind of cell as a parser wants it', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('1947.3')).toBe('1947.3');
    expect(cellText(110105194901010010)).toBe('110105194901010000'); // precision Excel already lost
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(new Date(Date.UTC(1947, 2, 5)))).toBe('1947-03-05');
    expect(cellText(17231)).toBe('17231');
    expect(cellText(17231, { dateColumn: true })).toBe('1947-03-05');
    expect(cellText(1947, { dateColumn: true })).toBe('1947');
  });

  it('reads a date cell, or a plausible serial, as a date', () => {
    expect(day(cellDate(new Date(Date.UTC(1950, 0, 1))))).toBe('1950-01-01');
    expect(day(cellDate(17231))).toBe('1947-03-05');
    expect(cellDate(1947)).toBeNull();
    expect(cellDate('1947.3')).toBeNull();
  });
});
