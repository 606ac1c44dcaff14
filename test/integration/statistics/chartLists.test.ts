/**
 * Every bar and slice of the dashboard against the list it opens: the link the chart makes
 * (renderer/src/features/dashboard/chartLinks.ts) is read back the way the list reads its address
 * (lib/listLinks.ts), the list's backend call pages through all its rows (the ledger by keyset),
 * and the rows must be exactly as many as the bar counts, each of the bar's kind. The seeded
 * households take every path of the plaque lifecycle that leaves more than one plaque behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/core';
import type { Household } from '../../../shared/contract/plaques';
import { ledgerPlaqueStatuses, plaqueCategories } from '../../../shared/rules/plaque';
import { awardBarPath, awardBars, categoryBarPath, categoryCount, categoryStatuses, divisionBarPath, divisionParts, divisionSeries, letterSlicePath, letterSlices, rollBarPath, rollBars } from '../../../renderer/src/features/dashboard/chartLinks';
import { awardFilterFromHash, awardsInput, ledgerFilterFromHash, ledgerInput, letterFilterFromHash, lettersInput, rollFilterFromHash, type LedgerFilter } from '../../../renderer/src/lib/listLinks';
import { filtersFromHash, searchInput } from '../../../renderer/src/features/martyrs/list/rollSearch';
import { martyrStatuses } from '../../../shared/contract/martyrs';
import { classId, honorsCore, LI, type Honors } from '../honors/support';
import { household, loadVillages, TOWNSHIP, VILLAGE, VILLAGE2 } from '../plaques/fixtures';
import { allAwards, allLetters } from './listPages';

let h: Honors;
let clerk: Session;
const COUNTY = '371621000000';

type Step = (x: Household) => Promise<Household>;
/** The household's latest plaque (the one in use, or the one just cancelled). */
const plaque = (x: Household) => ({ id: x.plaques[0]!.id, expectedVersion: x.plaques[0]!.version });
const make: Step = (x) => h.ok('plaques.make', { householdId: x.id }, clerk);
const issue: Step = (x) => h.ok('plaques.issue', { ...plaque(x), date: '2026-10-01' }, clerk);
const hang: Step = (x) => h.ok('plaques.hang', { ...plaque(x), date: '2026-10-02', place: '大门上方' }, clerk);
const cancel: Step = (x) => h.ok('plaques.cancel', { ...plaque(x), date: '2026-10-03', note: '户籍迁出' }, clerk);
const takeBack: Step = (x) => h.ok('plaques.takeBack', { ...plaque(x), date: '2026-10-03', reason: 'criminal_sentence', documentNo: '（2026）鲁1621刑初1号' }, clerk);
const reissue: Step = (x) => h.ok('plaques.reissue', { ...plaque(x), date: '2026-10-04', note: '丢失' }, clerk);
const restore: Step = (x) => h.ok('plaques.restore', { ...plaque(x), date: '2026-10-05', approval: '局务会批准' }, h.admin);

async function seedHousehold(name: string, division: string, category: Parameters<typeof household>[4], ...steps: Step[]) {
  let x = await household(h, clerk, name, division, category);
  for (const step of steps) x = await step(x);
}

/** All the ledger's lines for a filter, a page of 2 at a time (keyset); also the count it reports. */
async function ledgerLines(filter: LedgerFilter) {
  const rows = [];
  let after: { divisionCode: string; householdId: number } | undefined;
  let count = -1;
  do {
    const page = await h.ok('plaques.ledger', { ...ledgerInput(filter), limit: 2, ...(after ? { after } : {}) }, h.readonly);
    rows.push(...page.rows);
    count = page.count;
    after = page.next ?? undefined;
  } while (after);
  return { rows, count };
}

