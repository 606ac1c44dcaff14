/**
 * Reading a backup back: what it holds (the manifest, read before anything is replaced), every
 * entry verified against its SHA-256 while it is extracted into a staging folder beside the data,
 * and the swap itself — the current database and attachments moved aside into
 * `<dataDir>/replaced-<time>/` (kept until the administrator removes them), the staged ones
 * renamed into place. Renames stay on one disk, so the swap takes no time whatever the size.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  BACKUP_DATABASE_ENTRY,
  BACKUP_KEY_FILE_ENTRY,
  BACKUP_MANIFEST_ENTRY,
  backupManifestSchema,
  type BackupFile,
  type BackupManifest,
} from '../../../shared/contract/backup';
import type { LocalizedText } from '../../../shared/contract/text';
import { quickCheck } from '../db/backup';
import { sqlKeyPragmas, type DataKey } from '../crypto/dataKey';
import { KEY_FILE } from '../crypto/keyFile';
import { createVault } from '../crypto/vault';
import { encryptedWithOtherKey } from './backupKey';
import { CoreError } from '../errors';
import { fsyncFolder } from './files';
import { ZipFormatError, ZipReader } from './zip';

export const DATABASE_FILE = 'guangrong.db';
const ENTRY_NAME = /^attachments\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export const backupProblems = {
  truncated: { zh: '备份文件不完整（可能在写入时拔出了 U 盘或断电），不能用于恢复。未替换任何数据。', en: 'The backup file is incomplete (the USB stick was pulled out or the power failed while it was written); it cannot be restored. Nothing was replaced.' },
  malformed: { zh: '该文件不是光荣的备份文件，或已损坏。未替换任何数据。', en: 'This file is not a Guangrong backup, or it is damaged. Nothing was replaced.' },
  unreadable: { zh: '无法读取该备份文件。未替换任何数据。', en: 'The backup file cannot be read. Nothing was replaced.' },
} satisfies Record<string, LocalizedText>;

export function tamperedEntry(name: string): LocalizedText {
  return {
    zh: `备份文件中的“${name}”与备份时记录的校验值（SHA-256）不符：文件已被改动或损坏，不能用于恢复。未替换任何数据。`,
    en: `“${name}” in the backup does not match the SHA-256 recorded when it was made: the file was altered or damaged and cannot be restored. Nothing was replaced.`,
  };
}

export function tooNew(schemaVersion: number, latest: number): LocalizedText {
  return {
    zh: `该备份由更新版本的光荣创建（结构版本 ${schemaVersion}，本软件支持到 ${latest}），请先升级本软件再恢复。未替换任何数据。`,
    en: `This backup was made by a newer Guangrong (schema ${schemaVersion}; this version knows up to ${latest}). Update the application before restoring it. Nothing was replaced.`,
  };
}

function problemOf(error: unknown): LocalizedText {
  if (error instanceof ZipFormatError) {
    if (error.reason === 'checksum') return tamperedEntry(error.entry ?? '?');
    return error.reason === 'truncated' ? backupProblems.truncated : backupProblems.malformed;
  }
  if (error instanceof CoreError) return error.text;
  return backupProblems.unreadable;
}

/** Opens a backup and reads its manifest, checking that every entry it names is there with its size. */
export function openBackup(file: string): { zip: ZipReader; manifest: BackupManifest } {
  const zip = ZipReader.open(file);
  try {
    if (!zip.entries.has(BACKUP_MANIFEST_ENTRY)) throw new ZipFormatError('truncated', 'no manifest');
    let parsed: unknown;
    try {
      parsed = JSON.parse(zip.readBytes(BACKUP_MANIFEST_ENTRY).toString('utf8'));
    } catch {
      throw new ZipFormatError('malformed', 'manifest is not JSON');
    }
    const manifest = backupManifestSchema.safeParse(parsed);
    if (!manifest.success) throw new ZipFormatError('malformed', 'manifest does not match');
    const names = new Set<string>();
    for (const entry of manifest.data.entries) {
      if (entry.name !== BACKUP_DATABASE_ENTRY && entry.name !== BACKUP_KEY_FILE_ENTRY && !ENTRY_NAME.test(entry.name)) throw new ZipFormatError('malformed', `unexpected entry ${entry.name}`);
      if (names.has(entry.name)) throw new ZipFormatError('malformed', `twice: ${entry.name}`);
      names.add(entry.name);
      const inZip = zip.entries.get(entry.name);
      if (!inZip) throw new ZipFormatError('truncated', `missing ${entry.name}`);
      if (inZip.size !== entry.size) throw new CoreError('BAD_FILE', tamperedEntry(entry.name));
    }
    if (!names.has(BACKUP_DATABASE_ENTRY)) throw new ZipFormatError('malformed', 'no database');
    return { zip, manifest: manifest.data };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** The key id a backup is encrypted under, or null for a plain one. */
export const backupKeyId = (manifest: Pick<BackupManifest, 'encryption'>): string | null => manifest.encryption?.keyId ?? null;

/**
 * What the file holds, or why it cannot be restored; never throws for a bad file. `installationKeyId`
 * (null: a plain installation) tells whether its key is the installation's.
 */
export function inspectBackup(file: string, latestSchema: number, installationKeyId: string | null = null): BackupFile {
  let size = 0;
  let modifiedAt = new Date(0).toISOString();
  try {
    const stat = statSync(file);
    size = stat.size;
    modifiedAt = stat.mtime.toISOString();
    const { zip, manifest } = openBackup(file);
    zip.close();
    const { entries, ...rest } = manifest;
    const newer = manifest.schemaVersion > latestSchema;
    const keyId = backupKeyId(manifest);
    return {
      file,
      name: file.split(/[\\/]/).pop() ?? file,
      size,
      modifiedAt,
      summary: { ...rest, encryption: keyId ? { keyId } : null, files: entries.length, bytes: entries.reduce((sum, e) => sum + e.size, 0) },
      problem: newer ? tooNew(manifest.schemaVersion, latestSchema) : null,
      restorable: !newer,
      keyStatus: keyId === null ? 'plain' : keyId === installationKeyId ? 'installationKey' : 'otherKey',
      unencryptedCopy: keyId === null && installationKeyId !== null,
    };
  } catch (error) {
    return { file, name: file.split(/[\\/]/).pop() ?? file, size, modifiedAt, summary: null, problem: problemOf(error), restorable: false, keyStatus: 'plain', unencryptedCopy: false };
  }
}

export interface ExtractHooks {
  /** After each entry, and every 16 MiB within a large one. */
  onProgress?: (filesDone: number, filesTotal: number, bytes: { done: number; total: number }) => void;
  /** Throws to stop (a cancelled job): the staging folder is removed. */
  check?: () => void;
}

/**
 * Extracts every entry into `stagingDir` (created; must not exist), each checked against the
 * manifest's SHA-256 (and an attachment against its own name), then checks the database itself.
 * On any failure the staging folder is removed and a CoreError BAD_FILE / DATABASE_TOO_NEW says why.
 *
 * An encrypted backup needs `key` (its own data key): its database is checked through it, and each
 * attachment's name against the SHA-256 of its PLAIN bytes (the entry's own SHA-256 is of the
 * sealed bytes as stored). Without the right key: DATA_LOCKED, naming the key, before anything is
 * extracted.
 */
export async function extractVerified(file: string, stagingDir: string, latestSchema: number, hooks: ExtractHooks = {}, key: DataKey | null = null): Promise<BackupManifest> {
  let opened: ReturnType<typeof openBackup>;
  try {
    opened = openBackup(file);
  } catch (error) {
    throw error instanceof CoreError ? error : new CoreError('BAD_FILE', problemOf(error));
  }
  const { zip, manifest } = opened;
  if (manifest.schemaVersion > latestSchema) {
    zip.close();
    throw new CoreError('DATABASE_TOO_NEW', tooNew(manifest.schemaVersion, latestSchema));
  }
  const keyId = backupKeyId(manifest);
  if (keyId !== null && key?.id !== keyId) {
    zip.close();
    throw new CoreError('DATA_LOCKED', encryptedWithOtherKey(keyId));
  }
  const vault = createVault(keyId === null ? null : key);
  mkdirSync(stagingDir, { recursive: false });
  try {
    let done = 0;
    const bytes = { done: 0, total: manifest.entries.reduce((sum, e) => sum + e.size, 0) };
    for (const entry of manifest.entries) {
      hooks.check?.();
      const match = ENTRY_NAME.exec(entry.name);
      const target = match ? join(stagingDir, 'attachments', match[1]!, match[2]!, match[3]!) : join(stagingDir, entry.name === BACKUP_KEY_FILE_ENTRY ? KEY_FILE : DATABASE_FILE);
      if (match) mkdirSync(join(stagingDir, 'attachments', match[1]!, match[2]!), { recursive: true });
      const fd = openSync(target, 'wx');
      let sha: string;
      try {
        let chunks = 0;
        sha = await zip.streamEntry(entry.name, async (chunk) => {
          writeSync(fd, chunk);
          bytes.done += chunk.length;
          // Let the event loop breathe (a restore at start runs on the main thread).
          if (++chunks % 16 === 0) {
            await new Promise((resolve) => setImmediate(resolve));
            hooks.check?.();
            hooks.onProgress?.(done, manifest.entries.length, { ...bytes });
          }
        });
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      // A plain attachment's stored bytes are its content; a sealed one is checked by its plain bytes.
      const named = match && (keyId === null ? sha : await plainHash(vault, target));
      if (sha !== entry.sha256 || (match && match[3] !== named)) throw new CoreError('BAD_FILE', tamperedEntry(entry.name));
      hooks.onProgress?.(++done, manifest.entries.length, { ...bytes });
    }
    checkStagedDatabase(join(stagingDir, DATABASE_FILE), manifest, latestSchema, keyId === null ? null : key);
    fsyncFolder(stagingDir);
    return manifest;
  } catch (error) {
    rmSync(stagingDir, { recursive: true, force: true });
    if (error instanceof ZipFormatError) throw new CoreError('BAD_FILE', problemOf(error));
    throw error;
  } finally {
    zip.close();
  }
}

async function plainHash(vault: ReturnType<typeof createVault>, path: string): Promise<string | null> {
  try {
    return (await vault.hashFile(path)).sha256;
  } catch (error) {
    if (error instanceof CoreError && error.code === 'FILE_DAMAGED') return null;
    throw error;
  }
}

function checkStagedDatabase(path: string, manifest: BackupManifest, latestSchema: number, key: DataKey | null): void {
  let problems: string[];
  let version: number;
  try {
    const db = new Database(path, { fileMustExist: true });
    try {
      if (key) for (const pragma of sqlKeyPragmas(key)) db.pragma(pragma);
      problems = quickCheck(db);
      version = db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    throw new CoreError('BAD_FILE', backupProblems.malformed);
  }
  if (problems.length !== 1 || problems[0] !== 'ok') throw new CoreError('BAD_FILE', backupProblems.malformed);
  if (version > latestSchema) throw new CoreError('DATABASE_TOO_NEW', tooNew(version, latestSchema));
  if (version !== manifest.schemaVersion) throw new CoreError('BAD_FILE', tamperedEntry(BACKUP_DATABASE_ENTRY));
}

const DATABASE_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`];

export interface Swap {
  replacedDir: string;
  /** Puts the replaced data back (when the restored database cannot be opened after all). */
  undo(): void;
}

/**
 * Moves the current data aside into `replacedDir` and the staged data into place. The database
 * connection on these files must be closed. Attachments are swapped only when the backup holds
 * them (a backup made before a migration holds the database alone). `keyFile: 'replace'` (a backup
 * under another key than the installation's) puts the backup's encryption.json in place too; with
 * 'keep' the installation's key file stays (same key: today's passwords stay valid).
 */
export function swapIn(dataDir: string, stagingDir: string, replacedDir: string, withAttachments: boolean, note: string, keyFile: 'keep' | 'replace' = 'keep'): Swap {
  mkdirSync(replacedDir, { recursive: true });
  const moved: [string, string][] = [];
  const move = (from: string, to: string) => {
    renameSync(from, to);
    moved.push([from, to]);
  };
  const undo = () => {
    for (const [from, to] of moved.reverse()) {
      if (existsSync(from)) rmSync(from, { recursive: true, force: true });
      mkdirSync(dirname(from), { recursive: true });
      renameSync(to, from);
    }
  };
  try {
    for (const name of DATABASE_FILES) if (existsSync(join(dataDir, name))) move(join(dataDir, name), join(replacedDir, name));
    if (withAttachments) {
      for (const folder of ['attachments', 'derivatives']) if (existsSync(join(dataDir, folder))) move(join(dataDir, folder), join(replacedDir, folder));
    }
    // The data now comes under the backup's key: its key file replaces the installation's (kept aside).
    if (keyFile === 'replace' && existsSync(join(dataDir, KEY_FILE))) move(join(dataDir, KEY_FILE), join(replacedDir, KEY_FILE));
    move(join(stagingDir, DATABASE_FILE), join(dataDir, DATABASE_FILE));
    if (withAttachments && existsSync(join(stagingDir, 'attachments'))) move(join(stagingDir, 'attachments'), join(dataDir, 'attachments'));
    if (keyFile === 'replace' && existsSync(join(stagingDir, KEY_FILE))) move(join(stagingDir, KEY_FILE), join(dataDir, KEY_FILE));
    writeFileSync(join(replacedDir, '说明-README.txt'), note, 'utf8');
    fsyncFolder(dataDir);
    rmSync(stagingDir, { recursive: true, force: true });
  } catch (error) {
    undo();
    throw error;
  }
  return { replacedDir, undo };
}

/** Staging folders left by a restore that never finished (the application was closed). */
export function removeStaleStaging(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  for (const entry of readdirSync(dataDir)) if (entry.startsWith('restore-staging-')) rmSync(join(dataDir, entry), { recursive: true, force: true });
}
