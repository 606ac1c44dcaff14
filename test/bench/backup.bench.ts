/**
 * `npx tsx test/bench/backup.bench.ts [--records N] [--attachments N] [--mb N]`: backup figures,
 * next to a plain file copy of the same data as the baseline. Not part of `npm test`.
 *
 * Builds a data folder of N synthetic martyrs (default 100,000, through the repository code the
 * app uses) and N attachment files of M MB each (random bytes: incompressible, like scans), then
 * measures: PRAGMA quick_check at start; a plain copy of the database file and attachments/; the
 * backup job through the core (worker start, online backup API, ZIP, fsync, rename); verifying
 * and extracting that backup as a restore does.
 */
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeSetUpCore, tempDir } from '../support/tempCore';
import { syntheticRoll } from '../support/syntheticRoll';
import { prepareMartyr } from '../../electron/core/martyrs/fields';
import { insertMartyr } from '../../electron/core/db/martyrs';
import { rebuildSearchIndex } from '../../electron/core/db/martyrSearchIndex';
import { openDatabase, writeTransaction } from '../../electron/core/db/connection';
import { quickCheck } from '../../electron/core/db/backup';
import { blobPath } from '../../electron/core/attachments/paths';
import { extractVerified } from '../../electron/core/backup/restore';
import { migrations } from '../../electron/core/db/migrations';
import { DATABASE_FILE } from '../../electron/core';
import { martyrFieldsSchema } from '../../shared/contract';

const { values } = parseArgs({ options: { records: { type: 'string' }, attachments: { type: 'string' }, mb: { type: 'string' } } });
const records = Number(values.records ?? 100_000);
const attachmentCount = Number(values.attachments ?? 100);
const mb = Number(values.mb ?? 1);
const figure = (name: string, value: number, unit: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ figure: name, value: Math.round(value * 10) / 10, unit, ...extra }));
const ms = (since: number) => performance.now() - since;

const root = tempDir('guangrong-backup-bench-');
const dataDir = join(root, 'data');
try {
  const t = await makeSetUpCore({ dataDir });
  const db = t.core.db;
  const roll = syntheticRoll(records, 1982);
  for (let from = 0; from < roll.length; from += 20_000) {
    writeTransaction(db, () => {
      for (const m of roll.slice(from, from + 20_000)) {
        insertMartyr(db, prepareMartyr(db, martyrFieldsSchema.parse({ name: m.name, birthDate: m.birthDate, deathDate: m.deathDate, nativePlaceText: m.nativePlaceText, unitAndPost: m.unitAndPost })), 1, '2026-11-23T09:00:00.000Z');
      }
    });
  }
  writeTransaction(db, () => rebuildSearchIndex(db));
  for (let i = 0; i < attachmentCount; i++) {
    const bytes = randomBytes(mb * 1024 * 1024);
    const path = blobPath(dataDir, createHash('sha256').update(bytes).digest('hex'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = statSync(join(dataDir, DATABASE_FILE)).size;
  figure('database size', dbBytes / 1024 / 1024, 'MB', { records });

  // quick_check at start, on a connection opened as createCore opens it.
  const check = openDatabase(join(dataDir, DATABASE_FILE));
  let started = performance.now();
  const result = quickCheck(check);
  figure('quick_check at start', ms(started), 'ms', { result: result[0] });
  check.close();

  // Baseline: a plain copy of the same files.
  started = performance.now();
  cpSync(join(dataDir, DATABASE_FILE), join(root, 'plain', DATABASE_FILE), { recursive: true });
  cpSync(join(dataDir, 'attachments'), join(root, 'plain', 'attachments'), { recursive: true });
  figure('plain copy (database + attachments)', ms(started), 'ms', { bytes: dbBytes + attachmentCount * mb * 1024 * 1024 });
  rmSync(join(root, 'plain'), { recursive: true, force: true });

  // The backup job, as the administrator starts it.
  const usb = join(root, 'usb');
  mkdirSync(usb);
  started = performance.now();
  const job = await t.core.jobs.wait((await t.ok('backup.create', { folder: usb }, t.admin)).id);
  if (job.status !== 'done') throw new Error(JSON.stringify(job.error));
  const written = job.result as { file: string; size: number; files: number };
  figure('backup job (worker, online backup, ZIP, fsync, rename)', ms(started), 'ms', { size: written.size, files: written.files });

  // What a restore does before the swap: every entry verified and extracted.
  started = performance.now();
  await extractVerified(written.file, join(dataDir, 'restore-staging-bench'), migrations.length);
  figure('restore: verify and extract', ms(started), 'ms');
  await t.dispose();
} finally {
  rmSync(root, { recursive: true, force: true });
}
