/**
 * The backup tests' helpers: the core host (which reopens the core around a restore) on a real
 * temp data folder, signing in, attachments stored through the real upload methods, the files
 * under attachments/ with their bytes, and waiting for a job.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { openCoreHost, type CoreHost, type CoreHostOptions } from '../../../electron/core/backup/host';
import { listAttachmentFiles } from '../../../electron/core/backup/files';
import type { Session } from '../../../electron/core';
import type { Job, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { ADMIN, REPO_RESOURCES, sourceWorker } from '../../support/tempCore';

export interface TestHost {
  host: CoreHost;
  dataDir: string;
  ok<M extends MethodName>(method: M, input: MethodInput<M>, session: Session): Promise<MethodOutput<M>>;
  /** Waits for the job to end (and, after a restore, for the swap to finish). */
  job(job: Job): Promise<Job>;
  signIn(): Promise<Session>;
}

/** `extra`: e.g. `{ dataKey }` for an encrypted installation. */
export function makeHost(dataDir: string, clock = () => new Date('2026-12-04T10:30:00.000Z'), extra: Partial<CoreHostOptions> = {}): TestHost {
  const host = openCoreHost({ dataDir, worker: sourceWorker, resourcesDir: REPO_RESOURCES, clock, version: '0.1.0-test', dailyCheckMs: 0, integritySchedule: false, logger: { warn: () => {}, error: () => {} }, ...extra });
  const ok: TestHost['ok'] = async (method, input, session) => {
    const result = await host.call(method, input, session);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
    return result.value;
  };
  return {
    host,
    dataDir,
    ok,
    async job(job) {
      const ended = await host.core!.jobs.wait(job.id);
      await new Promise((resolve) => setImmediate(resolve));
      await host.settled();
      return ended;
    },
    async signIn() {
      const session = host.openSession();
      await ok('auth.login', { username: ADMIN.username, password: ADMIN.password }, session);
      return session;
    },
  };
}

export async function setUp(t: TestHost): Promise<Session> {
  const session = t.host.openSession();
  await t.ok('setup.createAdmin', ADMIN, session);
  return session;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Uploads and stores `bytes` as an attachment; answers its sha256. */
export async function storeAttachment(t: TestHost, session: Session, fileName: string, bytes: Buffer): Promise<string> {
  const { uploadId } = await t.ok('uploads.begin', { fileName, size: bytes.length }, session);
  await t.ok('uploads.chunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }, session);
  await t.ok('uploads.finish', { uploadId, sha256: sha256(bytes) }, session);
  await t.ok('attachments.store', { uploadId }, session);
  return sha256(bytes);
}

/** Every file under attachments/, by its path there, with the SHA-256 of its bytes. */
export function attachmentFiles(dataDir: string): Record<string, string> {
  return Object.fromEntries(listAttachmentFiles(dataDir).map((f) => [relative(dataDir, f.path).replace(/\\/g, '/'), sha256(readFileSync(f.path))]));
}
