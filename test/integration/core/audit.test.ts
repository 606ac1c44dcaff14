import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSetUpCore } from '../../support/tempCore';

let t: Awaited<ReturnType<typeof makeSetUpCore>> | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

describe('audit log', () => {
  it('records who, when and what — before and after — for every write, in the same transaction', async () => {
    t = await makeSetUpCore();
    const clerk = await t.ok('users.create', { username: 'li', displayName: '李档案', role: 'clerk', password: 'initial-pass-1' }, t.admin);
    t.clock.advance(60_000);
    await t.ok('users.update', { id: clerk.id, role: 'reviewer' }, t.admin);
    await t.ok('settings.update', { officeName: '惠民县退役军人事务局' }, t.admin);

    const { entries, total } = await t.ok('audit.list', { entity: 'user', entityId: String(clerk.id) }, t.admin);
    expect(total).toBe(2);
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]).toMatchObject({ username: 'admin', before: { role: 'clerk' }, after: { role: 'reviewer' }, at: '2026-11-23T09:01:00.000Z' });
    expect(JSON.stringify(entries)).not.toContain('argon2');

    const settings = await t.ok('audit.list', { entity: 'settings' }, t.admin);
    expect(settings.entries[0]).toMatchObject({ action: 'update', after: { officeName: '惠民县退役军人事务局' } });
  });

  it('a write that fails leaves neither the change nor an audit row', async () => {
    t = await makeSetUpCore();
    const before = (await t.ok('audit.list', {}, t.admin)).total;
    const r = await t.core.call('settings.update', { homeDivisionCode: '379999000000' }, t.admin);
    expect(r.ok).toBe(false);
    const dup = await t.core.call('users.create', { username: 'admin', displayName: 'x', role: 'clerk', password: 'initial-pass-1' }, t.admin);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.ok('audit.list', {}, t.admin)).total).toBe(before);
  });

  it('filters by user, action and date, and pages by keyset', async () => {
    t = await makeSetUpCore();
    for (let i = 0; i < 7; i++) {
      await t.ok('users.create', { username: `u${i}`, displayName: `用户${i}`, role: 'clerk', password: 'initial-pass-1' }, t.admin);
    }
    const first = await t.ok('audit.list', { action: 'create', entity: 'user', limit: 3 }, t.admin);
    expect(first.total).toBe(8);
    expect(first.entries).toHaveLength(3);
    const second = await t.ok('audit.list', { action: 'create', entity: 'user', limit: 3, beforeId: first.nextBeforeId! }, t.admin);
    expect(second.entries[0]!.id).toBeLessThan(first.entries[2]!.id);
    const today = await t.ok('audit.list', { from: '2026-11-23', to: '2026-11-23' }, t.admin);
    const tomorrow = await t.ok('audit.list', { from: '2026-11-25' }, t.admin);
    expect(today.total).toBeGreaterThan(0);
    expect(tomorrow.total).toBe(0);
    const vocabulary = await t.ok('audit.entities', {}, t.admin);
    expect(vocabulary.entities).toEqual(expect.arrayContaining(['division', 'session', 'user']));
  });

  it('verifies the hash chain and finds an edited or removed entry', async () => {
    t = await makeSetUpCore();
    await t.ok('users.create', { username: 'zhao', displayName: '赵', role: 'clerk', password: 'initial-pass-1' }, t.admin);
    await t.ok('settings.update', { officeName: '某县' }, t.admin);
    const good = await t.ok('audit.verify', {}, t.admin);
    expect(good).toMatchObject({ ok: true, firstBadId: null });
    expect(good.checked).toBeGreaterThanOrEqual(4);

    // The log refuses edits through SQL…
    expect(() => t!.core.db.prepare("UPDATE audit_log SET username = 'x' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => t!.core.db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);

    // …and someone who removes the triggers with another tool is still found out.
    const other = new Database(t.core.dbFile);
    other.exec('DROP TRIGGER audit_log_no_update');
    other.prepare(`UPDATE audit_log SET after_json = '{"officeName":"改过的"}' WHERE entity = 'settings'`).run();
    other.close();
    const edited = await t.ok('audit.verify', {}, t.admin);
    expect(edited.ok).toBe(false);
    expect(edited.reason).toMatch(/changed/);

    const other2 = new Database(t.core.dbFile);
    other2.exec('DROP TRIGGER audit_log_no_delete');
    other2.prepare('DELETE FROM audit_log WHERE id = 2').run();
    other2.close();
    const removed = await t.ok('audit.verify', {}, t.admin);
    expect(removed).toMatchObject({ ok: false, firstBadId: 3 });
  });
});
