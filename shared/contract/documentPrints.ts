import { z } from 'zod';
import { method } from './method';
import { editors } from './roles';
import { idSchema } from './common';
import { divisionCodeSchema } from './divisions';
import { plaqueCategories } from '../rules/plaque';

/**
 * Documents wired to the screens' data (DESIGN.md rule 7), each printed as a job like the letters:
 * the plaque ledger of a township or village, a household's issuance slip, martyr record sheets,
 * and any filtered list with chosen columns. Each job checks the fonts first, reports progress,
 * can be cancelled, and registers its PDF (serial printed on it) with an audit row.
 */

/** The ledger views the printed ledger offers (登记造册: hung and cancelled households alike). */
export const ledgerPrintViews = ['all', 'hung', 'cancelled'] as const;

export const plaqueLedgerPrintSchema = z.strictObject({
  /** A township or village (levels 4–5). */
  divisionCode: divisionCodeSchema,
  view: z.enum(ledgerPrintViews).default('all'),
  category: z.enum(plaqueCategories).optional(),
  query: z.string().trim().max(40).default(''),
});
export type PlaqueLedgerPrint = z.infer<typeof plaqueLedgerPrintSchema>;

/** The lists that print as "any list", and the columns each offers (keys; titles in the backend). */
export const listColumns = {
  martyrs: ['name', 'gender', 'ethnicity', 'birth', 'nativePlace', 'period', 'unitAndPost', 'death', 'deathPlace', 'burialPlace', 'certificateNo', 'status'],
  awards: ['recipient', 'idNumber', 'class', 'authority', 'orderNo', 'awardDate', 'unit', 'letterStatus', 'familyAddress', 'familyPhone'],
  plaques: ['headName', 'division', 'address', 'phone', 'plaqueNumber', 'category', 'qualifying', 'status', 'hungDate', 'hungPlace'],
} as const;
export const listNames = ['martyrs', 'awards', 'plaques'] as const;
export type ListName = (typeof listNames)[number];

/** The list's filter as the screen holds it (validated again by the list's own query schema). */
export const listPrintSchema = z.discriminatedUnion('list', [
  z.strictObject({ list: z.literal('martyrs'), filter: z.record(z.string(), z.unknown()).default({}), columns: z.array(z.enum(listColumns.martyrs)).min(1).max(12) }),
  z.strictObject({ list: z.literal('awards'), filter: z.record(z.string(), z.unknown()).default({}), columns: z.array(z.enum(listColumns.awards)).min(1).max(10) }),
  z.strictObject({ list: z.literal('plaques'), filter: z.record(z.string(), z.unknown()).default({}), columns: z.array(z.enum(listColumns.plaques)).min(1).max(10) }),
]);
export type ListPrint = z.infer<typeof listPrintSchema>;

/** How many records one record-sheet job prints. */
export const RECORD_SHEETS_MAX = 2000;

/** Every print job here answers the register id of its document (as the letters job). */
export const printJobResultSchema = z.object({ documentId: idSchema, serial: z.string(), pages: z.number().int(), records: z.number().int() });
export type PrintJobResult = z.infer<typeof printJobResultSchema>;

const started = z.object({ jobId: idSchema });

export const documentPrintMethods = {
  'documents.printPlaqueLedger': method({
    summary: 'Print the plaque ledger (光荣牌悬挂登记表) of a township or village, with the ledger page’s filter, as a registered PDF (a job).',
    access: editors,
    input: plaqueLedgerPrintSchema,
    output: started,
  }),
  'documents.printIssuanceSlip': method({
    summary: 'Print a household’s plaque issuance slip (光荣牌发放回执) as a registered PDF (a job).',
    access: editors,
    input: z.strictObject({ householdId: idSchema }),
    output: started,
  }),
};
