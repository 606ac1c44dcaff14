import type { Db } from './connection';
import { CoreError } from '../errors';

export interface Migration {
  /** 1, 2, 3 … in order, never reused. */
  version: number;
  name: string;
  up(db: Db): void;
}

export function currentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest version, one migration per transaction, `PRAGMA user_version`
 * recording where it stands. A database written by a newer Guangrong is refused untouched.
 * `target` stops early (the migration tests use it).
 */
export function migrate(db: Db, migrations: readonly Migration[], target?: number): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}: version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const from = currentVersion(db);
  if (from > latest) {
    throw new CoreError('DATABASE_TOO_NEW', {
      zh: `该数据库由更新版本的光荣创建（结构版本 ${from}，本软件支持到 ${latest}），请先升级本软件。数据未作任何改动。`,
      en: `This database was made by a newer version of Guangrong (schema ${from}; this version knows up to ${latest}). Update the application first. Nothing was changed.`,
    });
  }
  const to = Math.min(target ?? latest, latest);
  for (const m of migrations.slice(from, to)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: Math.max(from, to) };
}
