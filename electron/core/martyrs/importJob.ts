/** The martyrs' roll import as a job kind: the shared uploaded-file import with the roll's spec. */
import type { ImportResult } from '../imports';
import type { JobContext } from '../jobs/context';
import { runUploadedImport, type UploadedImportInput } from '../jobs/uploadedImport';
import { martyrImportSpec } from './importSpec';

export interface MartyrImportJobInput extends UploadedImportInput {
  sourceId: number | null;
}

export function importMartyrsJob(ctx: JobContext, input: MartyrImportJobInput): Promise<ImportResult<{ created: number }>> {
  return runUploadedImport(ctx, martyrImportSpec({ sourceId: input.sourceId }), input);
}
