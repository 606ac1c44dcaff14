/**
 * An import job of any kind: reads the uploaded file in the worker and runs the shared pipeline
 * with the kind's spec.
 *
 * The upload (tmp/uploads/<id>.part) is plain even in an encrypted installation: it arrives in
 * chunks and is read whole by the job, and sealing it chunk by chunk would only add work to a file
 * that lives for minutes. So it is removed as soon as the import has run to its end — imported, or
 * refused with its error workbook (which keeps the refused rows, sealed); the import screen starts
 * over with a new upload then. A job that failed (a full disk) or was cancelled keeps it, so the
 * same upload can be imported again; those, and uploads abandoned before an import, are swept
 * after 24 hours untouched (uploads.ts).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { runImport, type ImportResult, type ImportSpec } from '../imports';
import { removeUpload } from '../attachments/uploads';
import { uploadsDir } from '../attachments/paths';
import type { JobContext } from './context';

export interface UploadedImportInput {
  path: string;
  fileName: string;
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
  mapping: Record<number, string>;
}

/** Removes the upload behind `path` when it is one (an upload's .part under this data folder's tmp/uploads). */
function removeUploadedFile(dataDir: string, path: string): void {
  if (dirname(path) !== uploadsDir(dataDir) || !path.endsWith('.part')) return;
  removeUpload(dataDir, basename(path, '.part'));
}

export async function runUploadedImport<T, R>(ctx: JobContext, spec: ImportSpec<T, R>, input: UploadedImportInput): Promise<ImportResult<R>> {
  const bytes = new Uint8Array(readFileSync(input.path));
  const result = await runImport(ctx, spec, {
    bytes,
    fileName: input.fileName,
    mapping: input.mapping,
    ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
    ...(input.headerRow === undefined ? {} : { headerRow: input.headerRow }),
  });
  removeUploadedFile(ctx.dataDir, input.path);
  return result;
}
