import { describe, expect, it } from 'vitest';
import { checkPersonName, normalizePersonName, splitName } from '../../../../shared/rules/personName';

const extB = '\u{20000}'; // 𠀀
const extG = '\u{30000}';
const extH = '\u{31350}';

describe('checkPersonName — accepted', () => {
  it.each([
    ['张三', '张三', '张', '三', 2],
    [' 张 三 ', '张三', '张', '三', 2],
    ['\u3000王\u3000五\t', '王五', '王', '五', 2],
    ['李\u200B明', '李明', '李', '明', 2],
    ['欧阳修', '欧阳修', '欧阳', '修', 3],
    ['欧阳', '欧阳', '欧', '阳', 2],
    ['司马光', '司马光', '司马', '光', 3],
    ['诸葛亮', '诸葛亮', '诸葛', '亮', 3],
    ['上官婉儿', '上官婉儿', '上官', '婉儿', 4],
    ['万俟卨', '万俟卨', '万俟', '卨', 3],
    ['尉迟恭', '尉迟恭', '尉迟', '恭', 3],
    ['爱新觉罗溥仪', '爱新觉罗溥仪', '爱新觉罗', '溥仪', 6],
    ['单雄信', '单雄信', '单', '雄信', 3],
    ['阿依古丽·买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽•买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽・买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽．买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽‧买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽･买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽\u16EB买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽\u2219买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    ['阿依古丽 · 买买提', '阿依古丽·买买提', '', '阿依古丽·买买提', 8],
    [`${extB}明`, `${extB}明`, extB, '明', 2],
    [`王${extG}${extH}`, `王${extG}${extH}`, '王', `${extG}${extH}`, 3],
    ['金\uF900', '金\uF900', '金', '\uF900', 2],
    ['\u2F00\u2F06', '一二', '一', '二', 2],
    ['王〇', '王〇', '王', '〇', 2],
    ['张'.repeat(50), '张'.repeat(50), '张', '张'.repeat(49), 50],
    [extB.repeat(50), extB.repeat(50), extB, extB.repeat(49), 50],
  ])('%j', (raw, normalized, surname, givenName, characters) => {
    expect(checkPersonName(raw)).toEqual({ ok: true, normalized, surname, givenName, characters });
  });
});

describe('checkPersonName — refused', () => {
  it.each([
    ['', 'empty', ''],
    ['   ', 'empty', ''],
    ['\u3000\u200B', 'empty', ''],
    ['张'.repeat(51), 'tooLong', '51'],
    [extB.repeat(51), 'tooLong', '51'],
    ['Zhang三', 'badChar', 'Z'],
    ['张3', 'badChar', '3'],
    ['张三😀', 'badChar', '😀'],
    ['张,三', 'badChar', ','],
    ['张.三', 'badChar', '.'],
    ['张（三）', 'badChar', '（'],
    ['李⺮', 'badChar', 'U+2EAE'],
    ['李\u0000', 'badChar', 'U+0000'],
    ['\uD800李', 'badChar', 'U+D800'],
    ['\uE000', 'privateUse', 'U+E000'],
    ['张\uE816', 'privateUse', 'GB 18030-2022'],
    ['王\u{F0000}', 'privateUse', 'U+F0000'],
    ['·阿依', 'badChar', '·'],
    ['阿依·', 'badChar', '·'],
    ['阿依··买买提', 'badChar', '·'],
    ['阿依•・买买提', 'badChar', '·'],
  ] as const)('%j → %s', (raw, code, mentioned) => {
    const result = checkPersonName(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.reason.zh).toContain(mentioned);
    expect(result.reason.en).toContain(mentioned);
  });

  it('names the position of a bad character', () => {
    const result = checkPersonName('张三a');
    expect(result.ok || result.reason.zh).toContain('第 3 个字符');
    expect(result.ok || result.reason.en).toContain('character 3');
  });
});

describe('splitName', () => {
  it.each([
    ['', '', ''],
    ['王', '王', ''],
    ['王五', '王', '五'],
    ['王一明', '王', '一明'],
    ['欧阳修', '欧阳', '修'],
    ['欧阳', '欧', '阳'],
    ['东方朔', '东方', '朔'],
    ['令狐冲', '令狐', '冲'],
    ['第五伦', '第五', '伦'],
    ['长孙无忌', '长孙', '无忌'],
    ['夏侯惇', '夏侯', '惇'],
    ['单于飞', '单', '于飞'],
    [`${extB}${extB}`, extB, extB],
    ['阿依古丽·买买提', '', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '', '阿依古丽·买买提'],
  ])('%j → %j + %j', (name, surname, givenName) => {
    expect(splitName(name)).toEqual({ surname, givenName });
  });
});

describe('normalizePersonName / never throws', () => {
  it('is idempotent', () => {
    for (const raw of [' 阿依古丽 • 买买提 ', '\u2F00\u2F06', '张 三']) {
      const once = normalizePersonName(raw);
      expect(normalizePersonName(once)).toBe(once);
    }
  });
  it.each(['\uDC00', 'x'.repeat(100_000), '·', '····', '\u{10FFFF}', undefined as unknown as string])('%#', (input) => {
    expect(() => checkPersonName(input)).not.toThrow();
    expect(() => splitName(input)).not.toThrow();
    expect(checkPersonName(input).ok).toBe(false);
  });
});
