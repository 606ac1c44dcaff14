/**
 * Backup and restore (系统管理 → 备份与恢复), administrators only. Making a backup and verifying a
 * restore are jobs (electron/core/backup/jobs.ts); the swap after a verified restore is done by the
 * core host, which closes and reopens the core around it (electron/core/backup/host.ts).
 * `recovery.*` answer here only while the database is fine; the host answers them itself when the
 * database could not be opened at start.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { BACKUP_EXTENSION, type AsideFolder, type BackupFile, type LastRestore } from '../../../shared/contract/backup';
import { isoTimestamp } from '../../../shared/contract/common';
import type { Db } from '../db/connection';
import { defineHandlers, type HandlerContext } from '../context';
import { readBackupSettings, restoreNotSignedInSince, writeBackupFolder } from '../db/backup';
import { migrations } from '../db/migrations';
import { CoreError, notFound } from '../errors';
import { automaticFolder } from '../backup/automatic';
import { defaultBackupFolder, folderBytes } from '../backup/files';
import { inspectBackup } from '../backup/restore';
import { keyForBackup } from '../backup/backupKey';

function absolutePath(path: string): string {
  if (!isAbsolute(path)) {
    throw new CoreError('VALIDATION', { zh: `请填写完整的路径（例如 E:\\备份 或 /media/usb）：${path}`, en: `Give the full path (e.g. E:\\Backups or /media/usb): ${path}` });
  }
  return resolve(path);
}

function backupSettings(ctx: HandlerContext) {
  const stored = readBackupSettings(ctx.db);
  return {
    folder: stored.folder,
    defaultFolder: defaultBackupFolder(ctx.dataDir),
    effectiveFolder: automaticFolder(ctx.db, ctx.dataDir),
    lastAutomaticAt: stored.lastAutomatic?.at ?? null,
    lastAutomaticFile: stored.lastAutomatic?.file ?? null,
  };
}

/** The backup files in a folder, newest first (by the time in their manifest, else the file's). */
export function listBackups(folder: string, latestSchema: number, installationKeyId: string | null = null): BackupFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(BACKUP_EXTENSION))
    .map((name) => inspectBackup(join(folder, name), latestSchema, installationKeyId))
    .sort((a, b) => (b.summary?.createdAt ?? b.modifiedAt).localeCompare(a.summary?.createdAt ?? a.modifiedAt));
}

