import type { JobKind } from './context';

/**
 * Every kind of job, by name, each loaded when a job of that kind runs: a job worker lives for
 * one job, and an import need not load (nor hold in memory) what exports, image handling or the
 * division loader bring. Only the worker thread loads the implementations; the runner needs the
 * names alone. A new kind of long work is one entry here.
 */
export const jobKinds = {
  'divisions.importCsv': async () => (await import('../divisions/load')).importDivisionsCsv as JobKind,
  'divisions.loadBuiltIn': async () => (await import('../divisions/load')).loadBuiltInDivisions as JobKind,
  'attachments.store': async () => (await import('../attachments/store')).storeAttachmentsJob as JobKind,
  'martyrs.import': async () => (await import('../martyrs/importJob')).importMartyrsJob as JobKind,
  'martyrs.export': async () => (await import('../martyrs/exportJob')).exportMartyrsJob as JobKind,
  'plaques.batch': async () => (await import('../plaques/batchJob')).plaqueBatchJob as JobKind,
  'plaques.import': async () => (await import('../ledgers/importJobs')).importPlaquesJob as JobKind,
  'awards.import': async () => (await import('../ledgers/importJobs')).importAwardsJob as JobKind,
  'documents.letters': async () => (await import('../documents/lettersJob')).printLettersJob as JobKind,
  'documents.calibration': async () => (await import('../documents/calibrationJob')).printCalibrationJob as JobKind,
  'documents.roll': async () => (await import('../documents/rollJob')).printRollJob as JobKind,
  'documents.plaqueLedger': async () => (await import('../documents/plaqueJobs')).printPlaqueLedgerJob as JobKind,
  'documents.issuanceSlip': async () => (await import('../documents/plaqueJobs')).printIssuanceSlipJob as JobKind,
  'documents.recordSheets': async () => (await import('../documents/recordSheetJob')).printRecordSheetsJob as JobKind,
  'documents.list': async () => (await import('../documents/listJob')).printListJob as JobKind,
  'backup.create': async () => (await import('../backup/jobs')).createBackupJob as JobKind,
  'backup.restore': async () => (await import('../backup/jobs')).restoreBackupJob as JobKind,
  'encryption.seal': async () => (await import('../encryption/sealJob')).sealFilesJob as JobKind,
  'integrity.check': async () => (await import('../integrity/checkJob')).integrityCheckJob as JobKind,
} satisfies Record<string, () => Promise<JobKind>>;

export type JobKindName = keyof typeof jobKinds;
