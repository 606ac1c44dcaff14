/**
 * Importing the plaque ledger and the award list: preview and the import job, shared with the
 * martyrs' roll (importUploads.ts); rejected rows come back through imports.errorFile.
 */
import { defineHandlers } from '../context';
import { previewUpload, startUploadImport } from './importUploads';
import { listAwardClasses } from '../db/awardClasses';
import { officeDay } from '../honors/deadlines';
import { awardImportSpec } from '../honors/importSpec';
import { officePlaces, plaqueImportSpec } from '../plaques/importSpec';

export const ledgerImportHandlers = defineHandlers({
  'plaques.importPreview': (input, ctx) => previewUpload(ctx, input, plaqueImportSpec({ places: () => officePlaces(ctx.db), today: officeDay(ctx.nowMs()) })),
  'plaques.import': (input, ctx) => startUploadImport(ctx, 'plaques.import', input),
  'awards.importPreview': (input, ctx) => previewUpload(ctx, input, awardImportSpec({ classes: () => listAwardClasses(ctx.db), today: officeDay(ctx.nowMs()) })),
  'awards.import': (input, ctx) => startUploadImport(ctx, 'awards.import', input),
});
