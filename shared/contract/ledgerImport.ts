import { method } from './method';
import { editors } from './roles';
import { importPreviewInputSchema, importPreviewSchema, importStartInputSchema, importStartedSchema } from './martyrImport';

/**
 * Importing the ledgers offices already keep (JOURNEYS.md §2) the same way as the martyrs' roll:
 * the plaque ledger (光荣牌悬挂登记表 → households, qualifying person, plaque) and the award list
 * (立功受奖名单 → awards and, with a date of receipt, their good-news letters). Upload, preview,
 * one all-or-nothing job; rejected rows come back through imports.errorFile.
 */
export const ledgerImportMethods = {
  'plaques.importPreview': method({
    summary: 'Read an uploaded plaque ledger: sheets, the header found, the suggested or remembered mapping, the first rows.',
    access: editors,
    input: importPreviewInputSchema,
    output: importPreviewSchema,
  }),
  'plaques.import': method({
    summary: 'Import a plaque ledger as one job: households, qualifying persons and plaques; one bad row writes nothing.',
    access: editors,
    input: importStartInputSchema,
    output: importStartedSchema,
  }),
  'awards.importPreview': method({
    summary: 'Read an uploaded award list: sheets, the header found, the suggested or remembered mapping, the first rows.',
    access: editors,
    input: importPreviewInputSchema,
    output: importPreviewSchema,
  }),
  'awards.import': method({
    summary: 'Import an award list as one job: awards (recipients found again by ID number) and letters received; one bad row writes nothing.',
    access: editors,
    input: importStartInputSchema,
    output: importStartedSchema,
  }),
};
