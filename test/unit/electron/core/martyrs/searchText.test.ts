import { describe, expect, it } from 'vitest';
import { bigramText, queryBigrams, searchText, spacedText } from '../../../../../electron/core/db/searchText';
import { matchExpression } from '../../../../../electron/core/martyrs/search';

describe('bigramText', () => {
  it.each([
    ['惠 民 县', '惠民 民县'],
    ['王', ''],
    ['', ''],
    ['第 9 纵 队', '纵队'],
    ['民 县 9 县 团', '民县 0 县团'],
    ['阿 卜 杜 拉 买 买 提', '阿卜 卜杜 杜拉 拉买 买买 买提'],
    ['a1 b2', ''],
    ['八 路 军 115 师 政 治 部', '八路 路军 0 师政 政治 治部'],
  ])('%s → %s', (spaced, expected) => {
    expect(bigramText(spaced)).toBe(expected);
  });

  it('bridges what spacing removed: a name with a middle dot', () => {
    expect(bigramText(spacedText('阿卜杜拉·买买提'))).toContain('拉买');
  });
});

describe('queryBigrams', () => {
  it.each([
    ['王 军', ['王军']],
    ['罗 文 华', ['罗文', '文华']],
    ['王', null],
    ['115 师', null],
    ['zhang', null],
    ['', null],
  ])('%s', (spaced, expected) => {
    expect(queryBigrams(spaced)).toEqual(expected);
  });
});

describe('the index entry of a record', () => {
  it('has each text column as characters and as bigrams', () => {
    const t = searchText({
      name: '张德胜', pinyin: 'zhangdesheng', pinyinSpaced: 'zhang de sheng', initials: 'zds', nativePlaceText: '山东省惠民县', deathPlaceText: '', burialPlace: '', cemetery: '',
      unitAndPost: '华东野战军第九纵队 排长', certificateNo: '民烈字第0123号', deeds: '', merits: '', remarks: '', deathCause: '',
    });
    expect(t.name).toBe('张 德 胜');
    expect(t.name2).toBe('张德 德胜');
    expect(t.place2).toBe('山东 东省 省惠 惠民 民县');
    expect(t.unit2).toContain('纵队 队排 排长');
    expect(t.cert).toBe('民 烈 字 第 0123 号');
    expect(t.cert2).toBe('民烈 烈字 字第');
    expect(t.pinyin).toBe('zhangdesheng zds zhang de sheng');
  });
});

describe('matchExpression', () => {
  it.each([
    ['德', '{name place unit cert deeds} : "德"'],
    ['王军', '{name2 place2 unit2 cert2 deeds2} : "王军"'],
    ['惠民县', '{name2 place2 unit2 cert2 deeds2} : "惠民 民县"'],
    ['ＺＤＳ', 'pinyin : zds*'],
    ['zhang de', 'pinyin : zhangde*'],
    ['0123', 'cert : "0123" *'],
    ['第9纵队', '{name place unit cert deeds} : "第 9 纵 队"'],
    ['  ', null],
  ])('%s', (query, expected) => {
    expect(matchExpression(query)).toBe(expected);
  });

  it('the name scope', () => {
    expect(matchExpression('王军', 'name')).toBe('name2 : "王军"');
    expect(matchExpression('王', 'name')).toBe('name : "王"');
  });
});
