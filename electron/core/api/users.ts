/** User accounts: the administrator creates them, sets roles, disables them, resets passwords. */
import { defineHandlers } from '../context';
import { CoreError, notFound } from '../errors';
import { checkPasswordStrength, hashPassword } from '../auth/password';
import { keepWrap, pruneWraps } from '../encryption/wraps';
import { countActiveAdmins, findUserById, findUserByName, insertUser, listUsers, toUser, updateUser } from '../db/users';

const userNotFound = () => notFound({ zh: '该用户', en: 'The user' });

export const userHandlers = defineHandlers({
  'users.list': (_input, ctx) => listUsers(ctx.db).map(toUser),

  'users.create': async (input, ctx) => {
    checkPasswordStrength(input.password);
    if (findUserByName(ctx.db, input.username)) {
      throw new CoreError('CONFLICT', { zh: `用户名“${input.username}”已被使用。`, en: `The user name “${input.username}” is taken.` });
    }
    const passwordHash = await hashPassword(input.password);
    const created = ctx.write((audit) => {
      if (findUserByName(ctx.db, input.username)) {
        throw new CoreError('CONFLICT', { zh: `用户名“${input.username}”已被使用。`, en: `The user name “${input.username}” is taken.` });
      }
      const inserted = insertUser(ctx.db, { username: input.username, displayName: input.displayName, role: input.role, passwordHash, mustChangePassword: true, at: ctx.now() });
      audit({ entity: 'user', entityId: inserted.id, action: 'create', after: toUser(inserted) });
      return inserted;
    });
    // Encrypted data: a new administrator's initial password unlocks it too.
    if (created.role === 'admin') await keepWrap(ctx, created, input.password);
    return toUser(created);
  },

  'users.update': (input, ctx) => {
    const me = ctx.requireUser();
    const updated = ctx.write((audit) => {
      const before = findUserById(ctx.db, input.id);
      if (!before) throw userNotFound();
      const losesAdmin = before.role === 'admin' && before.active && ((input.role !== undefined && input.role !== 'admin') || input.active === false);
      if (losesAdmin && countActiveAdmins(ctx.db) <= 1) {
        throw new CoreError('CONFLICT', { zh: '至少需要保留一个有效的系统管理员账户。', en: 'At least one active administrator must remain.' });
      }
      if (input.id === me.id && input.active === false) {
        throw new CoreError('CONFLICT', { zh: '不能停用自己正在使用的账户。', en: 'You cannot disable the account you are signed in with.' });
      }
      const after = updateUser(ctx.db, input.id, { displayName: input.displayName, role: input.role, active: input.active }, ctx.now())!;
      audit({ entity: 'user', entityId: input.id, action: 'update', before: toUser(before), after: toUser(after) });
      if (before.role !== after.role || (before.active && !after.active)) ctx.sessions.signOutUser(input.id);
      return toUser(after);
    });
    // Encrypted data: someone who is no longer an active administrator can no longer unlock it.
    pruneWraps(ctx, ctx.db);
    return updated;
  },

  'users.resetPassword': async (input, ctx) => {
    checkPasswordStrength(input.password);
    const passwordHash = await hashPassword(input.password);
    const after = ctx.write((audit) => {
      const before = findUserById(ctx.db, input.id);
      if (!before) throw userNotFound();
      const changed = updateUser(ctx.db, input.id, { passwordHash, mustChangePassword: true }, ctx.now())!;
      audit({ entity: 'user', entityId: input.id, action: 'password', after: { changedBy: 'administrator', mustChangePassword: true } });
      return changed;
    });
    // Encrypted data: an administrator's unlock password follows the password reset.
    await keepWrap(ctx, after, input.password);
    return toUser(after);
  },
});
