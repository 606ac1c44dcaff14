/** The martyrs' roll import as a job kind: reads the uploaded file in the worker and runs the shared pipeline. */
import { readFileSync } from 'node:fs';
import { runImport, type ImportResult } from '../imports';
import type { JobContext } from '../jobs/context';
import { martyrImportSpec } from './importSpec';

export interface MartyrImportJobInput {
  path: string;
  fileName: string;
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
  mapping: Record<number, string>;
  sourceId: number | null;
}

export async function importMartyrsJob(ctx: JobContext, input: MartyrImportJobInput): Promise<ImportResult<{ created: number }>> {
  const bytes = new Uint8Array(readFileSync(input.path));
  return runImport(ctx, martyrImportSpec({ sourceId: input.sourceId }), {
    bytes,
    fileName: input.fileName,
    mapping: input.mapping,
    ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
    ...(input.headerRow === undefined ? {} : { headerRow: input.headerRow }),
  });
}