beforeAll(async () => {
  h = await honorsCore();
  clerk = h.clerk;
  loadVillages(h);
  await seedHousehold('赵悬挂', VILLAGE, 'veteran', make, issue, hang);
  await seedHousehold('钱制作', VILLAGE, 'martyr_family', make);
  await seedHousehold('孙发放', VILLAGE, 'active_service', make, issue);
  await seedHousehold('李无牌', VILLAGE, 'veteran');
  await seedHousehold('周恢复', VILLAGE, 'martyr_family', make, issue, hang, cancel, restore);
  await seedHousehold('吴收回', VILLAGE2, 'veteran', make, issue, hang, takeBack);
  await seedHousehold('郑取消', VILLAGE2, 'duty_death_family', make, cancel);
  // A cancelled plaque, then a new one: the ledger line shows the new one only.
  await seedHousehold('王重制', VILLAGE2, 'illness_death_family', make, cancel, make);
  // Cancelled twice: two cancelled plaques, one household, one line.
  await seedHousehold('冯两取消', VILLAGE2, 'veteran', make, cancel, make, cancel);
  // Reissued: the old plaque superseded, the new one issued.
  await seedHousehold('陈补发', VILLAGE2, 'veteran', make, issue, reissue);

  const second = await classId(h, '二等功');
  const third = await classId(h, '三等功');
  const award = (name: string, cls: number, awardDate: string | null) => h.ok('awards.create', { recipient: { ...LI, name, idNumber: '' }, classId: cls, awardDate }, clerk);
  const a = await award('李明', second, '2026-03-01');
  await award('王强', second, '2025-08-01');
  await award('张军', third, '2026-06-30');
  await award('刘勇', third, '2026-01-01');
  await award('陈刚', third, null);
  const b = await award('赵亮', third, '2025-01-01');
  await h.ok('letters.create', { awardId: a.id, receivedOn: '2026-11-02', familyAddress: '惠民县胡集镇李家村 12 号' }, clerk);
  const letter = await h.ok('letters.create', { awardId: b.id, receivedOn: '2026-11-20', familyAddress: '惠民县孙武街道 3 号' }, clerk);
  await h.ok('letters.register', { id: letter.id }, clerk);

  // The roll: records without a period in each status (and one deleted, not counted), and two with one.
  const martyr = async (name: string, period: 'anti_japanese' | 'liberation' | null) => (await h.ok('martyrs.create', { name, period }, clerk)).id;
  const noPeriod = [await martyr('张一', null), await martyr('王二', null), await martyr('李三', null), await martyr('赵四', null)];
  const dated = [await martyr('钱五', 'anti_japanese'), await martyr('孙六', 'liberation')];
  const gone = await martyr('周七', null);
  await h.ok('martyrs.delete', { id: gone, reason: '重复录入' }, clerk);
  await h.ok('martyrs.submit', { ids: [noPeriod[1]!, noPeriod[2]!, noPeriod[3]!, dated[0]!] }, clerk);
  await h.ok('martyrs.verify', { ids: [noPeriod[2]!, noPeriod[3]!, dated[0]!] }, h.reviewer);
});
afterAll(() => h.dispose());

