/**
 * What must hold in a data folder after the process working in it was killed at any moment:
 * the database intact, every transaction all or nothing, the audit chain whole, every file a row
 * names present with its hash, and the application able to open it and go on. Each check answers
 * the problems it found (none: an empty list).
 *
 * A new step in steps.ts that leaves something to check adds one entry to `checks`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core';
import { verifyAuditChain } from '../../electron/core/db/auditLog';
import { verifyAttachment } from '../../electron/core/attachments/blobs';
import { createVault, type Vault } from '../../electron/core/crypto/vault';
import { sqlKeyPragmas, type DataKey } from '../../electron/core/crypto/dataKey';
import { inspectDataFolder } from '../support/encryptedFolder';
import { ADMIN, makeTestCore } from '../support/tempCore';
import { IMPORT_ROWS, STRESS_BACKUPS } from './fixtures';
import { extractVerified } from '../../electron/core/backup/restore';
import { migrations } from '../../electron/core/db/migrations';

type Db = InstanceType<typeof Database>;

export interface Found {
  problems: string[];
  /** Leftovers that are allowed (swept later) but worth counting: temp files, unregistered files. */
  leftovers: string[];
}

interface Check {
  name: string;
  /** `vault`: reads the stored files (with the round's key when it is encrypted). */
  run(db: Db, dataDir: string, found: Found, vault: Vault): void | Promise<void>;
}

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;
/** The SHA-256 of a stored file's plain bytes; null when it is sealed and does not open. */
async function sha256(vault: Vault, path: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await vault.readFile(path)).digest('hex');
  } catch (error) {
    if ((error as { code?: string }).code === 'FILE_DAMAGED') return null;
    throw error;
  }
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export const checks: Check[] = [
  {
    name: 'database',
    run(db, _dir, found) {
      const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
      if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') found.problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) found.problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
    },
  },
  {
    // The import commits every row or none; its history and search index entries with it.
    name: 'import',
    run(db, _dir, found) {
      const records = count(db, 'SELECT count(*) AS n FROM martyrs');
      if (records !== 0 && records !== IMPORT_ROWS) found.problems.push(`import half there: ${records} of ${IMPORT_ROWS} records`);
      const history = count(db, "SELECT count(*) AS n FROM martyr_history WHERE action = 'import'");
      if (history !== records) found.problems.push(`import: ${records} records but ${history} import history entries`);
      const indexed = count(db, 'SELECT count(*) AS n FROM martyr_fts_docsize');
      if (indexed !== records) found.problems.push(`import: ${records} records but ${indexed} search index entries`);
    },
  },
  {
    // martyrs.submit and martyrs.verify are one transaction each: every record moves, or none.
    name: 'batch',
    run(db, _dir, found) {
      const statuses = db.prepare('SELECT status, count(*) AS n FROM martyrs GROUP BY status').all() as { status: string; n: number }[];
      if (statuses.length > 1) found.problems.push(`batch status change half done: ${JSON.stringify(statuses)}`);
    },
  },
  {
    name: 'audit',
    run(db, _dir, found) {
      const chain = verifyAuditChain(db);
      if (!chain.ok) found.problems.push(`audit chain broken at ${chain.firstBadId}: ${chain.reason}`);
    },
  },
  {
    // Every attachment row names a complete file; a file under a content name is never partial.
    name: 'attachments',
    async run(db, dataDir, found, vault) {
      for (const { sha256: sha } of db.prepare('SELECT sha256 FROM attachments').all() as { sha256: string }[]) {
        const check = await verifyAttachment(dataDir, sha, vault);
        if (!check.ok) found.problems.push(`attachment ${sha.slice(0, 12)}: ${check.problem}`);
      }
      const named = new Set((db.prepare('SELECT sha256 FROM attachments').all() as { sha256: string }[]).map((r) => r.sha256));
      for (const file of walk(join(dataDir, 'attachments'))) {
        const name = file.split('/').pop()!;
        if (!/^[0-9a-f]{64}$/.test(name)) found.leftovers.push(`attachments temp file ${name}`);
        else if ((await sha256(vault, file)) !== name) found.problems.push(`blob ${name.slice(0, 12)} does not hash to its name (half written)`);
        else if (!named.has(name)) found.leftovers.push('blob without a row');
      }
    },
  },
  {
    // Every register row names its PDF with the right hash; a PDF without a row is whole.
    name: 'documents',
    async run(db, dataDir, found, vault) {
      const rows = db.prepare('SELECT serial, file, sha256 FROM issued_documents').all() as { serial: string; file: string; sha256: string }[];
      for (const r of rows) {
        const path = join(dataDir, r.file);
        if (!existsSync(path)) found.problems.push(`document ${r.serial}: file missing`);
        else if ((await sha256(vault, path)) !== r.sha256) found.problems.push(`document ${r.serial}: file does not match its hash`);
      }
      const registered = new Set(rows.map((r) => r.file.split('/').pop()));
      for (const file of walk(join(dataDir, 'documents'))) {
        const name = file.split('/').pop()!;
        if (registered.has(name)) continue;
        if (!name.endsWith('.pdf')) found.leftovers.push(`documents temp file ${name}`);
        else if (!(await vault.readFile(file).catch(() => Buffer.alloc(0))).subarray(-8).toString('latin1').includes('%%EOF')) found.problems.push(`document file ${name} is cut short`);
        else found.leftovers.push('document file without a row');
      }
    },
  },
  {
    // A backup file that looks complete is complete: every entry reads back with its hash, its
    // manifest counts what the database held; a killed backup leaves only a .partial.
    name: 'backup',
    async run(_db, dataDir, found, vault) {
      for (const file of walk(join(dataDir, STRESS_BACKUPS))) {
        const name = file.split('/').pop()!;
        if (name.endsWith('.partial')) {
          found.leftovers.push('backup .partial');
          continue;
        }
        const staging = mkdtempSync(join(tmpdir(), 'guangrong-stress-restore-'));
        try {
          const manifest = await extractVerified(file, join(staging, 'restore'), migrations.length, {}, vault.key);
          if ((manifest.encryption?.keyId ?? null) !== (vault.key?.id ?? null)) found.problems.push(`backup ${name}: encrypted under ${manifest.encryption?.keyId ?? 'no key'}, the installation under ${vault.key?.id ?? 'no key'}`);
          if (manifest.counts.martyrs !== 0 && manifest.counts.martyrs !== IMPORT_ROWS) found.problems.push(`backup ${name}: ${manifest.counts.martyrs} martyrs, neither none nor the whole import`);
        } catch (error) {
          found.problems.push(`backup ${name} looks complete but does not verify: ${String(error)}`);
        } finally {
          rmSync(staging, { recursive: true, force: true });
        }
      }
    },
  },
  {
    // Encrypted: nothing in the clear outside tmp/ and the backup stick (a backup is a ZIP of sealed entries, checked above).
    name: 'encryption',
    run(_db, dataDir, found, vault) {
      if (!vault.key) return;
      const plain = inspectDataFolder(dataDir, {}, [`${STRESS_BACKUPS}/`]).plainFiles;
      if (plain.length > 0) found.problems.push(`encrypted installation, files in the clear: ${plain.slice(0, 5).join(', ')}`);
    },
  },
];

