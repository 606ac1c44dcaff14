import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { normalizePersonName } from '../../../../shared/rules/personName';
import { nameToPinyin, textToPinyin } from '../../../../shared/rules/pinyin';

describe('nameToPinyin (surname readings)', () => {
  it.each([
    ['张三', 'zhangsan', 'zhang san', 'zs'],
    ['单雄信', 'shanxiongxin', 'shan xiong xin', 'sxx'],
    ['曾国藩', 'zengguofan', 'zeng guo fan', 'zgf'],
    ['解缙', 'xiejin', 'xie jin', 'xj'],
    ['仇英', 'qiuying', 'qiu ying', 'qy'],
    ['区寄', 'ouji', 'ou ji', 'oj'],
    ['朴树', 'piaoshu', 'piao shu', 'ps'],
    ['查良镛', 'zhaliangyong', 'zha liang yong', 'zly'],
    ['尉迟恭', 'yuchigong', 'yu chi gong', 'ycg'],
    ['万俟卨', 'moqixie', 'mo qi xie', 'mqx'],
    ['欧阳修', 'ouyangxiu', 'ou yang xiu', 'oyx'],
    ['长孙无忌', 'zhangsunwuji', 'zhang sun wu ji', 'zswj'],
    ['澹台灭明', 'tantaimieming', 'tan tai mie ming', 'ttmm'],
    ['吕布', 'lvbu', 'lü bu', 'lb'],
    ['女娲', 'nvwa', 'nü wa', 'nw'],
    ['王 五', 'wangwu', 'wang wu', 'ww'],
    ['阿依古丽·买买提', 'ayigulimaimaiti', 'a yi gu li mai mai ti', 'ayglmmt'],
    ['阿依古丽•买买提', 'ayigulimaimaiti', 'a yi gu li mai mai ti', 'ayglmmt'],
    ['\u{20000}明', '\u{20000}ming', '\u{20000} ming', '\u{20000}m'],
    ['李A', 'lia', 'li a', 'la'],
    ['', '', '', ''],
    ['   ', '', '', ''],
  ])('%j → %s / %s / %s', (name, full, spaced, initials) => {
    expect(nameToPinyin(name)).toEqual({ full, spaced, initials });
  });

  it.each([
    ['曾', 'zeng'],
    ['单', 'shan'],
    ['解', 'xie'],
    ['仇', 'qiu'],
    ['区', 'ou'],
    ['朴', 'piao'],
    ['查', 'zha'],
  ])('surname %s alone reads %s', (surname, reading) => {
    expect(nameToPinyin(surname + '明').spaced.split(' ')[0]).toBe(reading);
  });
});

describe('textToPinyin (plain readings)', () => {
  it.each([
    ['长沙', 'changsha', 'chang sha', 'cs'],
    ['重庆', 'chongqing', 'chong qing', 'cq'],
    ['六安', 'luan', 'lu an', 'la'],
    ['番禺', 'panyu', 'pan yu', 'py'],
    ['单县', 'shanxian', 'shan xian', 'sx'],
    ['山东省菏泽市单县', 'shandongshenghezeshishanxian', 'shan dong sheng he ze shi shan xian', 'sdshzssx'],
    ['乐亭县', 'laotingxian', 'lao ting xian', 'ltx'],
    ['洪洞县', 'hongtongxian', 'hong tong xian', 'htx'],
    ['黄陂区', 'huangpiqu', 'huang pi qu', 'hpq'],
    ['北京市长安街', 'beijingshichanganjie', 'bei jing shi chang an jie', 'bjscaj'],
    ['珲春市', 'hunchunshi', 'hun chun shi', 'hcs'],
    ['曾经', 'cengjing', 'ceng jing', 'cj'],
    ['朝阳区', 'chaoyangqu', 'chao yang qu', 'cyq'],
    ['绿化', 'lvhua', 'lü hua', 'lh'],
    ['北京 东城', 'beijingdongcheng', 'bei jing dong cheng', 'bjdc'],
    ['G318国道', 'g318guodao', 'g318 guo dao', 'g318gd'],
    ['', '', '', ''],
  ])('%j → %s / %s / %s', (input, full, spaced, initials) => {
    expect(textToPinyin(input)).toEqual({ full, spaced, initials });
  });
});

describe('never throws', () => {
  it.each(['\uD800', '\uDC00\uD800李', '😀张三', '·', '····', 'x'.repeat(20_000), '\u{31350}\u{30000}', undefined as unknown as string])(
    '%#',
    (input) => {
      expect(() => nameToPinyin(input)).not.toThrow();
      expect(() => textToPinyin(input)).not.toThrow();
    },
  );
});

/** The forms as pinyin-pro's detailed output gives them (what nameToPinyin did for every name before its fast path). */
function viaDetailed(text: string, surname: 'head' | 'off') {
  const tokens = pinyin(text, { type: 'all', toneType: 'none', surname, nonZh: 'consecutive' }).map((item) =>
    item.isZh && item.pinyin !== '' ? { text: item.pinyin.toLowerCase(), isZh: true } : { text: item.origin.toLowerCase(), isZh: false },
  );
  const kept = tokens.filter((t) => t.text !== '');
  const ascii = (s: string) => s.replace(/ü/gu, 'v');
  return { full: kept.map((t) => ascii(t.text)).join(''), spaced: kept.map((t) => t.text).join(' '), initials: kept.map((t) => (t.isZh ? ascii(t.text.slice(0, 1)) : t.text)).join('') };
}

describe('the fast path for names of Han characters only', () => {
  it('gives what the detailed output gives, for every Han character, with and without a surname reading', () => {
    let checked = 0;
    for (let cp = 0x2e80; cp <= 0x3134f; cp++) {
      const char = String.fromCodePoint(cp);
      if (!/\p{Script=Han}/u.test(char)) continue;
      if (cp >= 0x20000 && cp % 5 !== 0) continue; // the rare planes sampled (they have no readings)
      expect(nameToPinyin(char)).toEqual(viaDetailed(normalizePersonName(char), 'head'));
      expect(textToPinyin(char)).toEqual(viaDetailed(char, 'off'));
      checked++;
    }
    expect(checked).toBeGreaterThan(30_000);
  }, 120_000);

  it('gives what the detailed output gives for names: surnames, polyphones, rare characters mixed in', () => {
    const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗单曾解仇区朴查缪乐重盖种过尉', '欧阳', '万俟', '长孙', '尉迟'];
    const given = [...'德胜明华建国文志永海春秀英玉兰长行乐重朝都传率差', '𠀀', '㐀'];
    for (const s of surnames) {
      for (const a of given) {
        expect(nameToPinyin(s + a)).toEqual(viaDetailed(s + a, 'head'));
        for (const b of given) expect(nameToPinyin(s + a + b)).toEqual(viaDetailed(s + a + b, 'head'));
      }
    }
  });
});
