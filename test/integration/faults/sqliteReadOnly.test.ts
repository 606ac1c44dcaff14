/**
 * SQLITE_READONLY mid-session, on any machine: PRAGMA query_only makes the core's connection
 * answer every write as SQLite does on a database it may not write. (A real write-protected
 * stick refuses at start-up, readOnly.test.ts; a disk remounted read-only under an open file
 * cannot be staged without the file closed.) A record save answers READ_ONLY pointing at the
 * stick's write protection, writes nothing, and saves once writing is allowed again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';

let t: Awaited<ReturnType<typeof makeSetUpCore>>;
beforeAll(async () => {
  t = await makeSetUpCore();
});
afterAll(() => t.dispose());

const count = (table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('SQLITE_READONLY', () => {
  it('saving a record: READ_ONLY with what to check, nothing written; saved once writable', async () => {
    const before = { martyrs: count('martyrs'), audit: count('audit_log') };
    t.core.db.pragma('query_only = ON');
    try {
      const result = await t.core.call('martyrs.create', { name: '刘胡兰', gender: 'female' }, t.admin);
      expect(result).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: { zh: expect.stringContaining('写保护'), en: expect.stringContaining('write-protect') } } });
      expect({ martyrs: count('martyrs'), audit: count('audit_log') }).toEqual(before);
    } finally {
      t.core.db.pragma('query_only = OFF');
    }
    expect((await t.ok('martyrs.create', { name: '刘胡兰', gender: 'female' }, t.admin)).name).toBe('刘胡兰');
  });
});
