/**
 * A real core on a small disk of its own, in a child process (smallDisk.ts starts it inside a
 * private mount namespace: `unshare -m`, a tmpfs of a few MB mounted over its data folder). The
 * test drives it over IPC: core calls, and what an office PC does to a disk — fill it, free it,
 * write-protect a folder (a read-only bind mount: EROFS, which root cannot ignore), unprotect it.
 *
 *   argv: <dataDir (the mount point)>
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Session } from '../../../electron/core';
import { ADMIN, makeTestCore, type TestCore } from '../../support/tempCore';
import { upload } from '../attachments/client';

export type DiskRequest =
  | { op: 'open'; folder?: string }
  | { op: 'close' }
  | { op: 'call'; method: string; input: unknown }
  | { op: 'upload'; fileName: string; base64: string }
  | { op: 'wait'; jobId: number }
  | { op: 'count'; table: string }
  | { op: 'checkpoint' }
  | { op: 'growWal' }
  | { op: 'fill'; leaveKb?: number }
  | { op: 'free' }
  | { op: 'protect'; folder: string }
  | { op: 'unprotect'; folder: string }
  | { op: 'files' };

const [dataDir] = process.argv.slice(2) as [string];
const FILLER = join(dataDir, 'filler.bin');
let t: TestCore | null = null;
let admin: Session | null = null;

function core(): TestCore {
  if (!t) throw new Error('the core is not open');
  return t;
}

/** Writes until the disk says ENOSPC, then gives back `leaveKb`: the disk has that much room left. */
function fill(leaveKb = 0): number {
  const fd = openSync(FILLER, 'a');
  const block = Buffer.alloc(64 * 1024, 0x5a);
  let written = 0;
  try {
    for (;;) written += writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    if (leaveKb > 0) ftruncateSync(fd, Math.max(0, written - leaveKb * 1024));
    closeSync(fd);
  }
  return written;
}

function files(dir = dataDir): { path: string; size: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : [{ path: relative(dataDir, path), size: statSync(path).size }];
  });
}

async function handle(request: DiskRequest): Promise<unknown> {
  switch (request.op) {
    case 'open': {
      // Opening may fail (a write-protected folder): answered as the error the application shows.
      try {
        t = makeTestCore({ dataDir: join(dataDir, request.folder ?? '') });
      } catch (error) {
        const e = error as { code?: string; text?: unknown; message: string };
        return { ok: false, error: { code: e.code ?? 'THROWN', message: e.text ?? e.message } };
      }
      admin = t.core.openSession();
      const status = await t.core.call('setup.status', {}, admin);
      if (status.ok && (status.value as { needsAdmin: boolean }).needsAdmin) await t.ok('setup.createAdmin', ADMIN, admin);
      else await t.ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
      return { ok: true };
    }
    case 'close':
      await t?.dispose();
      t = null;
      return { ok: true };
    case 'call':
      return core().core.callUntyped(request.method, request.input, admin!);
    case 'upload':
      try {
        return { ok: true, value: await upload(core(), admin!, request.fileName, Buffer.from(request.base64, 'base64')) };
      } catch (error) {
        return { ok: false, error: { message: String(error) } };
      }
    case 'wait':
      return core().core.jobs.wait(request.jobId);
    case 'count':
      return (core().core.db.prepare(`SELECT count(*) AS n FROM ${request.table}`).get() as { n: number }).n;
    case 'checkpoint':
      // The WAL emptied, so the next write needs new blocks (an old WAL's blocks would be reused).
      return core().core.db.pragma('wal_checkpoint(TRUNCATE)');
    case 'growWal': {
      // A 2 MB transaction, checkpointed but not truncated: the next writes reuse the WAL's
      // blocks, so the database still has room on a full disk, as it often has in an office.
      const db = core().core.db;
      db.exec('CREATE TABLE IF NOT EXISTS test_wal_pad (x BLOB)');
      db.transaction(() => {
        db.prepare('INSERT INTO test_wal_pad VALUES (zeroblob(2000000))').run();
        db.prepare('DELETE FROM test_wal_pad').run();
      })();
      return db.pragma('wal_checkpoint(PASSIVE)');
    }
    case 'fill':
      return fill(request.leaveKb);
    case 'free':
      rmSync(FILLER, { force: true });
      return { ok: true };
    case 'protect': {
      const folder = join(dataDir, request.folder);
      execFileSync('mount', ['--bind', folder, folder]);
      execFileSync('mount', ['-o', 'remount,bind,ro', folder]);
      return { ok: true };
    }
    case 'unprotect':
      execFileSync('umount', [join(dataDir, request.folder)]);
      return { ok: true };
    case 'files':
      return existsSync(dataDir) ? files() : [];
  }
}

process.on('message', (message: { id: number; request: DiskRequest }) => {
  handle(message.request).then(
    (value) => process.send!({ id: message.id, value }),
    (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.send!({ id: 0, value: 'ready' });
