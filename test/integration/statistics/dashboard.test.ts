import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATISTICS_SQL } from '../../../electron/core/db/statistics';
import { classId, honorsCore, LI, type Honors } from '../honors/support';
import { household, loadVillages, TOWNSHIP, VILLAGE, VILLAGE2 } from '../plaques/fixtures';

let h: Honors;
beforeAll(async () => {
  h = await honorsCore();
  loadVillages(h);
  // Three households in two villages; two plaques made, one hung.
  const a = await household(h, h.clerk, '赵一');
  const b = await household(h, h.clerk, '钱二', VILLAGE, 'martyr_family');
  await household(h, h.clerk, '孙三', VILLAGE2);
  const made = await h.ok('plaques.make', { householdId: a.id }, h.clerk);
  const issued = await h.ok('plaques.issue', { id: made.plaque!.id, expectedVersion: made.plaque!.version, date: '2026-11-01' }, h.clerk);
  await h.ok('plaques.hang', { id: issued.plaque!.id, expectedVersion: issued.plaque!.version, date: '2026-11-02', place: '大门上方' }, h.clerk);
  await h.ok('plaques.make', { householdId: b.id }, h.clerk);
  // Two awards, one letter received on 10 November (7 working days: overdue by the 23rd).
  const award = await h.ok('awards.create', { recipient: LI, classId: await classId(h, '二等功'), orderNo: '东战政〔2026〕12号', awardDate: '2026-11-01' }, h.clerk);
  await h.ok('awards.create', { recipient: { ...LI, name: '王强', idNumber: '' }, classId: await classId(h, '三等功'), awardDate: '2025-08-01' }, h.clerk);
  await h.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-10', familyName: '李建国', familyAddress: '惠民县胡集镇李家村 12 号' }, h.clerk);
  await h.ok('martyrs.create', { name: '张德胜', period: 'liberation' }, h.clerk);
  await h.ok('martyrs.create', { name: '无名烈士', period: 'anti_japanese' }, h.clerk);
});
afterAll(() => h.dispose());

describe('dashboard counts', () => {
  it('counts households by their plaque’s category × status and by village under a township', async () => {
    const s = await h.ok('statistics.plaques', { divisionCode: TOWNSHIP }, h.readonly);
    expect(s).toMatchObject({ divisionCode: TOWNSHIP, divisionName: '测试新镇' });
    expect(s.byCategoryStatus).toEqual(expect.arrayContaining([{ category: 'veteran', status: 'hung', count: 1 }, { category: 'martyr_family', status: 'made', count: 1 }]));
    expect(s.byDivision).toEqual([
      { divisionCode: VILLAGE, divisionName: '幸福村', level: 5, households: 2, hung: 1, inUse: 2, cancelled: 0, withoutPlaque: 0 },
      { divisionCode: VILLAGE2, divisionName: '团结村', level: 5, households: 1, hung: 0, inUse: 0, cancelled: 0, withoutPlaque: 1 },
    ]);
  });

  it('goes down to the townships of the only county when no division is asked', async () => {
    const s = await h.ok('statistics.plaques', {}, h.readonly);
    expect(s.divisionCode).toBe('371621000000');
    expect(s.byDivision.map((d) => [d.divisionCode, d.households])).toEqual([[TOWNSHIP, 3]]);
  });

  it('counts awards by class and year, letters by status with due ones, the roll by status and period', async () => {
    const awards = await h.ok('statistics.awards', {}, h.readonly);
    expect(awards.byClassYear.map((r) => [r.className, r.year, r.count])).toEqual([['二等功', 2026, 1], ['三等功', 2025, 1]]);
    expect(await h.ok('statistics.letters', {}, h.readonly)).toMatchObject({ byStatus: [{ status: 'received', count: 1 }], overdue: 1, dueSoon: 0 });
    const roll = await h.ok('statistics.martyrs', {}, h.readonly);
    expect(roll.byStatusPeriod).toEqual(expect.arrayContaining([{ status: 'draft', period: 'liberation', count: 1 }, { status: 'draft', period: 'anti_japanese', count: 1 }]));
  });

  it('answers every chart from an index, never by reading a whole table row by row', () => {
    const params: Record<string, Record<string, unknown>> = {
      plaquesByCategoryStatus: { prefix: '371621101' },
      plaquesByDivision: { prefix: '371621101', len: 12 },
      awardsByClassYear: {},
      lettersByStatus: { today: '2026-11-23', soon: '2026-11-30' },
      martyrsByStatusPeriod: {},
    };
    for (const [name, sql] of Object.entries(STATISTICS_SQL)) {
      const plan = (h.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params[name]) as { detail: string }[]).map((r) => r.detail);
      // Every step over a table goes through an index (SEARCH … USING, or SCAN … USING [COVERING] INDEX).
      const bare = plan.filter((d) => /^SCAN (\w+)( AS \w+)?$/.test(d) && !/^SCAN c$/.test(d));
      expect({ name, bare, plan }).toMatchObject({ name, bare: [] });
    }
  });
});
