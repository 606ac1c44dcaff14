/**
 * The ledger imports as job kinds: the plaque ledger and the award list, each the shared
 * uploaded-file import (jobs/uploadedImport.ts) with its spec, given what it matches against
 * (the county's places, the award classes) from the worker's connection.
 */
import type { JobContext } from '../jobs/context';
import { runUploadedImport, type UploadedImportInput } from '../jobs/uploadedImport';
import { listAwardClasses } from '../db/awardClasses';
import { officeDay } from '../honors/deadlines';
import { awardImportSpec } from '../honors/importSpec';
import { officePlaces, plaqueImportSpec } from '../plaques/importSpec';

export function importPlaquesJob(ctx: JobContext, input: UploadedImportInput) {
  return runUploadedImport(ctx, plaqueImportSpec({ places: () => officePlaces(ctx.db), today: officeDay(Date.parse(ctx.now())) }), input);
}

export function importAwardsJob(ctx: JobContext, input: UploadedImportInput) {
  return runUploadedImport(ctx, awardImportSpec({ classes: () => listAwardClasses(ctx.db), today: officeDay(Date.parse(ctx.now())) }), input);
}
