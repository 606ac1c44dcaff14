import type { JobKind } from './context';
import { importDivisionsCsv, loadBuiltInDivisions } from '../divisions/load';
import { storeAttachmentsJob } from '../attachments/store';
import { importMartyrsJob } from '../martyrs/importJob';
import { exportMartyrsJob } from '../martyrs/exportJob';
import { plaqueBatchJob } from '../plaques/batchJob';
import { importAwardsJob, importPlaquesJob } from '../ledgers/importJobs';

/**
 * Every kind of job, by name. Only the worker thread imports the implementations; the runner
 * needs the names alone. A new kind of long work is one entry here.
 */
export const jobKinds = {
  'divisions.importCsv': importDivisionsCsv as JobKind,
  'divisions.loadBuiltIn': loadBuiltInDivisions as JobKind,
  'attachments.store': storeAttachmentsJob as JobKind,
  'martyrs.import': importMartyrsJob as JobKind,
  'martyrs.export': exportMartyrsJob as JobKind,
  'plaques.batch': plaqueBatchJob as JobKind,
  'plaques.import': importPlaquesJob as JobKind,
  'awards.import': importAwardsJob as JobKind,
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof jobKinds;