describe('a plaque bar and the ledger it opens', () => {
  it.each([
    ['the county', COUNTY],
    ['a township', TOWNSHIP],
    ['a village', VILLAGE2],
  ])('category × status, for %s: as many ledger lines as the bar counts, each of its category and status', async (_name, code) => {
    const stats = await h.ok('statistics.plaques', { divisionCode: code }, h.readonly);
    let households = 0;
    for (const category of plaqueCategories) {
      for (const status of categoryStatuses) {
        const counted = categoryCount(stats, category, status);
        const filter = ledgerFilterFromHash(`#${categoryBarPath(stats, category, status)}`);
        expect(filter).toEqual({ divisionCode: code, view: status, category });
        const { rows, count } = await ledgerLines(filter);
        expect({ category, status, lines: rows.length, count }).toEqual({ category, status, lines: counted, count: counted });
        for (const r of rows) expect([r.category, r.status]).toEqual([category, status]);
        households += counted;
      }
    }
    // Every household with a plaque is in exactly one bar.
    expect(households).toBe((await ledgerLines({ divisionCode: code, view: 'all', category: null })).count - (await ledgerLines({ divisionCode: code, view: 'none', category: null })).count);
  });

  it('the seeded households land where their ledger lines say', async () => {
    const stats = await h.ok('statistics.plaques', { divisionCode: TOWNSHIP }, h.readonly);
    expect(categoryCount(stats, 'veteran', 'cancelled')).toBe(1);
    expect(categoryCount(stats, 'veteran', 'issued')).toBe(1);
    expect(categoryCount(stats, 'illness_death_family', 'made')).toBe(1);
    expect(categoryCount(stats, 'illness_death_family', 'cancelled')).toBe(0);
    expect(categoryCount(stats, 'martyr_family', 'issued')).toBe(1);
  });

  it('households by division: each part of a bar is as many ledger lines, the parts add up to the households', async () => {
    for (const code of [COUNTY, TOWNSHIP, VILLAGE]) {
      const stats = await h.ok('statistics.plaques', { divisionCode: code }, h.readonly);
      expect(stats.byDivision.length).toBeGreaterThan(0);
      for (const row of stats.byDivision) {
        const parts = divisionParts(row);
        expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(row.households);
        for (const s of divisionSeries) {
          const filter = ledgerFilterFromHash(`#${divisionBarPath(row, s.id)}`);
          const { rows, count } = await ledgerLines(filter);
          expect({ division: row.divisionCode, part: s.id, lines: rows.length, count }).toEqual({ division: row.divisionCode, part: s.id, lines: parts[s.id], count: parts[s.id] });
        }
      }
    }
    const villages = (await h.ok('statistics.plaques', { divisionCode: TOWNSHIP }, h.readonly)).byDivision;
    expect(villages.map((v) => [v.divisionName, divisionParts(v)])).toEqual([
      ['幸福村', { hung: 1, inUseNotHung: 3, cancelled: 0, withoutPlaque: 1 }],
      ['团结村', { hung: 0, inUseNotHung: 3, cancelled: 2, withoutPlaque: 0 }],
    ]);
  });
});

describe('an award bar and the register it opens', () => {
  it('class × year (and the undated band): as many awards as the bar counts, each of its class and year', async () => {
    const { years, classes, count } = awardBars((await h.ok('statistics.awards', {}, h.readonly)).byClassYear);
    expect(years).toEqual([2025, 2026, null]);
    let total = 0;
    for (const cls of classes) {
      for (const year of years) {
        const counted = count(cls.id, year);
        const list = await allAwards(h, awardsInput(awardFilterFromHash(`#${awardBarPath(cls.id, year)}`)), 2);
        expect({ cls: cls.name, year, rows: list.rows.length, count: list.count }).toEqual({ cls: cls.name, year, rows: counted, count: counted });
        for (const r of list.rows) expect([r.className, r.awardDate === null ? null : Number(r.awardDate.slice(0, 4))]).toEqual([cls.name, year]);
        total += counted;
      }
    }
    expect(total).toBe(6);
  });
});

describe('a letter slice and the letters it opens', () => {
  it('by status, and the overdue and due-soon chips', async () => {
    const stats = await h.ok('statistics.letters', {}, h.readonly);
    const slices = letterSlices(stats);
    expect(slices.map((s) => [s.status, s.count])).toEqual([['received', 1], ['registered', 1]]);
    for (const slice of slices) {
      const filter = letterFilterFromHash(`#${letterSlicePath(slice.status)}`);
      const list = await allLetters(h, lettersInput(filter), 2);
      expect(list.rows.map((r) => r.status)).toEqual(Array(slice.count).fill(slice.status));
      expect(list.count).toBe(slice.count);
    }
    expect((await h.ok('letters.list', { due: 'overdue' }, h.readonly)).count).toBe(stats.overdue);
    expect((await h.ok('letters.list', { due: 'dueSoon' }, h.readonly)).count).toBe(stats.dueSoon);
    expect(stats.overdue + stats.dueSoon).toBeGreaterThan(0);
  });
});

