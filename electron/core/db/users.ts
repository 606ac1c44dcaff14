import type { Db } from './connection';
import type { Role, User } from '../../../shared/contract';

/** Repository of `users`. */
interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface UserRecord extends User {
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
  };
}

/** The public view: never the hash. */
export function toUser(record: UserRecord): User {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    active: record.active,
    mustChangePassword: record.mustChangePassword,
    createdAt: record.createdAt,
    lastLoginAt: record.lastLoginAt,
  };
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function countActiveAdmins(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
}

export function findUserById(db: Db, id: number): UserRecord | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toRecord(row);
}

export function findUserByName(db: Db, username: string): UserRecord | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row && toRecord(row);
}

export function listUsers(db: Db): UserRecord[] {
  return (db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toRecord);
}

export function insertUser(
  db: Db,
  user: { username: string; displayName: string; role: Role; passwordHash: string; mustChangePassword: boolean; at: string },
): UserRecord {
  const info = db
    .prepare(
      `INSERT INTO users (username, display_name, role, password_hash, must_change_password, created_at, updated_at)
       VALUES (@username, @displayName, @role, @passwordHash, @must, @at, @at)`,
    )
    .run({ ...user, must: user.mustChangePassword ? 1 : 0 });
  return findUserById(db, Number(info.lastInsertRowid))!;
}

export function updateUser(
  db: Db,
  id: number,
  changes: { displayName?: string; role?: Role; active?: boolean; passwordHash?: string; mustChangePassword?: boolean },
  at: string,
): UserRecord | undefined {
  db.prepare(
    `UPDATE users SET
       display_name = coalesce(@displayName, display_name),
       role = coalesce(@role, role),
       active = coalesce(@active, active),
       password_hash = coalesce(@passwordHash, password_hash),
       must_change_password = coalesce(@must, must_change_password),
       updated_at = @at
     WHERE id = @id`,
  ).run({
    id,
    at,
    displayName: changes.displayName ?? null,
    role: changes.role ?? null,
    active: changes.active === undefined ? null : changes.active ? 1 : 0,
    passwordHash: changes.passwordHash ?? null,
    must: changes.mustChangePassword === undefined ? null : changes.mustChangePassword ? 1 : 0,
  });
  return findUserById(db, id);
}

export function recordLoginSuccess(db: Db, id: number, at: string): void {
  db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(at, id);
}

export function recordLoginFailure(db: Db, id: number, lockedUntil: string | null): void {
  db.prepare('UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?').run(lockedUntil, id);
}