/**
 * Runs every check on the data folder as the killed process left it (a fresh connection, which
 * recovers the WAL as the application would; with `key` for an encrypted round, its files read
 * through the vault), then opens it again with the real core: an
 * interrupted job is marked failed, the administrator signs in, audit.verify agrees, a new record saves.
 */
export async function checkDataFolder(dataDir: string, key: DataKey | null = null): Promise<Found> {
  const found: Found = { problems: [], leftovers: [] };
  const vault = createVault(key);
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    if (key) for (const pragma of sqlKeyPragmas(key)) db.pragma(pragma);
    for (const check of checks) {
      try {
        await check.run(db, dataDir, found, vault);
      } catch (error) {
        found.problems.push(`${check.name}: check failed: ${String(error)}`);
      }
    }
  } finally {
    db.close();
  }
  try {
    const t = makeTestCore({ dataDir, dataKey: key });
    try {
      const admin = t.core.openSession();
      await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
      const verify = await t.ok('audit.verify', {}, admin);
      if (!verify.ok) found.problems.push(`reopened: audit.verify says ${verify.reason}`);
      const running = (await t.ok('jobs.list', {}, admin)).filter((j) => j.status === 'running');
      if (running.length > 0) found.problems.push(`reopened: ${running.length} jobs still 'running'`);
      await t.ok('martyrs.create', { name: '再打开', gender: 'male' }, admin);
    } finally {
      await t.dispose();
    }
  } catch (error) {
    found.problems.push(`reopen: ${String(error)}`);
  }
  return found;
}
