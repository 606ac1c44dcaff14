import { plainVault } from '../../../electron/core/crypto/vault';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { countDivisions } from '../../../electron/core/db/divisions';
import { seedNationalDivisions, loadBuiltInDivisions } from '../../../electron/core/divisions/load';
import { makeWrite } from '../../../electron/core/context';
import { JobCancelled, type JobContext } from '../../../electron/core/jobs/context';
import { verifyAuditChain } from '../../../electron/core/db/auditLog';
import { tempDir } from '../../support/tempCore';

/** A job context on a real database whose cancel button is pressed after `checks` checks. */
function contextCancelledAfter(checks: number) {
  const db = openDatabase(join(tempDir(), 'jobs.db'));
  migrate(db, migrations);
  seedNationalDivisions(db, '2026-11-23T09:00:00.000Z');
  const progress: number[] = [];
  let seen = 0;
  const now = () => '2026-11-23T09:00:00.000Z';
  const ctx: JobContext = {
    db,
    dataDir: '',
    resourcesDir: null, vault: plainVault,
    actor: { userId: null, username: 'tester' },
    jobId: 1,
    now,
    progress: (done) => progress.push(done),
    throwIfCancelled: () => {
      if (++seen > checks) throw new JobCancelled();
    },
    write: makeWrite(db, () => ({ userId: null, username: 'tester' }), now),
  };
  return { db, ctx, progress };
}

describe('a job cancelled half-way', () => {
  it('rolls back every row it had written, and its audit row', () => {
    const { db, ctx, progress } = contextCancelledAfter(4);
    const before = countDivisions(db);
    const auditBefore = verifyAuditChain(db).checked;
    expect(() => loadBuiltInDivisions(ctx, { countyCode: '310115000000' })).toThrow(JobCancelled);
    expect(Math.max(...progress)).toBeGreaterThanOrEqual(600); // it was well under way
    expect(countDivisions(db)).toBe(before);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: auditBefore });
    db.close();
  });

  it('runs to the end when nobody cancels', () => {
    const { db, ctx } = contextCancelledAfter(Number.POSITIVE_INFINITY);
    const before = countDivisions(db);
    const result = loadBuiltInDivisions(ctx, { countyCode: '310115000000' });
    expect(result.total).toBeGreaterThan(1500);
    expect(countDivisions(db)).toBe(before + result.inserted);
    db.close();
  });
});
