import { describe, expect, it } from 'vitest';
import { formatHistoryValue, type ValueLabels } from '../../../../../renderer/src/features/martyrs/record/historyFormat';

const l: ValueLabels = {
  empty: '（空）', yes: '是', no: '否',
  gender: (g) => ({ male: '男', female: '女' })[g] ?? g,
  period: (p) => ({ liberation: '解放战争时期' })[p] ?? p,
  status: (s) => ({ verified: '已审核' })[s] ?? s,
  relation: (r) => ({ parent: '父母' })[r] ?? r,
  source: (id) => (id === 1 ? '1982年油印本英名录' : `#${id}`),
};

describe('history values in words', () => {
  it('names enums, yes/no, sources and relatives', () => {
    expect(formatHistoryValue('name', null, l)).toBe('（空）');
    expect(formatHistoryValue('remarks', '', l)).toBe('（空）');
    expect(formatHistoryValue('unnamed', false, l)).toBe('否');
    expect(formatHistoryValue('gender', 'male', l)).toBe('男');
    expect(formatHistoryValue('period', 'liberation', l)).toBe('解放战争时期');
    expect(formatHistoryValue('status', 'verified', l)).toBe('已审核');
    expect(formatHistoryValue('sourceId', 1, l)).toBe('1982年油印本英名录');
    expect(formatHistoryValue('nextOfKin', [{ name: '王大柱', relation: 'parent', note: '已故' }, { name: '李秀', relation: 'spouse', note: '' }], l)).toBe('王大柱（父母）：已故；李秀（spouse）');
    expect(formatHistoryValue('nextOfKin', [], l)).toBe('（空）');
    expect(formatHistoryValue('scanRegion', { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }, l)).toBe('(10%, 20%) 30% × 40%');
    expect(formatHistoryValue('scanRegion', { x: 0.0625, y: 0.305, w: 0.88, h: 0.07 }, l)).toBe('(6.3%, 30.5%) 88% × 7%');
    expect(formatHistoryValue('deathDate', '1947年春', l)).toBe('1947年春');
  });
});
