import { z } from 'zod';
import { method } from './method';
import { editors } from './roles';
import { idSchema } from './common';
import { divisionCodeSchema } from './divisions';
import { plaqueCategories } from '../rules/plaque';
import { ledgerQuerySchema } from './plaques';
import { printerProfileNameSchema } from './documents';

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

/** The lists that print as "any list", and the columns each offers (titles in the backend). */
export const listColumns = {
  plaques: ['headName', 'division', 'address', 'plaqueNumber', 'category', 'qualifying', 'status', 'hungDate', 'hungPlace'],
} as const;
export const listNames = ['plaques'] as const;
export type ListName = (typeof listNames)[number];

/** The list's filter as its screen holds it (the same schema as the screen's query), and the chosen columns in order. */
export const listPrintSchema = z.discriminatedUnion('list', [
  z.strictObject({
    list: z.literal('plaques'),
    filter: ledgerQuerySchema.omit({ limit: true, after: true }),
    columns: z.array(z.enum(listColumns.plaques)).min(1).max(listColumns.plaques.length).refine((c) => new Set(c).size === c.length, 'a column is chosen twice'),
  }),
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
    input: z.strictObject({
      householdId: idSchema,
      /** A printer profile of the slip template (settings.printerProfiles.slip); null: as designed. */
      profile: printerProfileNameSchema.nullable().default(null),
      /** 套打 on pre-printed slips: the filled-in values only, no frames or fixed text. */
      fieldsOnly: z.boolean().default(false),
    }),
    output: started,
  }),
  'documents.printList': method({
    summary: 'Print the current filtered list of a page (the plaque ledger) with the chosen columns, personal data of the living masked by role, marked 内部资料 (a job).',
    access: editors,
    input: listPrintSchema,
    output: started,
  }),
};
