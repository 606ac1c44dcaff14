/**
 * SQLITE_FULL on any machine (no mount namespace needed, unlike diskFull.test.ts): the core's
 * connection is capped with PRAGMA max_page_count at its current size, so the next write that
 * needs a new page fails as on a full disk. A record save and a batch status change answer
 * DISK_FULL with what to do, roll back whole (no row, no audit entry, no history), and work once
 * the cap is lifted — as the application does once space is freed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

const count = (table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const state = () => ({ martyrs: count('martyrs'), history: count('martyr_history'), audit: count('audit_log'), submitted: (t.core.db.prepare("SELECT count(*) AS n FROM martyrs WHERE status = 'submitted'").get() as { n: number }).n });

/** No page may be added to the database file: the next write that needs one fails with SQLITE_FULL. */
function capAtCurrentSize(): () => void {
  const pages = t.core.db.pragma('page_count', { simple: true }) as number;
  const before = t.core.db.pragma('max_page_count', { simple: true }) as number;
  t.core.db.pragma(`max_page_count = ${pages}`);
  return () => void t.core.db.pragma(`max_page_count = ${before}`);
}

const diskFull = { code: 'DISK_FULL', message: { zh: expect.stringContaining('请清理'), en: expect.stringContaining('Free some space') } };

describe('SQLITE_FULL', () => {
  it('saving records: DISK_FULL, nothing written, saved once there is room', async () => {
    const before = state();
    const lift = capAtCurrentSize();
    try {
      // Enough text that the records need new pages whatever room the last page had.
      const deeds = '他把敌人引进了八路军的埋伏圈。'.repeat(200);
      for (let i = 0; i < 5; i++) {
        const result = await t.core.call('martyrs.create', { name: '王二小', gender: 'male', deeds }, t.admin);
        expect(result).toMatchObject({ ok: false, error: diskFull });
      }
      expect(state()).toEqual(before);
    } finally {
      lift();
    }
    expect((await t.ok('martyrs.create', { name: '王二小', gender: 'male' }, t.admin)).name).toBe('王二小');
    expect(state().martyrs).toBe(before.martyrs + 1);
  });

  it('a batch status change: all records or none', async () => {
    const deeds = '英勇牺牲。'.repeat(300);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push((await t.ok('martyrs.create', { name: `张${'一二三四五六七八九十'[i % 10]}${'甲乙丙丁戊己'[i % 6]}`, gender: 'male', deeds }, t.admin)).id);
    const before = state();
    const lift = capAtCurrentSize();
    try {
      expect(await t.core.call('martyrs.submit', { ids }, t.admin)).toMatchObject({ ok: false, error: diskFull });
      expect(state()).toEqual(before);
    } finally {
      lift();
    }
    expect(await t.ok('martyrs.submit', { ids }, t.admin)).toEqual({ changed: ids.length });
    expect(state().submitted).toBe(before.submitted + ids.length);
    expect(await t.ok('audit.verify', {}, t.admin)).toMatchObject({ ok: true });
  });
});
