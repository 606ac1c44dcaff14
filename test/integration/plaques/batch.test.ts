import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';
import { household, loadVillages, VILLAGE, VILLAGE2 } from './fixtures';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
const ids: number[] = [];
beforeAll(async () => {
  t = await makeSetUpCore();
  loadVillages(t);
  for (let i = 0; i < 40; i++) {
    const h = await household(t, t.admin, `户主${i}`, i < 30 ? VILLAGE : VILLAGE2);
    await t.ok('plaques.make', { householdId: h.id }, t.admin);
    ids.push(h.id);
  }
});
afterAll(() => t.dispose());

const statuses = async (code: string) => (await t.ok('plaques.ledger', { divisionCode: code, limit: 500 }, t.admin)).rows.map((r) => r.status);

describe('the yearly round as a batch job', () => {
  it('cancelled: leaves nothing marked and no audit rows', async () => {
    const before = (await t.ok('audit.list', { entity: 'plaque', action: 'issue' }, t.admin)).total;
    const { jobId } = await t.ok('plaques.batch', { divisionCode: VILLAGE, action: 'issue', date: '2026-07-25' }, t.admin);
    await t.ok('jobs.cancel', { id: jobId }, t.admin);
    expect(await t.core.jobs.wait(jobId)).toMatchObject({ status: 'cancelled' });
    expect(new Set(await statuses(VILLAGE))).toEqual(new Set(['made']));
    expect((await t.ok('audit.list', { entity: 'plaque', action: 'issue' }, t.admin)).total).toBe(before);
  });

  it('marks a whole village delivered, then hung, with one audit row per household', async () => {
    const issued = await t.core.jobs.wait((await t.ok('plaques.batch', { divisionCode: VILLAGE, action: 'issue', date: '2026-07-25' }, t.admin)).jobId);
    expect(issued).toMatchObject({ status: 'done', result: { changed: 30 }, done: 30, total: 30 });
    expect(new Set(await statuses(VILLAGE2))).toEqual(new Set(['made']));
    const hung = await t.core.jobs.wait((await t.ok('plaques.batch', { divisionCode: VILLAGE, action: 'hang', date: '2026-07-28', place: '大门上方' }, t.admin)).jobId);
    expect(hung).toMatchObject({ status: 'done', result: { changed: 30 } });
    expect(new Set(await statuses(VILLAGE))).toEqual(new Set(['hung']));
    const audit = await t.ok('audit.list', { entity: 'plaque', action: 'hang', limit: 500 }, t.admin);
    expect(audit.total).toBe(30);
    expect(new Set(audit.entries.map((e) => (e.after as { householdId: number }).householdId)).size).toBe(30);
  });

  it('only the households chosen', async () => {
    const job = await t.core.jobs.wait((await t.ok('plaques.batch', { divisionCode: VILLAGE2, action: 'issue', date: '2026-07-25', householdIds: [ids[30]!, ids[31]!] }, t.admin)).jobId);
    expect(job).toMatchObject({ status: 'done', result: { changed: 2, skipped: 0 } });
  });
});
