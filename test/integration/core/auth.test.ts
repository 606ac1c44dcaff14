import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, makeSetUpCore, makeTestCore, type TestCore } from '../../support/tempCore';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

describe('first start', () => {
  it('asks for the administrator, creates it once, and signs it in', async () => {
    t = makeTestCore();
    const s = t.core.openSession();
    expect(await t.ok('setup.status', {}, s)).toMatchObject({ needsAdmin: true });
    const login = await t.core.call('auth.login', { username: 'admin', password: 'whatever1' }, s);
    expect(login).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });

    const state = await t.ok('setup.createAdmin', ADMIN, s);
    expect(state.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: false });
    expect(await t.ok('setup.status', {}, s)).toMatchObject({ needsAdmin: false });

    const again = await t.core.call('setup.createAdmin', { ...ADMIN, username: 'second' }, t.core.openSession());
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('refuses a short administrator password with a bilingual reason', async () => {
    t = makeTestCore();
    const r = await t.core.call('setup.createAdmin', { ...ADMIN, password: 'short' }, t.core.openSession());
    expect(r).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    if (!r.ok) expect(r.error.message.zh).toMatch(/8/);
    expect(await t.ok('setup.status', {}, t.core.openSession())).toMatchObject({ needsAdmin: true });
  });

  it('stores an Argon2id hash, never the password', async () => {
    t = await makeSetUpCore();
    const row = t.core.db.prepare('SELECT password_hash FROM users WHERE username = ?').get('admin') as { password_hash: string };
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });
});

describe('sign-in', () => {
  it('signs in and out, and every call runs as the session’s user', async () => {
    const s = await makeSetUpCore();
    t = s;
    const other = s.core.openSession();
    expect(await s.core.call('users.list', {}, other)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await s.ok('auth.login', { username: 'ADMIN', password: ADMIN.password }, other);
    expect((await s.ok('users.list', {}, other)).map((u) => u.username)).toEqual(['admin']);
    await s.ok('auth.logout', {}, other);
    expect(await s.core.call('users.list', {}, other)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The first session is still signed in.
    expect(await s.core.call('users.list', {}, s.admin)).toMatchObject({ ok: true });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const s = await makeSetUpCore();
    t = s;
    const a = await s.core.call('auth.login', { username: 'nobody', password: 'x' }, s.core.openSession());
    const b = await s.core.call('auth.login', { username: 'admin', password: 'wrong password' }, s.core.openSession());
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('locks an account for 5 minutes after 5 wrong passwords', async () => {
    const s = await makeSetUpCore();
    t = s;
    const session = s.core.openSession();
    for (let i = 0; i < 5; i++) await s.core.call('auth.login', { username: 'admin', password: `wrong-${i}` }, session);
    expect(await s.core.call('auth.login', { username: 'admin', password: ADMIN.password }, session)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    s.clock.advance(5 * 60_000 + 1000);
    expect(await s.core.call('auth.login', { username: 'admin', password: ADMIN.password }, session)).toMatchObject({ ok: true });
  });
});

describe('idle lock', () => {
  it('locks after the idle minutes, keeps the user, and unlocks with the password', async () => {
    const s = await makeSetUpCore();
    t = s;
    s.clock.advance(14 * 60_000);
    expect(await s.core.call('users.list', {}, s.admin)).toMatchObject({ ok: true });
    s.clock.advance(15 * 60_000 + 1);
    expect(await s.core.call('users.list', {}, s.admin)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await s.ok('auth.session', {}, s.admin)).toMatchObject({ locked: true, user: null });
    expect(await s.core.call('auth.unlock', { password: 'wrong password' }, s.admin)).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await s.ok('auth.unlock', { password: ADMIN.password }, s.admin)).toMatchObject({ locked: false, user: { username: 'admin' } });
    expect(await s.core.call('users.list', {}, s.admin)).toMatchObject({ ok: true });
  });

  it('heartbeats postpone the lock; auth.session polling does not', async () => {
    const s = await makeSetUpCore();
    t = s;
    for (let i = 0; i < 4; i++) {
      s.clock.advance(10 * 60_000);
      await s.ok('auth.heartbeat', {}, s.admin);
    }
    s.clock.advance(10 * 60_000);
    await s.ok('auth.session', {}, s.admin);
    s.clock.advance(6 * 60_000);
    expect(await s.ok('auth.session', {}, s.admin)).toMatchObject({ locked: true });
  });

  it('locks at once on request', async () => {
    const s = await makeSetUpCore();
    t = s;
    await s.ok('auth.lock', {}, s.admin);
    expect(await s.core.call('users.list', {}, s.admin)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });
});

describe('roles', () => {
  async function withUser(role: 'clerk' | 'reviewer' | 'readonly') {
    const s = await makeSetUpCore();
    t = s;
    await s.ok('users.create', { username: role, displayName: `${role} 用户`, role, password: 'initial-pass-1' }, s.admin);
    const session = s.core.openSession();
    await s.ok('auth.login', { username: role, password: 'initial-pass-1' }, session);
    return { s, session };
  }

  it('makes a new user change the initial password before anything else', async () => {
    const { s, session } = await withUser('clerk');
    expect(await s.core.call('divisions.stats', {}, session)).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    await s.ok('auth.changePassword', { currentPassword: 'initial-pass-1', newPassword: 'my own pass 2' }, session);
    expect(await s.core.call('divisions.stats', {}, session)).toMatchObject({ ok: true });
  });

  it.each([
    ['clerk', 'users.list', 'FORBIDDEN'],
    ['clerk', 'audit.list', 'FORBIDDEN'],
    ['reviewer', 'settings.update', 'FORBIDDEN'],
    ['readonly', 'divisions.loadBuiltIn', 'FORBIDDEN'],
    ['readonly', 'divisions.stats', null],
    ['clerk', 'settings.get', null],
  ] as const)('%s calling %s → %s', async (role, method, code) => {
    const { s, session } = await withUser(role);
    await s.ok('auth.changePassword', { currentPassword: 'initial-pass-1', newPassword: 'my own pass 2' }, session);
    const input = method === 'divisions.loadBuiltIn' ? { countyCode: '371621000000' } : method === 'settings.update' ? { officeName: 'x' } : {};
    const r = await s.core.callUntyped(method, input, session);
    if (code) expect(r).toMatchObject({ ok: false, error: { code } });
    else expect(r).toMatchObject({ ok: true });
    const denied = await s.ok('audit.list', { entity: 'access', action: 'denied' }, s.admin);
    if (code) expect(denied.entries[0]).toMatchObject({ username: role, after: { method, role } });
    else expect(denied.total).toBe(0);
  });

  it('signs out a user whose account is disabled, and keeps at least one administrator', async () => {
    const { s, session } = await withUser('reviewer');
    const users = await s.ok('users.list', {}, s.admin);
    const reviewer = users.find((u) => u.username === 'reviewer')!;
    await s.ok('users.update', { id: reviewer.id, active: false }, s.admin);
    expect(await s.core.call('auth.session', {}, session)).toMatchObject({ ok: true, value: { user: null } });
    expect(await s.core.call('auth.login', { username: 'reviewer', password: 'initial-pass-1' }, session)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
    const admin = users.find((u) => u.username === 'admin')!;
    expect(await s.core.call('users.update', { id: admin.id, role: 'clerk' }, s.admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
