import { describe, expect, it } from 'vitest';
import { detectHeader, headerSignature, isBlankRow, isHeaderRepeat, isTotalRow, normalizeHeader, suggestMapping, type ExpectedHeader } from '../../../../../electron/core/imports/header';
import type { Cell } from '../../../../../electron/core/imports/cells';

const expected: ExpectedHeader[] = [
  { key: 'name', aliases: ['姓名', '烈士姓名'] },
  { key: 'gender', aliases: ['性别'] },
  { key: 'birth', aliases: ['出生年月', '出生日期', '出生'] },
  { key: 'joined', aliases: ['入伍时间', '参军时间', '参加革命时间'] },
  { key: 'died', aliases: ['牺牲时间', '牺牲日期'] },
  { key: 'place', aliases: ['牺牲地点'] },
  { key: 'time', aliases: ['时间'] },
];

describe('normalizeHeader', () => {
  it.each([
    ['姓 名', '姓名'],
    ['姓名\n(必填)', '姓名'],
    ['姓名（必填）', '姓名'],
    ['*姓名：', '姓名'],
    ['【选填】备注', '备注'],
    ['出生日期\n（年月日）', '出生日期'],
    ['ＩＤ', 'id'],
    ['（备注）', '备注'],
  ])('%j → %j', (raw, out) => {
    expect(normalizeHeader(raw)).toBe(out);
  });
});

describe('suggestMapping', () => {
  it('matches exactly first, then by the longest alias the header contains', () => {
    const { mapping, matched, exact } = suggestMapping(['序号', '烈士姓名', '性 别', '出生年月\n(农历)', '牺牲时间', '牺牲地点', '备注'], expected);
    expect(mapping).toEqual({ 1: 'name', 2: 'gender', 3: 'birth', 4: 'died', 5: 'place' });
    expect(matched).toBe(5);
    expect(exact).toBe(5);
  });

  it('gives each key one column and each column one key', () => {
    const { mapping } = suggestMapping(['姓名', '姓名', '时间', '部队时间'], expected);
    expect(mapping).toEqual({ 0: 'name', 2: 'time' });
  });

  it('never maps the error workbook’s reason column', () => {
    expect(suggestMapping(['姓名', '错误原因'], [...expected, { key: 'reason', aliases: ['原因'] }]).mapping).toEqual({ 0: 'name' });
  });
});

describe('detectHeader', () => {
  const title = '某县烈士英名录';
  const rows: Cell[][] = [
    Array(8).fill(title),
    [],
    ['填报单位：某县退役军人事务局', null, null, null, '填报日期：2026年11月'],
    ['序号', '姓 名', '性别', '出生年月', '籍贯', '入伍时间\n(年月)', '牺牲时间', '备注'],
    [1, '张德胜', '男', '1920.5', '山东省惠民县', 14000, new Date(Date.UTC(1940, 5, 1)), null],
  ];

  it('finds the header below a merged title, a blank row and a note line', () => {
    expect(detectHeader(rows, expected)).toEqual({ headerRow: 3, mapping: { 1: 'name', 2: 'gender', 3: 'birth', 5: 'joined', 6: 'died' }, matched: 5, exact: 5 });
  });

  it('falls back to the first row with two different texts when nothing matches', () => {
    const r = detectHeader(rows, [{ key: 'x', aliases: ['没有这一列'] }]);
    expect(r.headerRow).toBe(2);
    expect(r.mapping).toEqual({});
  });

  it('says null for a sheet of blank rows', () => {
    expect(detectHeader([[], [null, '  ']], expected).headerRow).toBeNull();
  });
});

describe('blank and total rows', () => {
  it.each([
    [['合计', '合计', '3人'], true],
    [[null, '合 计：', 3], true],
    [['总计'], true],
    [['小计（城关镇）', null, 12], true],
    [['共 120 人'], true],
    [['Total', 12], true],
    [['合肥市', '张三'], false],
    [[1, '合计'], false],
    [['张德胜', '合计三次立功'], false],
    [[], false],
  ] as [Cell[], boolean][])('%j → %s', (row, total) => {
    expect(isTotalRow(row)).toBe(total);
  });

  it('blank means every cell empty', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, null])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
  });
});

describe('headerSignature', () => {
  it('is the same for the same layout written a little differently', () => {
    const a = headerSignature(['序号', '姓 名', '出生年月']);
    expect(headerSignature(['序号', '姓名', '出生年月', null, null])).toBe(a);
    expect(headerSignature(['序号', '姓名', '出生年月', null, '错误原因'])).toBe(a);
    expect(headerSignature(['序号', '姓名', '出生年月', '错误原因'])).toBe(a);
  });

  it('differs when the columns differ or move', () => {
    const a = headerSignature(['序号', '姓名', '出生年月']);
    expect(headerSignature(['姓名', '序号', '出生年月'])).not.toBe(a);
    expect(headerSignature(['序号', '姓名', '出生年月', '籍贯'])).not.toBe(a);
    expect(headerSignature(['序号', '姓名', '出生年月(必填)'])).not.toBe(a);
  });
});

describe('isHeaderRepeat', () => {
  it('knows the header repeated on a later page, however it is spaced', () => {
    const header = ['序号', '姓 名', '性别', null];
    expect(isHeaderRepeat(['序号', '姓名', '性别'], header)).toBe(true);
    expect(isHeaderRepeat(['序号', '姓名', '性别', '备注'], header)).toBe(false);
    expect(isHeaderRepeat([1, '姓名', '男'], header)).toBe(false);
    expect(isHeaderRepeat(['姓名'], ['姓名'])).toBe(false); // one cell is no evidence
  });
});
