/** An import job of any kind: reads the uploaded file in the worker and runs the shared pipeline with the kind's spec. */
import { readFileSync } from 'node:fs';
import { runImport, type ImportResult, type ImportSpec } from '../imports';
import type { JobContext } from './context';

export interface UploadedImportInput {
  path: string;
  fileName: string;
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
  mapping: Record<number, string>;
}

export async function runUploadedImport<T, R>(ctx: JobContext, spec: ImportSpec<T, R>, input: UploadedImportInput): Promise<ImportResult<R>> {
  const bytes = new Uint8Array(readFileSync(input.path));
  return runImport(ctx, spec, {
    bytes,
    fileName: input.fileName,
    mapping: input.mapping,
    ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
    ...(input.headerRow === undefined ? {} : { headerRow: input.headerRow }),
  });
}
