/**
 * Keeping the password wraps of the key file in step with the administrators: every time an
 * administrator's password is known while the data is unlocked — their own change, a reset by
 * another administrator, or their sign-in when they have no wrap yet — their wrap is written
 * again; someone who is no longer an active administrator loses theirs. Nothing happens on a
 * plain installation. The file is re-read right before it is written (after the Argon2 work) so
 * two upkeeps never lose each other's wrap.
 */
import type { Db } from '../db/connection';
import { listUsers, type UserRecord } from '../db/users';
import { readKeyFile, wrapWithPassword, writeKeyFile } from '../crypto/keyFile';
import type { Vault } from '../crypto/vault';

interface WrapContext {
  dataDir: string;
  vault: Vault;
  now(): string;
}

function unlockedKeyFile(ctx: WrapContext) {
  if (!ctx.vault.key) return null;
  const file = readKeyFile(ctx.dataDir);
  return file === null || file === 'damaged' || file.keyId !== ctx.vault.key.id ? null : file;
}

const unlocks = (user: Pick<UserRecord, 'role' | 'active'>) => user.role === 'admin' && user.active;

/** Whether this user has a wrap in the key file (false when not encrypted). */
export function hasWrap(ctx: WrapContext, userId: number): boolean {
  return unlockedKeyFile(ctx)?.passwords.some((w) => w.userId === userId) ?? false;
}

/** Writes (or replaces) the user's wrap with this password; removes it when they are not an active administrator. */
export async function keepWrap(ctx: WrapContext, user: Pick<UserRecord, 'id' | 'username' | 'role' | 'active'>, password: string): Promise<void> {
  const key = ctx.vault.key;
  if (!key || !unlockedKeyFile(ctx)) return;
  const wrap = unlocks(user) ? await wrapWithPassword(key, user, password, ctx.now()) : null;
  const file = unlockedKeyFile(ctx);
  if (!file) return;
  const others = file.passwords.filter((w) => w.userId !== user.id);
  if (!wrap && others.length === file.passwords.length) return;
  writeKeyFile(ctx.dataDir, { ...file, passwords: wrap ? [...others, wrap] : others });
}

/** Removes the wraps of users who are no longer active administrators (role changed, disabled). */
export function pruneWraps(ctx: WrapContext, db: Db): void {
  const file = unlockedKeyFile(ctx);
  if (!file) return;
  const admins = new Set(listUsers(db).filter(unlocks).map((u) => u.id));
  const kept = file.passwords.filter((w) => admins.has(w.userId));
  if (kept.length !== file.passwords.length) writeKeyFile(ctx.dataDir, { ...file, passwords: kept });
}