export function listAside(dataDir: string): AsideFolder[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^(replaced|damaged)-[0-9TZ-]+$/.test(e.name))
    .map((e) => {
      const path = join(dataDir, e.name);
      return { name: e.name, path, kind: e.name.startsWith('replaced') ? ('replaced' as const) : ('damaged' as const), bytes: folderBytes(path), createdAt: statSync(path).mtime.toISOString() };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** What the core host recorded of a restore (host.ts recordRestore); older records lack the backup's maker. */
const restoreRecordSchema = z.object({
  file: z.string(),
  createdAt: isoTimestamp.optional(),
  createdBy: z.string().optional(),
  replacedDir: z.string(),
  beforeSignIn: z.boolean().optional(),
});

/** The last restore while nobody has signed in since it; null otherwise, or for a record that cannot be read. */
export function lastRestore(db: Db): LastRestore | null {
  const found = restoreNotSignedInSince(db);
  const record = found ? restoreRecordSchema.safeParse(found.after) : null;
  if (!found || !record?.success) return null;
  const r = record.data;
  return { at: found.at, file: r.file, backupCreatedAt: r.createdAt ?? null, backupCreatedBy: r.createdBy ?? null, replacedDir: r.replacedDir, beforeSignIn: r.beforeSignIn ?? false };
}

function refuseWhileJobsRun(ctx: HandlerContext): void {
  if (ctx.jobs.list(50).some((job) => job.status === 'running')) {
    throw new CoreError('BUSY', { zh: '还有任务在进行（导入、打印或备份），请等它完成后再恢复。', en: 'A job (import, printing or backup) is still running: wait for it to finish before restoring.' });
  }
}

export const backupHandlers = defineHandlers({
  'backup.settings': (_input, ctx) => backupSettings(ctx),
  'backup.updateSettings': (input, ctx) => {
    const folder = input.folder === '' ? '' : absolutePath(input.folder);
    if (folder && !(existsSync(folder) && statSync(folder).isDirectory())) {
      throw new CoreError('NOT_FOUND', { zh: `找不到该文件夹：${folder}`, en: `The folder ${folder} was not found.` });
    }
    const before = readBackupSettings(ctx.db).folder;
    ctx.write((audit) => {
      writeBackupFolder(ctx.db, folder);
      audit({ entity: 'backup', entityId: null, action: 'settings', before: { folder: before }, after: { folder } });
    });
    return backupSettings(ctx);
  },
  'backup.create': (input, ctx) => {
    const user = ctx.requireUser();
    return ctx.jobs.start('backup.create', { folder: absolutePath(input.folder), reason: 'manual', appVersion: ctx.info.version }, { userId: user.id, username: user.username });
  },
  'backup.list': (input, ctx) => listBackups(input.folder ? absolutePath(input.folder) : automaticFolder(ctx.db, ctx.dataDir), migrations.length, ctx.vault.key?.id ?? null),
  'backup.inspect': (input, ctx) => {
    const file = absolutePath(input.file);
    if (!existsSync(file)) throw notFound({ zh: `备份文件 ${file}`, en: `The backup file ${file}` });
    return inspectBackup(file, migrations.length, ctx.vault.key?.id ?? null);
  },
  'backup.restore': async (input, ctx) => {
    const user = ctx.requireUser();
    const file = absolutePath(input.file);
    const info = inspectBackup(file, migrations.length, ctx.vault.key?.id ?? null);
    if (!info.restorable) throw new CoreError(info.summary ? 'DATABASE_TOO_NEW' : 'BAD_FILE', info.problem ?? undefined);
    refuseWhileJobsRun(ctx);
    // The backup's own key, when it is not the installation's: from the credentials, checked now
    // (a wrong password is refused before anything starts). It goes to the worker in its input only.
    const backupKey = await keyForBackup(file, info.summary?.encryption?.keyId ?? null, ctx.vault.key, input.key);
    const keyInput = backupKey && backupKey !== ctx.vault.key ? { id: backupKey.id, hex: backupKey.key.toString('hex') } : null;
    return ctx.jobs.start('backup.restore', { file, appVersion: ctx.info.version, backupKey: keyInput }, { userId: user.id, username: user.username });
  },
  'backup.removePlain': (input, ctx) => {
    const file = absolutePath(input.file);
    if (!existsSync(file)) throw notFound({ zh: `备份文件 ${file}`, en: `The backup file ${file}` });
    const info = inspectBackup(file, migrations.length, ctx.vault.key?.id ?? null);
    // Only what this is for: a readable backup in the clear, while the installation is encrypted.
    if (!file.endsWith(BACKUP_EXTENSION) || !info.summary || !info.unencryptedCopy) {
      throw new CoreError('VALIDATION', {
        zh: '只能在本机数据已加密时删除未加密的备份文件；这个文件不是未加密的备份。',
        en: 'Only an unencrypted backup can be deleted here, and only while this installation is encrypted; this file is not one.',
      });
    }
    ctx.write((audit) => audit({ entity: 'backup', entityId: null, action: 'remove-plain', after: { file, createdAt: info.summary!.createdAt, size: info.size } }));
    rmSync(file, { force: true });
    return { ok: true as const };
  },
  'backup.asideList': (_input, ctx) => listAside(ctx.dataDir),
  'backup.removeAside': (input, ctx) => {
    const found = listAside(ctx.dataDir).find((folder) => folder.name === input.name);
    if (!found) throw notFound({ zh: `文件夹 ${input.name}`, en: `The folder ${input.name}` });
    ctx.write((audit) => audit({ entity: 'backup', entityId: null, action: 'remove-aside', after: { name: found.name, kind: found.kind, bytes: found.bytes } }));
    rmSync(found.path, { recursive: true, force: true });
    return { ok: true as const };
  },
  'recovery.status': () => ({ state: 'ok' as const }),
  'recovery.lastRestore': (_input, ctx) => lastRestore(ctx.db),
  'recovery.restore': () => {
    throw new CoreError('CONFLICT', {
      zh: '数据库完好，无需在登录前恢复。请由管理员在“系统管理 → 备份与恢复”中恢复备份。',
      en: 'The database is fine: there is nothing to recover before sign-in. An administrator restores backups under Administration → Backup and restore.',
    });
  },
});