describe('the plaques page’s counts and the dashboard', () => {
  it.each([
    ['the county', COUNTY],
    ['a township', TOWNSHIP],
    ['a village', VILLAGE],
    ['another village', VILLAGE2],
  ])('for %s: the panel counts households as the dashboard and the ledger do', async (_name, code) => {
    const panel = await h.ok('plaques.counts', { divisionCode: code }, h.readonly);
    const stats = await h.ok('statistics.plaques', { divisionCode: code }, h.readonly);
    expect(panel.byDivision).toEqual(stats.byDivision);
    for (const { category, count } of panel.byCategory) expect({ category, count }).toEqual({ category, count: categoryStatuses.reduce((n, s) => n + categoryCount(stats, category, s), 0) });
    for (const { status, count } of panel.byStatus) {
      expect({ status, count }).toEqual({ status, count: plaqueCategories.reduce((n, c) => n + categoryCount(stats, c, status), 0) });
      expect({ status, count }).toEqual({ status, count: (await ledgerLines({ divisionCode: code, view: status, category: null })).count });
    }
    expect(panel.byStatus.map((s) => s.status)).toEqual([...ledgerPlaqueStatuses]);
    expect(panel.withoutPlaque).toBe((await ledgerLines({ divisionCode: code, view: 'none', category: null })).count);
    expect(panel.households).toBe((await ledgerLines({ divisionCode: code, view: 'all', category: null })).count);
  });

  it('a household with two cancelled plaques, or a cancelled one and a new one, counts once, by its ledger line', async () => {
    const panel = await h.ok('plaques.counts', { divisionCode: VILLAGE2 }, h.readonly);
    // 郑取消 and 冯两取消 (two cancelled plaques); 王重制's cancelled plaque is behind its new one.
    expect(panel.byStatus.find((s) => s.status === 'cancelled')?.count).toBe(2);
    expect(panel.byStatus.find((s) => s.status === 'made')?.count).toBe(1);
    expect(panel.households).toBe(5);
  });
});

describe('a roll bar and the roll it opens', () => {
  it('status × period, and the 未注明时期 band: as many records as the bar counts, each of its status and period', async () => {
    const bars = rollBars((await h.ok('statistics.martyrs', {}, h.readonly)).byStatusPeriod);
    expect(bars.periods).toEqual(['anti_japanese', 'liberation', null]);
    let total = 0;
    for (const status of martyrStatuses) {
      for (const period of bars.periods) {
        const counted = bars.count(status, period);
        const hash = `#${rollBarPath(status, period)}`;
        expect(rollFilterFromHash(hash)).toEqual({ status, period: period ?? 'none' });
        // The roll reads its address so (RollPage), and searches with what it read.
        const filters = filtersFromHash(hash);
        expect(filters).not.toBeNull();
        const input = searchInput({ query: '', filters: filters!, sort: 'strokeSurname' });
        const rows = [];
        let after: string | undefined;
        let count = -1;
        do {
          const page = await h.ok('martyrs.search', { ...input, limit: 1, ...(after ? { after } : {}) }, h.readonly);
          rows.push(...page.rows);
          count = page.count;
          after = page.nextCursor ?? undefined;
        } while (after);
        expect({ status, period, rows: rows.length, count }).toEqual({ status, period, rows: counted, count: counted });
        for (const r of rows) expect([r.status, r.period]).toEqual([status, period]);
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        total += counted;
      }
    }
    expect(total).toBe(6);
    expect([bars.count('draft', null), bars.count('submitted', null), bars.count('verified', null)]).toEqual([1, 1, 2]);
  });
});
