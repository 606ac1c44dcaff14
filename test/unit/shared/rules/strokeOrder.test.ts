import cnchar from 'cnchar';
import order from 'cnchar-order';
import { describe, expect, it } from 'vitest';
import {
  charSortKey,
  compareNames,
  sortKey,
  STROKE_NAME_CLASS,
  strokeClasses,
  strokeCount,
} from '../../../../shared/rules/strokeOrder';

const extB = '\u{20000}'; // 𠀀, no stroke data

/** Mainland (GB13000.1) counts; traditional forms differ for several (黃 12, 呂 7, 馬 10, 葉 15, 郭 10). */
const SURNAME_COUNTS: [string, number][] = [
  ['丁', 2], ['卜', 2], ['刁', 2], ['马', 3], ['于', 3], ['万', 3], ['王', 4], ['方', 4], ['毛', 4],
  ['孔', 4], ['尹', 4], ['韦', 4], ['邓', 4], ['叶', 5], ['卢', 5], ['付', 5], ['龙', 5], ['田', 5],
  ['史', 5], ['石', 5], ['白', 5], ['冯', 5], ['刘', 6], ['吕', 6], ['孙', 6], ['朱', 6], ['许', 6],
  ['江', 6], ['闫', 6], ['汤', 6], ['向', 6], ['任', 6], ['阳', 6], ['李', 7], ['张', 7], ['陈', 7],
  ['杨', 7], ['吴', 7], ['何', 7], ['宋', 7], ['肖', 7], ['余', 7], ['杜', 7], ['苏', 7], ['沈', 7],
  ['陆', 7], ['汪', 7], ['邹', 7], ['邱', 7], ['邵', 7], ['严', 7], ['周', 8], ['林', 8], ['罗', 8],
  ['郑', 8], ['范', 8], ['金', 8], ['孟', 8], ['武', 8], ['欧', 8], ['赵', 9], ['胡', 9], ['姚', 9],
  ['姜', 9], ['钟', 9], ['段', 9], ['侯', 9], ['贺', 9], ['郝', 9], ['郭', 10], ['徐', 10], ['高', 10],
  ['唐', 10], ['袁', 10], ['贾', 10], ['夏', 10], ['秦', 10], ['陶', 10], ['顾', 10], ['钱', 10],
  ['莫', 10], ['诸', 10], ['黄', 11], ['梁', 11], ['曹', 11], ['崔', 11], ['龚', 11], ['谢', 12],
  ['韩', 12], ['彭', 12], ['曾', 12], ['董', 12], ['蒋', 12], ['程', 12], ['覃', 12], ['葛', 12],
  ['雷', 13], ['蔡', 14], ['谭', 14], ['廖', 14], ['熊', 14], ['潘', 15], ['黎', 15], ['薛', 16],
  ['魏', 17], ['戴', 17],
];

describe('strokeCount — mainland counts of surnames', () => {
  it.each(SURNAME_COUNTS)('%s has %i strokes (and cnchar agrees)', (char, count) => {
    expect(strokeCount(char)).toBe(count);
    expect(cnchar.stroke(char)).toBe(count);
  });

  it.each([extB, '黃', 'a', '·', '', '王五', '\uD800', '😀'])('no data: %j → 0', (char) => {
    expect(strokeCount(char)).toBe(0);
  });

  it('equals cnchar.stroke for every character of cnchar-order', () => {
    const orders = (order.dict as { orders: Record<string, string> }).orders;
    const chars = Object.keys(orders);
    expect(chars.length).toBeGreaterThan(6900);
    const mismatches = chars.filter((c) => strokeCount(c) !== cnchar.stroke(c));
    expect(mismatches).toEqual([]);
  });
});

describe('stroke classes 横1 竖2 撇3 点4 折5', () => {
  it.each([
    ['丁', '12'], ['卜', '24'], ['刁', '51'], ['七', '15'], ['九', '35'], ['了', '52'], ['又', '54'],
    ['心', '4544'], ['火', '4334'], ['江', '441121'], ['冰', '412534'], ['女', '531'], ['长', '3154'],
    ['以', '5434'], ['王', '1121'], ['马', '551'], ['乃', '53'], ['凸', '21251'],
  ])('%s → %s', (char, classes) => {
    expect(strokeClasses(char)).toBe(classes);
  });

  it('maps every stroke name cnchar-order can produce (alternatives agree)', () => {
    const table = (order.dict as { strokeTable: Record<string, { name: string }> }).strokeTable;
    const names = Object.values(table).map((entry) => entry.name);
    expect(names.length).toBeGreaterThanOrEqual(26);
    for (const name of names) {
      const classes = name.split('|').map((alternative) => STROKE_NAME_CLASS[alternative]);
      expect(classes, name).not.toContain(undefined);
      expect(new Set(classes).size, name).toBe(1);
    }
  });
});

