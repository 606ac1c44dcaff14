import { describe, expect, it } from 'vitest';
import { fieldText, matchPlace, placeIndex, RowChecker } from '../../../../../electron/core/ledgers/rowFields';
import { expectedHeaders, suggestMapping } from '../../../../../electron/core/imports';
import { plaqueCategoryOf, plaqueImportSpec, plaqueStatusOf } from '../../../../../electron/core/plaques/importSpec';
import { awardListColumns, matchAwardClass } from '../../../../../electron/core/honors/importSpec';
import type { AwardClass } from '../../../../../shared/contract';

const places = placeIndex([
  { code: '371621101000', name: '城关镇', level: 4, parentCode: '371621000000' },
  { code: '371621101001', name: '幸福村', level: 5, parentCode: '371621101000' },
  { code: '371621102000', name: '李庄镇', level: 4, parentCode: '371621000000' },
  { code: '371621102001', name: '幸福村', level: 5, parentCode: '371621102000' },
  { code: '371621102002', name: '团结社区', level: 5, parentCode: '371621102000' },
]);

describe('places as written → loaded divisions', () => {
  it.each([
    ['城关镇', '幸福村', '371621101001'],
    ['城关', '幸福', '371621101001'],
    ['李庄镇', '幸福村委会', '371621102001'],
    ['', '团结社区', '371621102002'],
    ['李庄', '', '371621102000'],
  ])('%s %s → %s', (township, village, code) => {
    expect(matchPlace(places, township, village)).toEqual({ ok: true, code });
  });

  it('says why a place is not found', () => {
    expect(matchPlace(places, '王镇', '幸福村')).toMatchObject({ ok: false, column: 'township' });
    expect(matchPlace(places, '城关镇', '光明村')).toMatchObject({ ok: false, column: 'village', message: { zh: '“城关镇”没有村（社区）“光明村”' } });
    expect(matchPlace(places, '', '幸福村')).toMatchObject({ ok: false, column: 'village', message: { zh: expect.stringContaining('多个同名村') } });
    expect(matchPlace(placeIndex([]), '城关镇', '幸福村')).toMatchObject({ ok: false, message: { zh: expect.stringContaining('尚未载入') } });
  });
});

describe('row fields', () => {
  it('wants whole dates, not after today, and valid ID numbers', () => {
    const c = new RowChecker();
    expect(c.day('d', '2024年1月20日')).toBe('2024-01-20');
    expect(c.day('d', '2024.1')).toBeNull();
    expect(c.day('d', '2030-01-01', '2026-11-23')).toBeNull();
    expect(c.idNumber('id', '11010519491231002X', '2026-11-23')).toBe('11010519491231002X');
    expect(c.idNumber('id', '110105194912310021', '2026-11-23')).toBeNull();
    expect(c.problems.map((p) => p.column)).toEqual(['d', 'd', 'id']);
  });

  it('folds spaces; names lose theirs; long text keeps its line breaks', () => {
    const info = { date1904: false };
    expect(fieldText('  某部\n三连  ', info)).toBe('某部 三连');
    expect(fieldText('李 明', info, { name: true })).toBe('李明');
    expect(fieldText(' 连续奋战  72小时，\r\n救出群众。\n\n\n\n另记一功 ', info, { lines: true })).toBe('连续奋战 72小时，\n救出群众。\n\n另记一功');
  });
});

describe('plaque ledger rows', () => {
  it('reads categories and statuses as offices write them', () => {
    expect(plaqueCategoryOf('烈士遗属')).toBe('martyr_family');
    expect(plaqueCategoryOf('军属')).toBe('active_service');
    expect(plaqueCategoryOf('五保户')).toBeNull();
    expect(plaqueStatusOf('已悬挂', false)).toBe('hung');
    expect(plaqueStatusOf('', true)).toBe('hung');
    expect(plaqueStatusOf('', false)).toBe('made');
    expect(plaqueStatusOf('已更替', false)).toBeNull();
  });

  it('turns a row into a household, or lists every problem', () => {
    const spec = plaqueImportSpec({ places: () => places, today: '2026-11-23' });
    const row = { headName: '赵 大海', idNumber: '11010519491231002X', addressText: '幸福村3组', township: '城关镇', village: '幸福村', category: '烈士遗属', plaqueNumber: 'GR-1', hungDate: 45311, status: '', remarks: null };
    expect(spec.parseRow(row, 3, { date1904: false })).toEqual({
      ok: true,
      value: { headName: '赵大海', idNumber: '11010519491231002X', addressText: '幸福村3组', divisionCode: '371621101001', category: 'martyr_family', plaqueNumber: 'GR-1', status: 'hung', hungDate: '2024-01-20', remarks: '' },
    });
    const bad = spec.parseRow({ ...row, village: '光明村', status: '已制作', category: '五保户' }, 4, { date1904: false });
    expect(bad.ok ? [] : bad.problems.map((p) => p.column)).toEqual(['category', 'status', 'village']);
  });
});

describe('award classes as written', () => {
  const cls = (id: number, name: string, active = true): AwardClass => ({ id, code: null, name, position: id, deadlineDays: 10, deliverers: '', active, awardCount: 0 });
  const classes = [cls(1, '三等功'), cls(2, '优秀士兵'), cls(3, '旧类别', false)];
  it('matches the configured class, folding 荣立 / 四有 / 个人', () => {
    expect(matchAwardClass(classes, '三等功')).toMatchObject({ ok: true, cls: { id: 1 } });
    expect(matchAwardClass(classes, '荣立三等功')).toMatchObject({ ok: true, cls: { id: 1 } });
    expect(matchAwardClass(classes, '四有优秀士兵')).toMatchObject({ ok: true, cls: { id: 2 } });
    expect(matchAwardClass(classes, '五等功')).toMatchObject({ ok: false });
    expect(matchAwardClass(classes, '旧类别')).toMatchObject({ ok: false, message: { zh: expect.stringContaining('已停用') } });
  });

  it('maps 受奖单位 and 单位类型 to the unit, leaving 部队/单位 and 奖励类别 to their own columns', () => {
    const header = ['姓名', '部队/单位', '受奖单位', '单位类别', '奖励类别', '主要事迹'];
    expect(suggestMapping(header, expectedHeaders(awardListColumns)).mapping).toEqual({ 0: 'name', 1: 'soldierUnit', 2: 'unitName', 3: 'unitType', 4: 'className', 5: 'citation' });
    // An older sheet titles the soldier's unit just 单位: still the soldier's unit.
    expect(suggestMapping(['姓名', '单位', '类别'], expectedHeaders(awardListColumns)).mapping).toEqual({ 0: 'name', 1: 'soldierUnit', 2: 'className' });
  });
});
