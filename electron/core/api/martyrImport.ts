/**
 * Importing spreadsheets into the martyrs' roll: preview (header, mapping, first rows), the
 * import job, and the error workbook of a rejected import (an export of personal data: audited).
 */
import { join, normalize } from 'node:path';
import { defineHandlers } from '../context';
import { CoreError, notFound } from '../errors';
import { previewUpload, startUploadImport } from './importUploads';
import { sourceExists } from '../db/sources';
import { martyrImportSpec } from '../martyrs/importSpec';

export const martyrImportHandlers = defineHandlers({
  'martyrs.importPreview': (input, ctx) => previewUpload(ctx, input, martyrImportSpec({ sourceId: null })),

  'martyrs.import': (input, ctx) => {
    if (input.sourceId !== null && !sourceExists(ctx.db, input.sourceId)) {
      throw new CoreError('VALIDATION', { zh: '所选来源不存在。', en: 'The chosen source does not exist.' });
    }
    return startUploadImport(ctx, 'martyrs.import', input, { sourceId: input.sourceId });
  },

  'imports.errorFile': async (input, ctx) => {
    const job = ctx.jobs.get(input.jobId);
    const result = job.result as { ok?: boolean; errorFile?: string | null } | null;
    if (!result || result.ok !== false || !result.errorFile) throw notFound({ zh: '该任务的错误行文件', en: 'The error workbook of this job' });
    const relative = normalize(result.errorFile);
    if (relative.startsWith('..')) throw notFound({ zh: '该任务的错误行文件', en: 'The error workbook of this job' });
    let bytes: Buffer;
    try {
      bytes = await ctx.vault.readFile(join(ctx.dataDir, relative));
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw notFound({ zh: '错误行文件（可能已超过 30 天被清理）', en: 'The error workbook (it may have been cleaned up after 30 days)' });
    }
    ctx.write((audit) => audit({ entity: 'import', entityId: input.jobId, action: 'export', after: { file: relative, bytes: bytes.length } }));
    return { fileName: relative.split(/[\\/]/).pop()!, dataBase64: bytes.toString('base64') };
  },
});
