import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core, type CoreOptions, type Session } from '../../electron/core';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

const root = resolve(import.meta.dirname, '../..');

/** The job worker from source, run through tsx (the built app uses out/main/job-worker.js). */
export const sourceWorker = { file: join(root, 'electron/tsx-worker.mjs'), argv: [join(root, 'electron/job-worker.ts')] };

/** The repository's resources folder (fonts), as the app uses from source. */
export const REPO_RESOURCES = join(root, 'resources');

export function tempDir(prefix = 'guangrong-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestCore {
  core: Core;
  dataDir: string;
  clock: { now: Date; advance(ms: number): void };
  /** A call that must succeed: returns its value or throws with the error. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>, session: Session): Promise<MethodOutput<M>>;
  dispose(): Promise<void>;
}

/** A real core on a real database file in a fresh temp folder, with a controllable clock. */
export function makeTestCore(options: Partial<CoreOptions> & { dataDir?: string } = {}): TestCore {
  const dataDir = options.dataDir ?? tempDir();
  const clock = {
    now: new Date('2026-11-23T09:00:00.000Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const core = createCore({ worker: sourceWorker, resourcesDir: REPO_RESOURCES, clock: () => clock.now, logger: { warn: () => {}, error: () => {} }, ...options, dataDir });
  return {
    core,
    dataDir,
    clock,
    async ok(method, input, session) {
      const result = await core.call(method, input, session);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
      return result.value;
    },
    async dispose() {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN = { username: 'admin', displayName: '王管理', password: 'correct horse 1' };

/** A core with the administrator created and signed in on `admin`. */
export async function makeSetUpCore(options: Partial<CoreOptions> = {}) {
  const t = makeTestCore(options);
  const admin = t.core.openSession();
  await t.ok('setup.createAdmin', ADMIN, admin);
  return { ...t, admin };
}
