/**
 * The work of one stress round, step by step, each through the real backend (`core.call`, jobs in
 * their worker threads) as the application does it. The parent kills the child running these at a
 * random moment of a random step; checks.ts then says what must hold whatever the moment.
 *
 * A new kind of work is one entry in `steps` (and, if it leaves something to check, one in
 * checks.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from '../../electron/core';
import type { MethodInput, MethodName } from '../../shared/contract';
import type { TestCore } from '../support/tempCore';
import { upload } from '../integration/attachments/client';
import { IMPORT_FILE, SCAN_FILES, SOURCE_TITLE, STRESS_BACKUPS } from './fixtures';

export interface Round {
  t: TestCore;
  admin: Session;
  /** The folder with the files to upload. */
  files: string;
  /** Starts a job method and waits for it; a job that does not end 'done' fails the step. */
  job<M extends MethodName>(method: M, input: MethodInput<M>): Promise<unknown>;
  /** The ids of the imported records, once the import has run. */
  martyrIds: number[];
}

export interface Step {
  name: string;
  run(round: Round): Promise<void>;
}

const bytes = (round: Round, name: string) => readFileSync(join(round.files, name));

async function allMartyrIds(round: Round): Promise<number[]> {
  const ids: number[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await round.t.ok('martyrs.search', { limit: 200, ...(after ? { after } : {}) }, round.admin);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    after = page.nextCursor;
  }
}

export const steps: Step[] = [
  {
    // The martyrs.import job: upload, preview, validate every row, commit all in one transaction.
    name: 'import',
    async run(round) {
      const uploadId = await upload(round.t, round.admin, IMPORT_FILE, bytes(round, IMPORT_FILE));
      const preview = await round.t.ok('martyrs.importPreview', { uploadId }, round.admin);
      const source = (await round.t.ok('sources.list', {}, round.admin)).find((s) => s.title === SOURCE_TITLE);
      await round.job('martyrs.import', { uploadId, mapping: preview.mapping, sourceId: source?.id ?? null });
      round.martyrIds = await allMartyrIds(round);
    },
  },
  {
    // Batch status changes: every imported record submitted in one transaction, then verified in one.
    name: 'batch',
    async run(round) {
      await round.t.ok('martyrs.submit', { ids: round.martyrIds }, round.admin);
      await round.t.ok('martyrs.verify', { ids: round.martyrIds }, round.admin);
    },
  },
  {
    // One scan stored at once (blob, then row), three more as an attachments.store job.
    name: 'attachments',
    async run(round) {
      const [first, ...rest] = SCAN_FILES;
      await round.t.ok('attachments.store', { uploadId: await upload(round.t, round.admin, first!, bytes(round, first!)) }, round.admin);
      const uploadIds: string[] = [];
      for (const name of rest) uploadIds.push(await upload(round.t, round.admin, name, bytes(round, name)));
      await round.job('attachments.storeMany', { uploadIds });
    },
  },
  {
    // A print job: the PDF written (temp, fsync, rename), then its register row.
    name: 'print',
    async run(round) {
      await round.job('documents.printRecordSheets', { martyrIds: round.martyrIds.slice(0, 10) });
    },
  },
  {
    // A backup to the stick (the database's online copy and every attachment, streamed into a
    // .partial file, fsynced, renamed), while the data it copies is what the steps above wrote.
    name: 'backup',
    async run(round) {
      const stick = join(round.t.dataDir, STRESS_BACKUPS);
      mkdirSync(stick, { recursive: true });
      await round.job('backup.create', { folder: stick });
    },
  },
];
