/**
 * Storing finished uploads as attachments: check each file by its content, write each distinct
 * content once at attachments/ab/cd/<sha256> (fsynced, before any row), then insert the rows and
 * their audit entries in ONE transaction, then drop the uploads.
 *
 * All or nothing: one bad file refuses the whole batch (every bad file is named) and nothing is
 * written; a cancel before the commit leaves no row. Blobs written before a cancel or failure stay
 * as unreferenced files until `sweepOrphans` (blobs.ts) removes them; the uploads themselves are
 * kept until the commit, so the same batch can simply be stored again.
 *
 * Used by the `attachments.store` handler (one file, answered at once) and by the
 * `attachments.store` job kind (several files, in a worker thread, with progress and cancel).
 */
import type { StoredAttachment, StoreJobResult } from '../../../shared/contract/attachments';
import type { AuditRecord, HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { findAttachmentBySha, insertAttachment } from '../db/attachments';
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import type { Vault } from '../crypto/vault';
import { writeBlob } from './blobs';
import { inspectFile, type ContentInfo } from './inspect';
import { finishedUpload, removeUpload } from './uploads';

export interface StoreEnv {
  db: Db;
  dataDir: string;
  /** Seals the blobs and the thumbnails when the installation is encrypted. */
  vault: Vault;
  userId: number;
  now(): string;
  write<T>(fn: (audit: (record: AuditRecord) => void) => T): T;
}

export interface StoreHooks {
  progress?(done: number, total: number, phase: string): void;
  throwIfCancelled?(): void;
}

const MAX_REPORTED = 20;

/** Raised inside the transaction when every file turned out to be stored already: nothing to commit. */
class NothingNew extends Error {}

export async function storeUploads(env: StoreEnv, uploadIds: readonly string[], hooks: StoreHooks = {}): Promise<(StoredAttachment & { uploadId: string })[]> {
  const ids = [...new Set(uploadIds)];
  const uploads = ids.map((id) => finishedUpload(env.dataDir, env.userId, id));
  const total = uploads.length;
  const cancelled = () => hooks.throwIfCancelled?.();

  // 1. Check every file by its content (already stored content needs no second look).
  const infos = new Map<string, ContentInfo | 'stored'>();
  const problems: { fileName: string; error: CoreError }[] = [];
  for (const [i, upload] of uploads.entries()) {
    cancelled();
    hooks.progress?.(i, total, 'checking');
    if (infos.has(upload.sha256)) continue;
    if (findAttachmentBySha(env.db, upload.sha256)) {
      infos.set(upload.sha256, 'stored');
      continue;
    }
    try {
      infos.set(upload.sha256, await inspectFile(upload.path, upload.fileName, { dataDir: env.dataDir, sha256: upload.sha256, vault: env.vault }));
    } catch (error) {
      if (!(error instanceof CoreError) || error.code !== 'BAD_FILE') throw error;
      problems.push({ fileName: upload.fileName, error });
    }
  }
  if (problems.length === 1 && total === 1) throw problems[0]!.error;
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    const more = problems.length - shown.length;
    throw new CoreError('BAD_FILE', {
      zh: `${total} 个文件中有 ${problems.length} 个无法保存，全部未保存：\n${shown.map((p) => p.error.text.zh).join('\n')}${more > 0 ? `\n……另有 ${more} 个` : ''}`,
      en: `${problems.length} of ${total} files cannot be stored; none was saved:\n${shown.map((p) => p.error.text.en).join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`,
    });
  }

  // 2. The bytes, durably, before any row names them (also restores a stored blob found missing).
  const written = new Set<string>();
  for (const [i, upload] of uploads.entries()) {
    cancelled();
    hooks.progress?.(i, total, 'writing');
    if (written.has(upload.sha256)) continue;
    await writeBlob(env.dataDir, upload.sha256, upload.path, upload.size, env.vault);
    written.add(upload.sha256);
  }
  cancelled();
  hooks.progress?.(total, total, 'saving');

  // 3. The rows and their audit entries, in one transaction.
  const results: (StoredAttachment & { uploadId: string })[] = [];
  try {
    env.write((audit) => {
      let inserted = 0;
      for (const upload of uploads) {
        const info = infos.get(upload.sha256);
        const existing = findAttachmentBySha(env.db, upload.sha256);
        if (existing || info === undefined || info === 'stored') {
          if (!existing) throw new Error(`attachment ${upload.sha256} vanished while storing`);
          results.push({ uploadId: upload.id, attachment: existing, duplicate: true });
          continue;
        }
        const row = insertAttachment(env.db, { sha256: upload.sha256, size: upload.size, ...info, originalName: upload.fileName, createdAt: env.now(), createdBy: env.userId });
        // Two uploads of one content in the same batch: the first inserts, the others find it.
        results.push({ uploadId: upload.id, attachment: row.attachment, duplicate: !row.inserted });
        if (row.inserted) {
          inserted++;
          const a = row.attachment;
          audit({ entity: 'attachment', entityId: a.id, action: 'create', after: { sha256: a.sha256, size: a.size, mime: a.mime, pages: a.pages, width: a.width, height: a.height, originalName: a.originalName } });
        }
      }
      if (inserted === 0) throw new NothingNew();
    });
  } catch (error) {
    if (!(error instanceof NothingNew)) throw error;
  }

  // 4. The uploads are done with (the blob is a hard link, a copy or a sealed copy: removing the
  // upload keeps it). In an encrypted installation this also ends the plain copy's life.
  for (const upload of uploads) removeUpload(env.dataDir, upload.id);
  return results;
}

/**
 * One finished upload of the signed-in user, from a handler (`ctx` is its HandlerContext): the
 * attachment row, new or the one already holding this content. Other domains may call it and then
 * link the attachment to their record (db/attachments.ts `linkAttachment`) in their own write.
 */
export async function storeUpload(ctx: Pick<HandlerContext, 'db' | 'dataDir' | 'vault' | 'now' | 'write' | 'requireUser'>, uploadId: string): Promise<StoredAttachment> {
  const user = ctx.requireUser();
  const [stored] = await storeUploads({ db: ctx.db, dataDir: ctx.dataDir, vault: ctx.vault, userId: user.id, now: ctx.now, write: ctx.write }, [uploadId]);
  return { attachment: stored!.attachment, duplicate: stored!.duplicate };
}

/** Job kind `attachments.store`: several uploads, progress per file, cancellable, all or nothing. */
export async function storeAttachmentsJob(ctx: JobContext, input: { uploadIds: string[] }): Promise<StoreJobResult> {
  const userId = ctx.actor.userId;
  if (userId === null) throw new CoreError('UNAUTHENTICATED');
  const stored = await storeUploads({ db: ctx.db, dataDir: ctx.dataDir, vault: ctx.vault, userId, now: ctx.now, write: ctx.write }, input.uploadIds, {
    progress: (done, total, phase) => ctx.progress(done, total, phase),
    throwIfCancelled: () => ctx.throwIfCancelled(),
  });
  return { stored };
}
