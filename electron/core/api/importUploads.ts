/**
 * What every import kind's handlers share: the preview of an uploaded spreadsheet as the contract
 * shows it, and starting the import job on the upload. Each kind (martyrImport.ts,
 * ledgerImport.ts) passes its ImportSpec and its job kind.
 */
import { readFileSync } from 'node:fs';
import type { HandlerContext } from '../context';
import { finishedUpload } from '../attachments/uploads';
import { cellText, preview, type ImportSpec } from '../imports';
import type { JobKindName } from '../jobs/kinds';
import type { ImportPreview } from '../../../shared/contract/martyrImport';

const text = (cells: readonly (string | number | Date | null)[]) => cells.map((c) => cellText(c));

export interface PreviewRequest {
  uploadId: string;
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
}

export async function previewUpload<T, R>(ctx: HandlerContext, input: PreviewRequest, spec: ImportSpec<T, R>): Promise<ImportPreview> {
  const user = ctx.requireUser();
  const upload = finishedUpload(ctx.dataDir, user.id, input.uploadId);
  const p = await preview(new Uint8Array(readFileSync(upload.path)), upload.fileName, spec, {
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
}

export interface StartRequest extends PreviewRequest {
  mapping: Record<string, string>;
}

/** Starts `kind` on the caller's upload; `extra` is the kind's own input (a source…). */
export function startUploadImport(ctx: HandlerContext, kind: JobKindName, input: StartRequest, extra: Record<string, unknown> = {}): { jobId: number } {
  const user = ctx.requireUser();
  const upload = finishedUpload(ctx.dataDir, user.id, input.uploadId);
  const mapping = Object.fromEntries(Object.entries(input.mapping).map(([column, key]) => [Number(column), key]));
  const job = ctx.jobs.start(kind, { path: upload.path, fileName: upload.fileName, sheet: input.sheet, headerRow: input.headerRow, mapping, ...extra }, { userId: user.id, username: user.username });
  return { jobId: job.id };
}
