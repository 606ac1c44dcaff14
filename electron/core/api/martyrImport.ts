/**
 * Importing spreadsheets into the martyrs' roll: preview (header, mapping, first rows), the
 * import job, and the error workbook of a rejected import (an export of personal data: audited).
 */
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { defineHandlers } from '../context';
import { CoreError, notFound } from '../errors';
import { finishedUpload } from '../attachments/uploads';
import { cellText, preview } from '../imports';
import { sourceExists } from '../db/sources';
import { martyrImportSpec } from '../martyrs/importSpec';

const text = (cells: readonly (string | number | Date | null)[]) => cells.map((c) => cellText(c));

export const martyrImportHandlers = defineHandlers({
  'martyrs.importPreview': async (input, ctx) => {
    const user = ctx.requireUser();
    const upload = finishedUpload(ctx.dataDir, user.id, input.uploadId);
    const p = await preview(new Uint8Array(readFileSync(upload.path)), upload.fileName, martyrImportSpec({ sourceId: null }), {
      db: ctx.db,
      ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
      ...(input.headerRow === undefined ? {} : { headerRow: input.headerRow }),
    });
    return {
      sheetNames: p.sheetNames,
      sheet: p.sheet,
      headerRow: p.headerRow,
      header: text(p.header),
      above: p.above.map((r) => ({ rowNumber: r.rowNumber, cells: text(r.cells) })),
      rows: p.rows.map((r) => ({ rowNumber: r.rowNumber, cells: text(r.cells) })),
      mapping: Object.fromEntries(Object.entries(p.mapping).map(([column, key]) => [String(column), key])),
      mappingSource: p.mappingSource,
      columns: p.columns,
      missingRequired: p.missingRequired,
      skipped: p.skipped,
      truncated: p.truncated,
    };
  },

  'martyrs.import': (input, ctx) => {
    const user = ctx.requireUser();
    const upload = finishedUpload(ctx.dataDir, user.id, input.uploadId);
    if (input.sourceId !== null && !sourceExists(ctx.db, input.sourceId)) {
      throw new CoreError('VALIDATION', { zh: '所选来源不存在。', en: 'The chosen source does not exist.' });
    }
    const mapping = Object.fromEntries(Object.entries(input.mapping).map(([column, key]) => [Number(column), key]));
    const job = ctx.jobs.start(
      'martyrs.import',
      { path: upload.path, fileName: upload.fileName, sheet: input.sheet, headerRow: input.headerRow, mapping, sourceId: input.sourceId },
      { userId: user.id, username: user.username },
    );
    return { jobId: job.id };
  },

  'imports.errorFile': (input, ctx) => {
    const job = ctx.jobs.get(input.jobId);
    const result = job.result as { ok?: boolean; errorFile?: string | null } | null;
    if (!result || result.ok !== false || !result.errorFile) throw notFound({ zh: '该任务的错误行文件', en: 'The error workbook of this job' });
    const relative = normalize(result.errorFile);
    if (relative.startsWith('..')) throw notFound({ zh: '该任务的错误行文件', en: 'The error workbook of this job' });
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(ctx.dataDir, relative));
    } catch {
      throw notFound({ zh: '错误行文件（可能已超过 30 天被清理）', en: 'The error workbook (it may have been cleaned up after 30 days)' });
    }
    ctx.write((audit) => audit({ entity: 'import', entityId: input.jobId, action: 'export', after: { file: relative, bytes: bytes.length } }));
    return { fileName: relative.split(/[\\/]/).pop()!, dataBase64: bytes.toString('base64') };
  },
});
