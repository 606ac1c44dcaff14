/**
 * `node --import tsx test/bench/integrity.bench.ts [records] [attachments]`: the full integrity
 * check on a realistic data folder (default 100,000 martyr records, 300 scans of 0.3–3 MB, the
 * records pointing at them, one scan deleted and one altered) next to its baselines on the same
 * files: the sqlite3 shell's bare `PRAGMA integrity_check`, and `sha256sum` over the attachments.
 * Prints one line per figure. The data folder is made in the temp folder and removed at the end.
 */
import { execSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTestCore, ADMIN, tempDir } from '../support/tempCore';
import { syntheticRoll, prng } from '../support/syntheticRoll';
import { prepareMartyr, searchText } from '../../electron/core/martyrs/fields';
import { insertMartyr, writeMartyrSearchText } from '../../electron/core/db/martyrs';
import { insertAttachment, linkAttachment } from '../../electron/core/db/attachments';
import { openDatabase, writeTransaction } from '../../electron/core/db/connection';
import { attachmentFilesToCheck, attachmentUsers, databasePageCheck } from '../../electron/core/db/integrity';
import { verifyAuditChain } from '../../electron/core/db/auditLog';
import { checkAttachmentFiles } from '../../electron/core/integrity/files';
import { plainVault } from '../../electron/core/crypto/vault';
import { blobPath } from '../../electron/core/attachments/paths';
import { martyrFieldsSchema } from '../../shared/contract';

const records = Number(process.argv[2] ?? 100_000);
const scans = Number(process.argv[3] ?? 300);
const dataDir = tempDir('guangrong-bench-integrity-');
const at = new Date().toISOString();
const line = (name: string, value: string) => console.log(`${name.padEnd(44)} ${value}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// 1. The data: records and scans written through the repositories, fast (no audit rows for the bulk).
const build = makeTestCore({ dataDir, clock: () => new Date(), integritySchedule: false });
const admin = build.core.openSession();
await build.ok('setup.createAdmin', ADMIN, admin);
const db = build.core.db;
db.pragma('synchronous = OFF');
const source = await build.ok('sources.create', { kind: 'register', title: '县烈士登记册' }, admin);
const random = prng(7);
const shas: { id: number; sha256: string }[] = [];
let scanBytes = 0;
for (let i = 0; i < scans; i++) {
  const size = Math.floor(300_000 + random() * 2_700_000);
  const bytes = randomBytes(size);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = blobPath(dataDir, sha256);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  const { attachment } = insertAttachment(db, { sha256, size, mime: 'image/jpeg', pages: 1, width: 2480, height: 3508, originalName: `登记册-第${i + 1}页.jpg`, createdAt: at, createdBy: 1 });
  linkAttachment(db, { kind: 'source', id: source.id }, attachment.id, { at, by: 1 });
  shas.push({ id: attachment.id, sha256 });
  scanBytes += size;
}
const distinct = syntheticRoll(4000, 1949).map((m) => prepareMartyr(db, martyrFieldsSchema.parse(m)));
for (let from = 0; from < records; from += 20_000) {
  writeTransaction(db, () => {
    for (let i = from; i < Math.min(from + 20_000, records); i++) {
      const scan = shas[i % shas.length]!;
      const id = insertMartyr(db, { ...distinct[i % distinct.length]!, sourceId: source.id, scanAttachmentId: scan.id, scanPage: 1 }, 1, at);
      writeMartyrSearchText(db, id, searchText(distinct[i % distinct.length]!));
    }
  });
}
db.pragma('synchronous = FULL');
// One scan lost, one with a byte changed.
rmSync(blobPath(dataDir, shas[0]!.sha256));
const altered = blobPath(dataDir, shas[1]!.sha256);
const bytes = readFileSync(altered);
bytes[1000] = bytes[1000]! ^ 1;
writeFileSync(altered, bytes);
db.pragma('wal_checkpoint(TRUNCATE)');
await build.dispose();
const dbFile = join(dataDir, 'guangrong.db');
line('records / scans', `${records.toLocaleString('en-US')} / ${scans} (${(scanBytes / 1e6).toFixed(0)} MB)`);
line('database file', `${(statSync(dbFile).size / 1e6).toFixed(0)} MB`);

const timed = (command: string) => {
  const t0 = performance.now();
  execSync(command, { stdio: ['ignore', 'ignore', 'inherit'], cwd: dataDir });
  return performance.now() - t0;
};

// 2. The full check, as the app runs it: a job in the worker thread (from source: tsx loads it).
async function fullCheck(label: string) {
  const t = makeTestCore({ dataDir, clock: () => new Date(), integritySchedule: false });
  const session = t.core.openSession();
  await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, session);
  const t0 = performance.now();
  const { jobId } = await t.ok('integrity.check', {}, session);
  const job = await t.core.jobs.wait(jobId);
  const wall = performance.now() - t0;
  const last = (await t.ok('integrity.status', {}, session)).last!;
  line(`full check, ${label} (job wall / in job)`, `${seconds(wall)} / ${seconds(last.durationMs)}  [${job.status}, ${last.outcome}: missing ${last.missing}, altered ${last.altered}, orphans ${last.orphans}, audit ${last.audit.ok ? 'ok' : 'broken'}, pages ${last.databaseMessages.length ? 'damaged' : 'ok'}]`);
  await t.dispose();
}

await fullCheck('first');
line('baseline: sqlite3 PRAGMA integrity_check', seconds(timed(`sqlite3 ${JSON.stringify(dbFile)} 'PRAGMA integrity_check;'`)));
line('baseline: sha256sum of the attachments', seconds(timed("find attachments -type f -print0 | xargs -0 sha256sum > /dev/null")));
line('baseline: both', seconds(timed(`sqlite3 ${JSON.stringify(dbFile)} 'PRAGMA integrity_check;' && find attachments -type f -print0 | xargs -0 sha256sum > /dev/null`)));
await fullCheck('again');

// 3. Its parts, in this process on a connection of its own (where the time goes).
const own = openDatabase(dbFile);
let t0 = performance.now();
databasePageCheck(own);
line('part: databasePageCheck (better-sqlite3)', seconds(performance.now() - t0));
t0 = performance.now();
verifyAuditChain(own);
line('part: verifyAuditChain', seconds(performance.now() - t0));
const rows = attachmentFilesToCheck(own);
t0 = performance.now();
await checkAttachmentFiles(dataDir, rows, plainVault, { throwIfCancelled: () => {}, checked: () => {} });
line('part: checkAttachmentFiles (re-hash)', seconds(performance.now() - t0));
t0 = performance.now();
attachmentUsers(own, shas[0]!.id, 50);
line('part: records using one attachment', `${(performance.now() - t0).toFixed(0)} ms`);
own.close();
rmSync(dataDir, { recursive: true, force: true });
