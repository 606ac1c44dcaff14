/**
 * The plaque round's figures (`npm run bench -- --plaques-only [--households N]`; also part of a
 * full `npm run bench`): a county of N households (default 10,000: 20 villages of 500, one
 * township of each 10 villages), each with a qualifying veteran and a plaque made, loaded through
 * `core.call` as a clerk would (every write its transaction and audit row). Then, on one village of
 * 500 each:
 *
 * - `plaque_batch_issue_village` / `plaque_batch_hang_village`: the batch job (plaques.batch)
 *   marking the village's 500 plaques issued, then hung, one audit row per household; the
 *   baseline is the same 500 steps on another village made one call at a time (plaques.issue,
 *   plaques.hang), what a clerk's clicks would cost the backend without the clicking.
 * - `plaque_ledger_township`: a township's whole ledger (5,000 households) walked page by page
 *   (plaques.ledger, 500 rows a page); baseline: the households table read once by a plain
 *   `SELECT` — the floor any ledger query sits on.
 * - `plaque_counts_county`: the dashboard's counts (statistics.plaques for the county); baseline:
 *   a plain `GROUP BY status` over the plaques table.
 */
import { upsertDivision } from '../../electron/core/db/divisions';
import { makeSetUpCore } from '../support/tempCore';
import { figure, time, type Figure } from './figures';

const COUNTY = '371621';
const countyCode = `${COUNTY}000000`;

export async function plaqueFigures(households: number, log: (...a: unknown[]) => void): Promise<Figure[]> {
  const t = await makeSetUpCore();
  try {
    const villages = Math.max(2, Math.ceil(households / 500));
    const villageCode = (v: number) => `${COUNTY}${String(101 + Math.floor(v / 10)).padStart(3, '0')}${String((v % 10) + 1).padStart(3, '0')}`;
    t.core.db.transaction(() => {
      for (let v = 0; v < villages; v++) {
        const township = villageCode(v).slice(0, 9) + '000';
        if (v % 10 === 0) upsertDivision(t.core.db, { code: township, name: `第${v / 10 + 1}镇`, level: 4, parentCode: countyCode, pinyin: '', initials: '', source: 'bench' });
        upsertDivision(t.core.db, { code: villageCode(v), name: `第${v + 1}村`, level: 5, parentCode: township, pinyin: '', initials: '', source: 'bench' });
      }
    })();
    log(`loading ${households.toLocaleString()} households in ${villages} villages…`);
    const loadStart = performance.now();
    const plaqueIds: { id: number; version: number }[][] = Array.from({ length: villages }, () => []);
    for (let i = 0; i < households; i++) {
      const v = i % villages;
      const code = villageCode(v);
      const name = `户${i}`;
      const head = await t.ok('people.create', { name, gender: 'male', addressText: `${name} 胜利街${i}号`, addressCode: code }, t.admin);
      const h = await t.ok('households.create', { headPersonId: head.id, divisionCode: code, addressText: `胜利街${i}号`, registrationNo: `HK-${i}` }, t.admin);
      await t.ok('households.addQualification', { householdId: h.id, personId: head.id, category: 'veteran', basis: 'certificate', certificateNo: `证-${i}` }, t.admin);
      const made = await t.ok('plaques.make', { householdId: h.id }, t.admin);
      plaqueIds[v]!.push({ id: made.plaque!.id, version: made.plaque!.version });
      if ((i + 1) % 2000 === 0) log(`  ${(i + 1).toLocaleString()} (${((performance.now() - loadStart) / 1000).toFixed(0)} s)`);
    }
    log(`loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

    const batch = async (code: string, action: 'issue' | 'hang') => {
      const { jobId } = await t.ok('plaques.batch', { divisionCode: code, action, date: action === 'issue' ? '2026-07-25' : '2026-07-28' }, t.admin);
      const job = await t.core.jobs.wait(jobId);
      if (job.status !== 'done') throw new Error(`batch ${action} ended ${job.status}`);
    };
    const oneByOne = async (plaques: { id: number; version: number }[], action: 'issue' | 'hang') => {
      for (const p of plaques) {
        const now = action === 'issue' ? await t.ok('plaques.issue', { id: p.id, expectedVersion: p.version, date: '2026-07-25' }, t.admin) : await t.ok('plaques.hang', { id: p.id, expectedVersion: p.version, date: '2026-07-28', place: '大门上方' }, t.admin);
        p.version = now.plaque!.version;
      }
    };
    const village = plaqueIds[0]!.length;
    const batchIssue = await time(() => batch(villageCode(0), 'issue'));
    const singleIssue = await time(() => oneByOne(plaqueIds[1]!, 'issue'));
    const batchHang = await time(() => batch(villageCode(0), 'hang'));
    const singleHang = await time(() => oneByOne(plaqueIds[1]!, 'hang'));

    const township = villageCode(0).slice(0, 9) + '000';
    let rows = 0;
    const ledger = await time(async () => {
      let after: { divisionCode: string; householdId: number } | undefined;
      do {
        const page = await t.ok('plaques.ledger', { divisionCode: township, limit: 500, ...(after ? { after } : {}) }, t.admin);
        rows += page.rows.length;
        after = page.next ?? undefined;
      } while (after);
    });
    const floor = await time(() => t.core.db.prepare("SELECT * FROM households WHERE division_code LIKE ? || '%'").all(township.slice(0, 9)));
    const counts = await time(() => t.ok('statistics.plaques', { divisionCode: countyCode }, t.admin));
    const countsFloor = await time(() => t.core.db.prepare('SELECT status, count(*) FROM plaques GROUP BY status').all());
    log(`village of ${village}: batch issue ${batchIssue.toFixed(0)} ms, one by one ${singleIssue.toFixed(0)} ms; batch hang ${batchHang.toFixed(0)} ms, one by one ${singleHang.toFixed(0)} ms; township ledger ${rows} rows ${ledger.toFixed(0)} ms`);
    return [
      figure('plaque_batch_issue_village', batchIssue / 1000, 's', singleIssue / 1000, null),
      figure('plaque_batch_hang_village', batchHang / 1000, 's', singleHang / 1000, null),
      figure('plaque_ledger_township', ledger, 'ms', floor, null),
      figure('plaque_counts_county', counts, 'ms', countsFloor, null),
    ];
  } finally {
    await t.dispose();
  }
}
