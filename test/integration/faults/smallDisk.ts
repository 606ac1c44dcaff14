/**
 * Starts smallDiskChild.ts in its own mount namespace with a tmpfs of `sizeMb` over a fresh data
 * folder, and answers a typed handle to drive it. Where mount namespaces are not allowed (no
 * CAP_SYS_ADMIN, not Linux) `smallDiskAvailable()` says so and the tests that need one are skipped.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../../shared/contract';
import type { Job } from '../../../shared/contract/jobs';
import { tempDir } from '../../support/tempCore';
import type { DiskRequest } from './smallDiskChild';

const CHILD = resolve(import.meta.dirname, 'smallDiskChild.ts');

export function smallDiskAvailable(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = tempDir('guangrong-mount-probe-');
  try {
    execFileSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs '${dir}'`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SmallDisk {
  dataDir: string;
  request(request: DiskRequest): Promise<unknown>;
  /** Opens the core on the data folder (or a folder inside it, made if missing). */
  open(folder?: string): Promise<{ ok: boolean; error?: { code: string; message: { zh: string; en: string } } }>;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  upload(fileName: string, bytes: Buffer): Promise<Result<string>>;
  wait(jobId: number): Promise<Job>;
  count(table: string): Promise<number>;
  files(): Promise<{ path: string; size: number }[]>;
  stop(): Promise<void>;
}

export async function startSmallDisk(sizeMb: number): Promise<SmallDisk> {
  const dataDir = join(tempDir('guangrong-small-disk-'), 'data');
  mkdirSync(dataDir);
  // unshare -m sh -c 'mount … && exec node --import tsx smallDiskChild.ts <dataDir>': the IPC channel survives the exec.
  const child: ChildProcess = fork(CHILD, [dataDir], {
    execPath: 'unshare',
    execArgv: ['-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=${sizeMb}m tmpfs '${dataDir}' && exec "$0" "$@"`, process.execPath, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  const ready = new Promise<void>((resolveReady, rejectReady) => {
    pending.set(0, { resolve: () => resolveReady(), reject: rejectReady });
  });
  child.on('message', (m: { id: number; value?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m.value);
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`the small-disk child exited (${code})`));
    pending.clear();
  });
  await ready;
  const request = (r: DiskRequest) =>
    new Promise<unknown>((resolveRequest, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolveRequest, reject });
      child.send({ id, request: r });
    });
  const call = (method: string, input: unknown) => request({ op: 'call', method, input }) as Promise<Result<never>>;
  return {
    dataDir,
    request,
    open: (folder) => request({ op: 'open', ...(folder ? { folder } : {}) }) as never,
    call: call as SmallDisk['call'],
    async ok(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
      return result.value;
    },
    upload: (fileName, bytes) => request({ op: 'upload', fileName, base64: bytes.toString('base64') }) as never,
    wait: (jobId) => request({ op: 'wait', jobId }) as Promise<Job>,
    count: (table) => request({ op: 'count', table }) as Promise<number>,
    files: () => request({ op: 'files' }) as never,
    async stop() {
      await request({ op: 'close' }).catch(() => {});
      child.kill();
    },
  };
}
