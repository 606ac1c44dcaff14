import { z } from 'zod';
import { method } from './method';
import { editors } from './roles';
import { idSchema, isoTimestamp } from './common';

/**
 * Documents the office prints (DESIGN.md rule 7): made by the backend as PDF in a job, written
 * under `<dataDir>/documents/`, and entered in the issued-documents register (serial number
 * printed on the paper; a reprint says so on the paper and names the original). The renderer
 * shows them with pdf.js from documents.read (byte ranges), as it shows PDF scans.
 */

/** The fields a letter's wording may use, each as {name}. */
export const LETTER_PLACEHOLDERS = ['addressee', 'relation', 'name', 'unit', 'authority', 'orderNo', 'awardDate', 'class', 'citation', 'place'] as const;

/** The {placeholders} of `wording` that are not LETTER_PLACEHOLDERS. */
export function unknownPlaceholders(wording: string): string[] {
  const known: readonly string[] = LETTER_PLACEHOLDERS;
  return [...wording.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((name) => !known.includes(name));
}

export const letterWordingSchema = z
  .string()
  .max(2000)
  .refine((w) => w.trim() !== '', 'the wording is empty')
  .superRefine((w, ctx) => {
    const unknown = unknownPlaceholders(w);
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `unknown placeholder(s): ${unknown.map((p) => `{${p}}`).join(' ')}; allowed: ${LETTER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}` });
    }
  })
  .refine((w) => w.includes('{name}'), 'the wording must name the awardee: {name}');

export const dateStyles = ['arabic', 'chinese'] as const;

/** Templates printed onto pre-printed forms (套打), each with its printer profiles. */
export const formTemplates = ['letter', 'slip'] as const;
export type FormTemplate = (typeof formTemplates)[number];
export const FORM_OFFSET_MAX_MM = 30;
/** A printer's shift of a pre-printed form, calibrated once: mm right and down, and a scale. */
export const formOffsetSchema = z.strictObject({
  x: z.number().min(-FORM_OFFSET_MAX_MM).max(FORM_OFFSET_MAX_MM),
  y: z.number().min(-FORM_OFFSET_MAX_MM).max(FORM_OFFSET_MAX_MM),
  scale: z.number().min(0.9).max(1.1),
});
/**
 * `__proto__` cannot be a profile name: zod skips such a record key (writing it into a plain object
 * would set its prototype), so a profile of that name was dropped on save without a word. It is
 * refused instead, naming the field.
 */
const RESERVED_PROFILE_NAME = '__proto__';
const reservedProfileName = `打印机配置名称“${RESERVED_PROFILE_NAME}”不能使用，请换一个名称 / the printer profile name “${RESERVED_PROFILE_NAME}” is reserved: choose another name`;
const profileName = z.string().trim().min(1).max(40);
export const printerProfileNameSchema = profileName.refine((name) => name !== RESERVED_PROFILE_NAME, reservedProfileName);
/** One template's profiles; an own key that is, or trims to, `__proto__` is refused, never dropped. */
const profilesRecord = z.record(profileName, formOffsetSchema);
// Typed as the record's input for callers; at run time `value` is whatever came in.
const templateProfilesSchema = z.preprocess((value: z.input<typeof profilesRecord>, ctx) => {
  if ((value as unknown) !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key.trim() === RESERVED_PROFILE_NAME) ctx.addIssue({ code: 'custom', message: reservedProfileName, path: [key], input: value });
    }
  }
  return value;
}, profilesRecord);
/** Per template, per printer profile name (办公室激光打印机): the offset to print with. */
export const printerProfilesSchema = z.strictObject({
  letter: templateProfilesSchema,
  slip: templateProfilesSchema,
});
export type PrinterProfiles = z.infer<typeof printerProfilesSchema>;

