/**
 * THE CONTRACT: every backend method, once, with zod schemas for input and output and who may
 * call it. The backend (electron/core) dispatches through it; the renderer's client infers its
 * types from it; the IPC handler and the web host carry it unchanged.
 *
 * May import: zod and the files of this folder. Imported by: everything.
 */
import type { z } from 'zod';
import { appMethods } from './app';
import { attachmentMethods } from './attachments';
import { auditMethods } from './audit';
import { authMethods } from './auth';
import { divisionMethods } from './divisions';
import { jobMethods } from './jobs';
import { honorMethods } from './honors';
import { martyrMethods } from './martyrs';
import { martyrImportMethods } from './martyrImport';
import { ledgerImportMethods } from './ledgerImport';
import { userMethods } from './users';
import { peopleMethods } from './people';
import { plaqueMethods } from './plaques';
import { statisticsMethods } from './statistics';
import { documentMethods } from './documents';
import { documentPrintMethods } from './documentPrints';
import { backupMethods } from './backup';
import { integrityMethods } from './integrity';
import { encryptionMethods } from './encryption';
import type { MethodSpec } from './method';

export const methods = {
  ...appMethods,
  ...authMethods,
  ...userMethods,
  ...auditMethods,
  ...divisionMethods,
  ...jobMethods,
  ...martyrMethods,
  ...martyrImportMethods,
  ...ledgerImportMethods,
  ...attachmentMethods,
  ...peopleMethods,
  ...plaqueMethods,
  ...honorMethods,
  ...statisticsMethods,
  ...documentMethods,
  ...documentPrintMethods,
  ...backupMethods,
  ...integrityMethods,
  ...encryptionMethods,
} satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What the caller sends (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What the handler receives, after validation and defaults. */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './errors';
export * from './events';
export * from './roles';
export * from './text';
export type { MethodSpec } from './method';
export type { User, SessionState } from './auth';
export type { AuditEntry } from './audit';
export type { Division } from './divisions';
export type { Job } from './jobs';
export type { Settings } from './app';
export { userSchema } from './auth';
export { divisionCodeSchema } from './divisions';
export { settingsSchema } from './app';
export type { IssuedDocument, LettersJobResult, DocumentKind, RollOptions, RollSelectionInput, RollJobResult } from './documents';
export { rollOptionsSchema, rollJobResultSchema, ROLL_PREFACE_MAX } from './documents';
export type { FormTemplate, PrinterProfiles } from './documents';
export { formTemplates, formOffsetSchema, printerProfilesSchema, FORM_OFFSET_MAX_MM } from './documents';
export type { PlaqueLedgerPrint, ListPrint, ListName, ListColumnName, PrintJobResult } from './documentPrints';
export { ledgerPrintViews, listColumns, listNames, LIST_PRINT_ROWS_MAX, printJobResultSchema, RECORD_SHEETS_MAX } from './documentPrints';
export { LETTER_PLACEHOLDERS, LETTERS_PER_JOB_MAX, DOCUMENT_CHUNK_MAX, dateStyles, documentKinds, lettersJobResultSchema, unknownPlaceholders } from './documents';
export * from './bridge';
export type { BackupFile, BackupManifest, BackupSettings, BackupSummary, AsideFolder, RecoveryStatus, BackupReason, LastRestore, BackupKeyInput } from './backup';
export { backupManifestSchema, BACKUP_DATABASE_ENTRY, BACKUP_MANIFEST_ENTRY, BACKUP_EXTENSION, backupReasons, lastRestoreSchema } from './backup';
export type { IntegrityCheck, IntegrityProblem, IntegrityRecord, IntegrityJobResult } from './integrity';
export { INTEGRITY_CHECK_INTERVAL_DAYS, integrityJobResultSchema } from './integrity';
export type { Martyr, MartyrRow, MartyrFields, MartyrFieldsInput, PartialDate, Period, PeriodFilter, Source, MartyrSort, MartyrStatus } from './martyrs';
export { martyrFieldsSchema, COUNT_CAP, periods, periodFilters, martyrStatuses, sourceKinds, relations } from './martyrs';
export type { ImportPreview } from './martyrImport';
export type { Award, AwardCursor, AwardRow, AwardClass, AwardFieldsInput, CalendarDay, Letter, LetterCursor, LetterRow } from './honors';
export { DUE_SOON_WORKING_DAYS, LIST_PAGE_MAX, letterDueFilters, deadlineStates } from './honors';
export type { EncryptionStatus } from './encryption';
export { encryptionStates } from './encryption';