describe('charSortKey', () => {
  it.each([
    ['丁', '021204E01'],
    ['王', '0411210738B'],
    ['一', '01104E00'],
    [extB, '9920000'],
    ['黃', '9909EC3'],
  ])('%s → %s', (char, key) => {
    expect(charSortKey(char)).toBe(key);
  });
});

describe('sortKey', () => {
  it.each([
    ['', 'fullName', ''],
    ['', 'surname', ''],
    ['abc', 'surname', ''],
    ['王五', 'fullName', charSortKey('王') + charSortKey('五')],
    ['王五', 'surname', charSortKey('王') + '-00' + charSortKey('五')],
    ['王一明', 'surname', charSortKey('王') + '-' + charSortKey('一') + charSortKey('明')],
    ['欧阳修', 'surname', charSortKey('欧') + charSortKey('阳') + '-00' + charSortKey('修')],
    ['王', 'surname', charSortKey('王') + '-'],
    [' 王 五 ', 'surname', charSortKey('王') + '-00' + charSortKey('五')],
    ['a王b五', 'surname', charSortKey('王') + '-00' + charSortKey('五')],
    ['阿依·买买提', 'surname', ['阿', '依', '买', '买', '提'].map(charSortKey).join('')],
    ['阿依•买买提', 'fullName', ['阿', '依', '买', '买', '提'].map(charSortKey).join('')],
  ] as const)('%j (%s)', (name, convention, key) => {
    expect(sortKey(name, convention)).toBe(key);
  });
});

const sorted = (names: string[], convention: 'surname' | 'fullName'): string[] =>
  [...names].sort((a, b) => compareNames(a, b, convention));

describe('compareNames — name lists', () => {
  it.each([
    [
      'two-stroke characters: count, then 横竖撇点折, then code point',
      ['刁', '卜', '丁', '力', '刀', '乃', '人', '八', '又', '了', '九', '七'],
      ['丁', '七', '卜', '人', '八', '九', '刁', '了', '乃', '刀', '力', '又'],
      ['丁', '七', '卜', '人', '八', '九', '刁', '了', '乃', '刀', '力', '又'],
    ],
    [
      'the 王 family: a one-character given name is a blank slot only in 姓氏笔画',
      ['王一明', '王五', '王二小', '王力', '王', '王小二'],
      ['王', '王力', '王五', '王一明', '王二小', '王小二'],
      ['王', '王一明', '王二小', '王力', '王小二', '王五'],
    ],
    [
      '欧 and 欧阳: every 欧 before any 欧阳 in 姓氏笔画',
      ['欧阳修', '欧明', '欧阳', '欧大明'],
      ['欧阳', '欧明', '欧大明', '欧阳修'],
      ['欧大明', '欧阳', '欧阳修', '欧明'],
    ],
    [
      'martyrs',
      ['雷锋', '黄继光', '邱少云', '董存瑞', '刘胡兰', '杨靖宇', '赵一曼', '张思德', '方志敏', '江竹筠', '左权', '吉鸿昌', '王二小'],
      ['王二小', '方志敏', '左权', '吉鸿昌', '刘胡兰', '江竹筠', '杨靖宇', '邱少云', '张思德', '赵一曼', '黄继光', '董存瑞', '雷锋'],
      ['王二小', '方志敏', '左权', '吉鸿昌', '刘胡兰', '江竹筠', '杨靖宇', '邱少云', '张思德', '赵一曼', '黄继光', '董存瑞', '雷锋'],
    ],
    [
      'unknown characters sort after known ones; empty first',
      [`${extB}明`, '王明', '', `王${extB}`, '王'],
      ['', '王', '王明', `王${extB}`, `${extB}明`],
      ['', '王', '王明', `王${extB}`, `${extB}明`],
    ],
  ])('%s', (_label, names, bySurname, byFullName) => {
    expect(sorted(names, 'surname')).toEqual(bySurname);
    expect(sorted(names, 'fullName')).toEqual(byFullName);
  });

  it('is a total order: equal keys fall back to the text, identical names compare 0', () => {
    expect(compareNames('王五', '王五', 'surname')).toBe(0);
    expect(compareNames('王五a', '王五', 'fullName')).toBe(1);
    expect(compareNames('王五', '王五a', 'fullName')).toBe(-1);
  });
});

describe('never throws', () => {
  it.each(['\uD800', '·', '····', '😀', 'x'.repeat(100_000), '\u{10FFFF}', undefined as unknown as string])('%#', (input) => {
    expect(() => sortKey(input, 'surname')).not.toThrow();
    expect(() => sortKey(input, 'fullName')).not.toThrow();
    expect(() => compareNames(input, '王', 'surname')).not.toThrow();
    expect(() => strokeCount(input)).not.toThrow();
    expect(() => charSortKey(input)).not.toThrow();
  });
});
