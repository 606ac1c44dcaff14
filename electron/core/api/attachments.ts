/**
 * Files: uploads in chunks, storing them as attachments (content-addressed, checked by content),
 * and reading them back (metadata, cached JPEG pages, original bytes by range).
 * The work is in electron/core/attachments/ (see its README).
 */
import { access } from 'node:fs/promises';
import { defineHandlers, type HandlerContext } from '../context';
import { CoreError, notFound } from '../errors';
import { getAttachment } from '../db/attachments';
import { blobPath } from '../attachments/paths';
import { appendChunk, beginUpload, cancelUpload, finishedUpload, finishUpload, readUpload, uploadReceived } from '../attachments/uploads';
import { storeUpload } from '../attachments/store';
import { blobImageSource, cachedPage, snapWidth } from '../attachments/derivatives';
import type { Attachment } from '../../../shared/contract/attachments';

function attachmentOr404(ctx: HandlerContext, id: number): Attachment {
  const attachment = getAttachment(ctx.db, id);
  if (!attachment) throw notFound({ zh: `附件 ${id}`, en: `Attachment ${id}` });
  return attachment;
}

function missingFile(a: Attachment): CoreError {
  return new CoreError('NOT_FOUND', {
    zh: `附件“${a.originalName}”（${a.id}）的文件不在数据文件夹中（可能被移动或删除），请从备份恢复。`,
    en: `The file of attachment “${a.originalName}” (${a.id}) is missing from the data folder (moved or deleted?). Restore it from a backup.`,
  });
}

export const attachmentHandlers = defineHandlers({
  'uploads.begin': (input, ctx) => {
    const user = ctx.requireUser();
    const meta = beginUpload(ctx.dataDir, user.id, input, ctx.now());
    return { uploadId: meta.id };
  },
  'uploads.chunk': (input, ctx) => appendChunk(ctx.dataDir, ctx.requireUser().id, input),
  'uploads.finish': async (input, ctx) => {
    const meta = await finishUpload(ctx.dataDir, ctx.requireUser().id, input);
    return { uploadId: meta.id, size: meta.size, sha256: meta.sha256! };
  },
  'uploads.status': (input, ctx) => {
    const meta = readUpload(ctx.dataDir, ctx.requireUser().id, input.uploadId);
    return { uploadId: meta.id, fileName: meta.fileName, size: meta.size, received: uploadReceived(ctx.dataDir, meta.id), sha256: meta.sha256 };
  },
  'uploads.cancel': async (input, ctx) => {
    await cancelUpload(ctx.dataDir, ctx.requireUser().id, input.uploadId);
    return { ok: true as const };
  },
  'attachments.store': (input, ctx) => storeUpload(ctx, input.uploadId),
  'attachments.storeMany': (input, ctx) => {
    const user = ctx.requireUser();
    // Refuse at once what the job would refuse first: unknown, someone else's or unfinished uploads.
    for (const id of input.uploadIds) finishedUpload(ctx.dataDir, user.id, id);
    const job = ctx.jobs.start('attachments.store', { uploadIds: input.uploadIds }, { userId: user.id, username: user.username });
    return { jobId: job.id };
  },
  'attachments.get': (input, ctx) => attachmentOr404(ctx, input.id),
  'attachments.page': async (input, ctx) => {
    const a = attachmentOr404(ctx, input.id);
    if (a.mime === 'application/pdf') {
      throw new CoreError('VALIDATION', {
        zh: `附件“${a.originalName}”是 PDF：请用 attachments.original 取原文件，由 PDF 阅读器（pdf.js）显示。`,
        en: `Attachment “${a.originalName}” is a PDF: fetch it with attachments.original and display it with pdf.js.`,
      });
    }
    if (input.page > a.pages) {
      throw new CoreError('VALIDATION', { zh: `附件“${a.originalName}”只有 ${a.pages} 页。`, en: `Attachment “${a.originalName}” has ${a.pages} page(s).` });
    }
    const source = blobPath(ctx.dataDir, a.sha256);
    try {
      await access(source);
    } catch {
      throw missingFile(a);
    }
    let page;
    try {
      page = await cachedPage(ctx.dataDir, a.sha256, () => blobImageSource(source, ctx.vault), input.page, snapWidth(input.width), ctx.vault);
    } catch (error) {
      // A sealed scan that does not open (altered, cut short, another key) says so.
      if (error instanceof CoreError) throw error;
      // File-system failures (disk full, read-only) keep their code; a decoder failure is the page's fault.
      if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
      throw new CoreError('BAD_FILE', {
        zh: `附件“${a.originalName}”第 ${input.page} 页无法解码显示（该页数据已损坏）。`,
        en: `Page ${input.page} of attachment “${a.originalName}” cannot be decoded (its data is damaged).`,
      });
    }
    return { mime: 'image/jpeg' as const, dataBase64: page.data.toString('base64'), width: page.width, height: page.height, page: input.page, pages: a.pages };
  },
  'attachments.original': async (input, ctx) => {
    const a = attachmentOr404(ctx, input.id);
    if (input.offset > a.size) {
      throw new CoreError('VALIDATION', { zh: `偏移量超出文件大小（${a.size} 字节）。`, en: `The offset is past the end of the file (${a.size} bytes).` });
    }
    const length = Math.min(input.length, a.size - input.offset);
    let data: Buffer;
    try {
      // The plain bytes, whether the blob is sealed or not (a sealed one: only the chunks of the range).
      data = await ctx.vault.readRange(blobPath(ctx.dataDir, a.sha256), input.offset, length);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missingFile(a);
      throw error;
    }
    if (data.length !== length) throw missingFile(a);
    return { mime: a.mime, size: a.size, offset: input.offset, length, dataBase64: data.toString('base64'), sha256: a.sha256, originalName: a.originalName };
  },
});