export const documentKinds = ['letters', 'roll', 'calibration', 'plaqueLedger', 'issuanceSlip', 'recordSheets', 'list'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** How many awards one print job takes. */
export const LETTERS_PER_JOB_MAX = 5000;
/** Largest range of documents.read (4 MiB, as attachments.original). */
export const DOCUMENT_CHUNK_MAX = 4 * 1024 * 1024;

export const issuedDocumentSchema = z.object({
  id: idSchema,
  /** Printed on the document: XB2026-000001 (letters: each letter adds -001, -002 …). */
  serial: z.string(),
  kind: z.enum(documentKinds),
  title: z.string(),
  /** How many records it prints (letters: one per award). */
  records: z.number().int(),
  /** The recipients' names, the first few (for the register's list). */
  names: z.string(),
  pages: z.number().int(),
  size: z.number().int(),
  sha256: z.string(),
  fileName: z.string(),
  reprintOf: z.object({ id: idSchema, serial: z.string() }).nullable(),
  /** Batch output as one file per record as well: a ZIP of one PDF per record, beside the whole. */
  perRecord: z.object({ fileName: z.string(), size: z.number().int(), sha256: z.string(), files: z.number().int() }).nullable(),
  createdAt: isoTimestamp,
  createdBy: z.string(),
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

export const documentCursorSchema = z.strictObject({ id: idSchema });

/** What a documents.letters job answers (jobs.get → result). */
export const lettersJobResultSchema = z.object({ documentId: idSchema, serial: z.string(), pages: z.number().int(), letters: z.number().int() });
export type LettersJobResult = z.infer<typeof lettersJobResultSchema>;

/** The roll of honour (烈士英名录): how its sections are cut and its names ordered. */
export const rollSelectionSchema = z.strictObject({
  /** One section per historical period, or per native-place division. */
  sectionBy: z.enum(['period', 'division']).default('period'),
  /** With sectionBy 'division': sections by county or by township (乡镇). */
  divisionLevel: z.enum(['county', 'township']).default('township'),
  /** Only verified records unless the user chooses otherwise (DESIGN.md §2.1). */
  includeUnverified: z.boolean().default(false),
});
export type RollSelectionInput = z.infer<typeof rollSelectionSchema>;

export const ROLL_PREFACE_MAX = 20000;
export const rollOptionsSchema = rollSelectionSchema.extend({
  title: z.string().trim().min(1).max(60),
  /** 姓氏笔画 (a one-character given name sorts first) or 姓名笔画. */
  convention: z.enum(['surname', 'fullName']).default('surname'),
  /** Stored in the settings as the roll's preface when it changed; '' prints none. */
  preface: z.string().max(ROLL_PREFACE_MAX).default(''),
  /** Sections (their keys from documents.rollSections) printed as a name grid rather than entries. */
  gridSections: z.array(z.string().min(1).max(12)).max(200).default([]),
});
export type RollOptions = z.infer<typeof rollOptionsSchema>;

export const rollSectionSchema = z.object({ key: z.string(), title: z.string(), count: z.number().int() });
export const rollJobResultSchema = z.object({ documentId: idSchema, serial: z.string(), pages: z.number().int(), records: z.number().int(), sections: z.number().int() });
export type RollJobResult = z.infer<typeof rollJobResultSchema>;

export const documentMethods = {
  'documents.rollSections': method({
    summary: 'The sections the roll of honour would print (period or division), with how many records each holds.',
    access: 'signedIn',
    input: rollSelectionSchema,
    output: z.array(rollSectionSchema),
  }),
  'documents.printRoll': method({
    summary: 'Print the roll of honour (烈士英名录) as one registered PDF, as a job: cover, preface, contents, sections in stroke order.',
    access: editors,
    input: rollOptionsSchema,
    output: z.object({ jobId: idSchema }),
  }),
  'documents.printLetters': method({
    summary: 'Print the good-news letters of the chosen awards (their live letters) into one PDF, as a job; registered with a serial number.',
    access: editors,
    input: z.strictObject({
      awardIds: z.array(idSchema).min(1).max(LETTERS_PER_JOB_MAX).refine((ids) => new Set(ids).size === ids.length, 'an award is listed twice'),
      /** A printer profile of the letter template (settings.printerProfiles.letter); null: as designed. */
      profile: printerProfileNameSchema.nullable().default(null),
      /** 套打: only the filled-in fields, onto pre-printed letter paper. */
      fieldsOnly: z.boolean().default(false),
      /** single: one PDF; perRecord: also one PDF per letter, packed in a ZIP (to file or send per family). */
      output: z.enum(['single', 'perRecord']).default('single'),
    }),
    output: z.object({ jobId: idSchema }),
  }),
  'documents.printCalibration': method({
    summary: 'Print the 套打 calibration page (millimetre grid, crosshairs) through a printer profile of a template, as a registered document.',
    access: editors,
    input: z.strictObject({ template: z.enum(formTemplates), profile: printerProfileNameSchema.nullable().default(null) }),
    output: z.object({ jobId: idSchema }),
  }),
  'documents.reprint': method({
    summary: 'Print a registered document again from the present data: a new serial, marked on the paper as a reprint of the original.',
    access: editors,
    input: z.strictObject({ id: idSchema }),
    output: z.object({ jobId: idSchema }),
  }),
  'documents.list': method({
    summary: 'The issued-documents register, newest first, a page at a time by keyset.',
    access: 'signedIn',
    input: z.strictObject({
      kind: z.enum(documentKinds).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      after: documentCursorSchema.optional(),
    }),
    output: z.object({ rows: z.array(issuedDocumentSchema), count: z.number().int(), next: documentCursorSchema.nullable() }),
  }),
  'documents.get': method({
    summary: 'One registered document.',
    access: 'signedIn',
    input: z.strictObject({ id: idSchema }),
    output: issuedDocumentSchema,
  }),
  'documents.read': method({
    summary: 'The PDF’s bytes (or its per-record ZIP’s), in ranges of up to 4 MiB (preview with pdf.js, save).',
    access: 'signedIn',
    input: z.strictObject({
      id: idSchema,
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
      length: z.number().int().min(1).max(DOCUMENT_CHUNK_MAX).default(DOCUMENT_CHUNK_MAX),
      /** pdf: the document; perRecord: its ZIP of one PDF per record (when it was printed so). */
      part: z.enum(['pdf', 'perRecord']).default('pdf'),
    }),
    output: z.object({ size: z.number().int(), offset: z.number().int(), length: z.number().int(), dataBase64: z.string(), sha256: z.string(), fileName: z.string() }),
  }),
};
