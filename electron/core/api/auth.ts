/**
 * First start, sign-in, sign-out and the idle lock.
 * Failed sign-ins are counted per account: after 5 in a row the account waits 5 minutes.
 */
import { defineHandlers, type HandlerContext } from '../context';
import { CoreError } from '../errors';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../auth/password';
import {
  countUsers,
  findUserById,
  findUserByName,
  insertUser,
  recordLoginFailure,
  recordLoginSuccess,
  toUser,
  updateUser,
  type UserRecord,
} from '../db/users';
import { countDivisions } from '../db/divisions';
import { writeTransaction } from '../db/connection';
import { appendAudit } from '../db/auditLog';
import type { SessionState } from '../../../shared/contract';
import { hasWrap, keepWrap } from '../encryption/wraps';

const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MS = 5 * 60_000;
/** Verified against when the user name is unknown, so both answers take as long. */
let dummyHash: Promise<string> | null = null;

export function sessionView(ctx: HandlerContext): SessionState {
  const state = ctx.sessionState;
  const user = ctx.user ?? null;
  return {
    user: user && !state.locked ? toUser(user) : null,
    locked: state.userId !== null && state.locked,
    idleLockMinutes: ctx.settings.get().idleLockMinutes,
  };
}

function signIn(ctx: HandlerContext, user: UserRecord): SessionState {
  ctx.sessionState.userId = user.id;
  ctx.sessionState.locked = false;
  ctx.sessionState.lastActivity = ctx.nowMs();
  return { user: toUser(user), locked: false, idleLockMinutes: ctx.settings.get().idleLockMinutes };
}

/** Records a failed password in its own transaction (the caller then refuses). */
function recordFailure(ctx: HandlerContext, user: UserRecord, action: 'login_failed' | 'unlock_failed'): void {
  const lockedUntil = user.failedAttempts + 1 >= MAX_FAILED_ATTEMPTS ? new Date(ctx.nowMs() + LOCKOUT_MS).toISOString() : null;
  writeTransaction(ctx.db, () => {
    recordLoginFailure(ctx.db, user.id, lockedUntil);
    appendAudit(ctx.db, { at: ctx.now(), userId: user.id, username: user.username, entity: 'session', entityId: null, action, after: { attempts: user.failedAttempts + 1, lockedUntil } });
  });
}

export async function checkPassword(ctx: HandlerContext, user: UserRecord, password: string, action: 'login_failed' | 'unlock_failed'): Promise<void> {
  if (user.lockedUntil && user.lockedUntil > ctx.now()) throw new CoreError('ACCOUNT_LOCKED');
  if (!(await verifyPassword(user.passwordHash, password))) {
    recordFailure(ctx, user, action);
    throw new CoreError('INVALID_CREDENTIALS');
  }
}

export const authHandlers = defineHandlers({
  'setup.status': (_input, ctx) => ({ needsAdmin: countUsers(ctx.db) === 0, divisionsLoaded: countDivisions(ctx.db) }),

  'setup.createAdmin': async (input, ctx) => {
    if (countUsers(ctx.db) > 0) throw new CoreError('ALREADY_SET_UP');
    checkPasswordStrength(input.password);
    const passwordHash = await hashPassword(input.password);
    const admin = writeTransaction(ctx.db, () => {
      if (countUsers(ctx.db) > 0) throw new CoreError('ALREADY_SET_UP');
      const created = insertUser(ctx.db, { username: input.username, displayName: input.displayName, role: 'admin', passwordHash, mustChangePassword: false, at: ctx.now() });
      appendAudit(ctx.db, { at: ctx.now(), userId: created.id, username: created.username, entity: 'user', entityId: created.id, action: 'create', after: toUser(created) });
      recordLoginSuccess(ctx.db, created.id, ctx.now());
      appendAudit(ctx.db, { at: ctx.now(), userId: created.id, username: created.username, entity: 'session', entityId: null, action: 'login' });
      return created;
    });
    return signIn(ctx, admin);
  },

  'auth.login': async (input, ctx) => {
    if (countUsers(ctx.db) === 0) throw new CoreError('SETUP_REQUIRED');
    const user = findUserByName(ctx.db, input.username);
    if (!user) {
      dummyHash ??= hashPassword('not a password of anybody');
      await verifyPassword(await dummyHash, input.password);
      ctx.write((audit) => audit({ entity: 'session', entityId: null, action: 'login_failed', after: { username: input.username.slice(0, 64) } }));
      throw new CoreError('INVALID_CREDENTIALS');
    }
    await checkPassword(ctx, user, input.password, 'login_failed');
    if (!user.active) throw new CoreError('ACCOUNT_DISABLED');
    writeTransaction(ctx.db, () => {
      recordLoginSuccess(ctx.db, user.id, ctx.now());
      appendAudit(ctx.db, { at: ctx.now(), userId: user.id, username: user.username, entity: 'session', entityId: null, action: 'login' });
    });
    // Encrypted data: an administrator without an unlock password yet gets one now (the password is known).
    if (user.role === 'admin' && ctx.vault.key && !hasWrap(ctx, user.id)) await keepWrap(ctx, user, input.password);
    return signIn(ctx, { ...user, lastLoginAt: ctx.now() });
  },

  'auth.logout': (_input, ctx) => {
    const userId = ctx.sessionState.userId;
    if (userId !== null) {
      ctx.write((audit) => audit({ entity: 'session', entityId: null, action: 'logout' }));
    }
    ctx.sessionState.userId = null;
    ctx.sessionState.locked = false;
    return { ok: true as const };
  },

  'auth.session': (_input, ctx) => sessionView(ctx),

  'auth.heartbeat': (_input, ctx) => sessionView(ctx),

  'auth.lock': (_input, ctx) => {
    ctx.sessionState.locked = true;
    return sessionView({ ...ctx, user: null });
  },

  'auth.unlock': async (input, ctx) => {
    const state = ctx.sessionState;
    if (state.userId === null) throw new CoreError('UNAUTHENTICATED');
    const user = findUserById(ctx.db, state.userId);
    if (!user || !user.active) {
      state.userId = null;
      throw new CoreError('UNAUTHENTICATED');
    }
    await checkPassword(ctx, user, input.password, 'unlock_failed');
    writeTransaction(ctx.db, () => {
      recordLoginSuccess(ctx.db, user.id, ctx.now());
      appendAudit(ctx.db, { at: ctx.now(), userId: user.id, username: user.username, entity: 'session', entityId: null, action: 'unlock' });
    });
    return signIn(ctx, user);
  },

  'auth.changePassword': async (input, ctx) => {
    const user = ctx.requireUser();
    await checkPassword(ctx, user, input.currentPassword, 'login_failed');
    checkPasswordStrength(input.newPassword);
    if (input.newPassword === input.currentPassword) {
      throw new CoreError('WEAK_PASSWORD', { zh: '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    ctx.write((audit) => {
      updateUser(ctx.db, user.id, { passwordHash, mustChangePassword: false }, ctx.now());
      audit({ entity: 'user', entityId: user.id, action: 'password', after: { changedBy: 'self' } });
    });
    await keepWrap(ctx, user, input.newPassword);
    return { ok: true as const };
  },
});
