import { z } from 'zod';
import { method } from './method';
import { adminOnly } from './roles';
import { empty, isoTimestamp, ok } from './common';
import { jobSchema } from './jobs';
import { localizedTextSchema } from './errors';

/** Why a backup was made: by the administrator, or automatically (daily, before a migration, before a restore). */
export const backupReasons = ['manual', 'daily', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** The file name of the database inside a backup, and of the manifest (the last entry). */
export const BACKUP_DATABASE_ENTRY = 'guangrong.db';
export const BACKUP_MANIFEST_ENTRY = 'manifest.json';
export const BACKUP_EXTENSION = '.grbak';
/** The key file of an encrypted installation, copied into its backups (it opens with the passwords of the backup's day). */
export const BACKUP_KEY_FILE_ENTRY = 'encryption.json';

export const backupEntrySchema = z.object({ name: z.string().max(300), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** manifest.json inside every backup file. */
export const backupManifestSchema = z.object({
  format: z.literal('guangrong-backup'),
  formatVersion: z.literal(1),
  appVersion: z.string().max(40),
  /** The database's PRAGMA user_version. */
  schemaVersion: z.number().int().nonnegative(),
  createdAt: isoTimestamp,
  createdBy: z.object({ userId: z.number().int().nullable(), username: z.string().max(64) }),
  reason: z.enum(backupReasons),
  /** A backup before a migration holds the database only (a migration never touches files). */
  includesAttachments: z.boolean(),
  /** Rows per main table, counted in the copy itself. */
  counts: z.record(z.string().max(40), z.number().int().nonnegative()),
  /**
   * The data key the database and the files are encrypted with (its id only), or null for a plain
   * backup. Absent in backups made before encryption existed: plain.
   */
  encryption: z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }).nullable().optional(),
  entries: z.array(backupEntrySchema),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** What a backup holds, without its list of entries (which may be 100,000 long). */
export const backupSummarySchema = backupManifestSchema.omit({ entries: true }).extend({
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupFileSchema = z.object({
  file: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  modifiedAt: isoTimestamp,
  /** null when the file is not a readable backup (then `problem` says why). */
  summary: backupSummarySchema.nullable(),
  problem: localizedTextSchema.nullable(),
  /** Whether this application can restore it (not from a newer schema). */
  restorable: z.boolean(),
  /**
   * How it is encrypted, seen from this installation: `plain`; `installationKey` (restores as it
   * is); `otherKey` (restoring asks for its key: a password of its day or its recovery key).
   */
  keyStatus: z.enum(['plain', 'installationKey', 'otherKey']),
  /** The installation is encrypted and this backup is not (made before encryption): its data is readable by anyone — offer to delete it. */
  unencryptedCopy: z.boolean(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

export const backupSettingsSchema = z.object({
  /** The folder chosen for automatic backups; '' for the default. */
  folder: z.string(),
  defaultFolder: z.string(),
  /** The folder automatic backups go to now (the chosen one, or the default). */
  effectiveFolder: z.string(),
  lastAutomaticAt: isoTimestamp.nullable(),
  lastAutomaticFile: z.string().nullable(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** Data kept aside: replaced by a restore, or a damaged database found at start. */
export const asideFolderSchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['replaced', 'damaged']),
  bytes: z.number().int().nonnegative(),
  createdAt: isoTimestamp,
});
export type AsideFolder = z.infer<typeof asideFolderSchema>;

export const recoveryStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok') }),
  z.object({
    state: z.literal('damaged'),
    message: localizedTextSchema,
    /** Where the damaged files were copied, untouched. */
    damagedDir: z.string().nullable(),
    backupFolder: z.string(),
    backups: z.array(backupFileSchema),
  }),
]);
export type RecoveryStatus = z.infer<typeof recoveryStatusSchema>;

const pathSchema = z.string().trim().min(1).max(1000);

/** The last restore, told once on the sign-in screen (until somebody signs in after it). */
export const lastRestoreSchema = z.object({
  /** When the data was replaced. */
  at: isoTimestamp,
  /** The backup file restored. */
  file: z.string(),
  /** When that backup was made and by whom (null for a restore recorded before these were kept). */
  backupCreatedAt: isoTimestamp.nullable(),
  backupCreatedBy: z.string().nullable(),
  /** Where the replaced (or damaged) data was kept. */
  replacedDir: z.string(),
  /** Restored from the recovery screen of a damaged database, before any sign-in. */
  beforeSignIn: z.boolean(),
});
export type LastRestore = z.infer<typeof lastRestoreSchema>;

/**
 * What opens a backup encrypted with another key than the installation's (or any encrypted backup
 * restored into a plain installation): an administrator's password of the backup's day (its
 * encryption.json), or the recovery key shown when that encryption was set up.
 */
export const backupKeyInputSchema = z.union([
  z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
  z.strictObject({ recoveryKey: z.string().trim().min(1).max(100) }),
]);
export type BackupKeyInput = z.infer<typeof backupKeyInputSchema>;

/** Backup and restore (系统管理 → 备份与恢复), and the recovery of a damaged database at start. */
export const backupMethods = {
  'backup.settings': method({
    summary: 'Where automatic backups go and when the last one ran.',
    access: adminOnly,
    input: empty,
    output: backupSettingsSchema,
  }),
  'backup.updateSettings': method({
    summary: 'Choose the folder of automatic backups ("" for the default).',
    access: adminOnly,
    input: z.strictObject({ folder: z.string().trim().max(1000) }),
    output: backupSettingsSchema,
  }),
  'backup.create': method({
    summary: 'Back up the database and every attachment into one file in the folder (a job).',
    access: adminOnly,
    input: z.strictObject({ folder: pathSchema }),
    output: jobSchema,
  }),
  'backup.list': method({
    summary: 'The backup files in a folder (the automatic folder when none is given), newest first.',
    access: adminOnly,
    input: z.strictObject({ folder: pathSchema.optional() }),
    output: z.array(backupFileSchema),
  }),
  'backup.inspect': method({
    summary: 'What a backup file holds, read before anything is replaced.',
    access: adminOnly,
    input: z.strictObject({ file: pathSchema }),
    output: backupFileSchema,
  }),
  'backup.restore': method({
    summary: 'Verify a backup, back up the current data, then replace it (a job; everyone signs in again after). A backup encrypted with another key needs its key: a password of its day, or its recovery key.',
    access: adminOnly,
    input: z.strictObject({ file: pathSchema, key: backupKeyInputSchema.optional() }),
    output: jobSchema,
  }),
  'backup.removePlain': method({
    summary: 'In an encrypted installation: delete an unencrypted backup file (made before encryption was set up).',
    access: adminOnly,
    input: z.strictObject({ file: pathSchema }),
    output: ok,
  }),
  'backup.asideList': method({
    summary: 'Data kept aside: replaced by a restore, or a damaged database found at start.',
    access: adminOnly,
    input: empty,
    output: z.array(asideFolderSchema),
  }),
  'backup.removeAside': method({
    summary: 'Delete one folder of data kept aside.',
    access: adminOnly,
    input: z.strictObject({ name: z.string().regex(/^(replaced|damaged)-[0-9TZ-]+$/) }),
    output: ok,
  }),
  'recovery.status': method({
    summary: 'Whether the database could be opened at start; if not, the backups to restore from.',
    access: 'public',
    input: empty,
    output: recoveryStatusSchema,
  }),
  'recovery.restore': method({
    summary: 'Only while the database is damaged (before any sign-in): restore a verified backup.',
    access: 'public',
    input: z.strictObject({ file: pathSchema }),
    output: z.object({ restored: z.literal(true), replacedDir: z.string() }),
  }),
  'recovery.lastRestore': method({
    summary: 'The last restore (when, which backup, where the replaced data is), until somebody signs in after it.',
    access: 'public',
    input: empty,
    output: lastRestoreSchema.nullable(),
  }),
};
