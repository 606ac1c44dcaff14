import { z } from 'zod';
import { method } from './method';
import { editors } from './roles';
import { idSchema } from './common';
import { divisionCodeSchema } from './divisions';
import { plaqueCategories } from '../rules/plaque';
import { ledgerQuerySchema } from './plaques';
import { martyrSearchSchema } from './martyrs';
import { awardListInputSchema, letterListInputSchema } from './honors';
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
  /** The roll (martyrs.search). */
  martyrs: ['name', 'gender', 'birth', 'death', 'nativePlace', 'unitAndPost', 'deathPlace', 'period', 'burialPlace', 'certificateNo', 'status'],
  /** The award register (awards.list). */
  awards: ['recipient', 'className', 'authority', 'orderNo', 'awardDate', 'soldierUnit', 'letterStatus'],
  /** The good-news letters (letters.list); the family's address and phone masked by role, as on screen. */
  letters: ['recipient', 'className', 'family', 'relation', 'address', 'phone', 'receivedOn', 'dueOn', 'deadline', 'status', 'deliverers', 'deliveredOn'],
} as const;
export const listNames = ['plaques', 'martyrs', 'awards', 'letters'] as const;
export type ListName = (typeof listNames)[number];
export type ListColumnName<L extends ListName> = (typeof listColumns)[L][number];

/** At most this many rows one printed list holds (the filter narrows a longer list). */
export const LIST_PRINT_ROWS_MAX = 10_000;

const chosenColumns = <C extends readonly [string, ...string[]]>(columns: C) =>
  z.array(z.enum(columns)).min(1).max(columns.length).refine((c) => new Set(c).size === c.length, 'a column is chosen twice');

/**
 * The list's filter as its screen holds it (the list method's own input schema without its page:
 * the PDF is the whole filtered list on screen), and the chosen columns in order.
 */
export const listPrintSchema = z.discriminatedUnion('list', [
  z.strictObject({ list: z.literal('plaques'), filter: ledgerQuerySchema.omit({ limit: true, after: true }), columns: chosenColumns(listColumns.plaques) }),
  z.strictObject({ list: z.literal('martyrs'), filter: martyrSearchSchema.omit({ limit: true, after: true }), columns: chosenColumns(listColumns.martyrs) }),
  z.strictObject({ list: z.literal('awards'), filter: awardListInputSchema.omit({ limit: true, after: true }), columns: chosenColumns(listColumns.awards) }),
  z.strictObject({ list: z.literal('letters'), filter: letterListInputSchema.omit({ limit: true, after: true }), columns: chosenColumns(listColumns.letters) }),
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
  'documents.printRecordSheets': method({
    summary: 'Print the martyr record sheets (烈士登记表) of the chosen records, one sheet each with its scan’s thumbnail, as one registered PDF, and on request one PDF per record in a ZIP (a job).',
    access: editors,
    input: z.strictObject({
      martyrIds: z.array(idSchema).min(1).max(RECORD_SHEETS_MAX).refine((ids) => new Set(ids).size === ids.length, 'a record is listed twice'),
      /** single: one PDF; perRecord: also one PDF per record, in a ZIP beside it (to file each with its paper folder). */
      output: z.enum(['single', 'perRecord']).default('single'),
    }),
    output: started,
  }),
  'documents.printList': method({
    summary: 'Print the current filtered list of a page (the plaque ledger, the roll, the award register, the letters), all its rows, with the chosen columns, personal data of the living masked by role, marked 内部资料 (a job).',
    access: editors,
    input: listPrintSchema,
    output: started,
  }),
};
