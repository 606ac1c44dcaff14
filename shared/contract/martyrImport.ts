import { z } from 'zod';
import { method } from './method';
import { editors } from './roles';
import { idSchema } from './common';
import { localizedTextSchema } from './errors';
import { uploadIdSchema } from './attachments';

/**
 * Importing the spreadsheet everyone already has (JOURNEYS.md §2): upload it (uploads.*),
 * preview it with the detected header and mapping, then import as one all-or-nothing job; the
 * rows that fail come back as an xlsx to fix and re-import.
 */
const rowSchema = z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) });
/** Column index (0-based, as a string) → field key. */
export const columnMappingSchema = z.record(z.string().regex(/^\d{1,4}$/), z.string().max(40));

export const importPreviewSchema = z.object({
  sheetNames: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number().int().nullable(),
  header: z.array(z.string()),
  above: z.array(rowSchema),
  rows: z.array(rowSchema),
  mapping: columnMappingSchema,
  mappingSource: z.enum(['saved', 'detected', 'none']),
  columns: z.array(z.object({ key: z.string(), label: localizedTextSchema, required: z.boolean() })),
  missingRequired: z.array(z.string()),
  skipped: z.object({ blankRows: z.number().int(), totalRows: z.array(z.number().int()), headerRows: z.array(z.number().int()) }),
  truncated: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const sheetSchema = z.union([z.string().max(100), z.number().int().min(0).max(1000)]);

/** What every import kind's preview method takes. */
export const importPreviewInputSchema = z.strictObject({ uploadId: uploadIdSchema, sheet: sheetSchema.optional(), headerRow: z.number().int().min(0).max(1000).optional() });
/** What every import kind's import method takes (a kind may extend it). */
export const importStartInputSchema = importPreviewInputSchema.extend({ mapping: columnMappingSchema });
export const importStartedSchema = z.object({ jobId: idSchema });

export const martyrImportMethods = {
  'martyrs.importPreview': method({
    summary: 'Read an uploaded spreadsheet: sheets, the header found, the suggested or remembered mapping, the first rows.',
    access: editors,
    input: importPreviewInputSchema,
    output: importPreviewSchema,
  }),
  'martyrs.import': method({
    summary: 'Import every row as one job: all rows are checked first; one bad row writes nothing and returns an error workbook.',
    access: editors,
    input: importStartInputSchema.extend({ sourceId: idSchema.nullable().default(null) }),
    output: importStartedSchema,
  }),
  'imports.errorFile': method({
    summary: 'The error workbook of a rejected import (the failed rows with their reasons), to fix and re-import.',
    access: editors,
    input: z.strictObject({ jobId: idSchema }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  }),
};
