import { z } from 'zod';
import { method } from './method';
import { editors, reviewers } from './roles';
import { idSchema, isoTimestamp } from './common';
import { divisionCodeSchema } from './divisions';
import { attachmentSchema } from './attachments';

/**
 * The martyrs' roll (烈士英名录): records keyed from registers, printed rolls and certificates,
 * each with its provenance, moving draft → submitted → verified (or returned with a reason).
 * Dates are sent as the text found in the source (verbatim); the backend parses them.
 */

/** Historical periods (历史时期) as printed rolls divide them. */
export const periods = ['first_civil_war', 'agrarian_revolution', 'anti_japanese', 'liberation', 'korea', 'construction', 'new_era', 'other'] as const;
export const periodSchema = z.enum(periods);
export type Period = z.infer<typeof periodSchema>;
/** What the roll filters by: a period, or 'none', the records whose period is not stated (the dashboard's 未注明时期 bar). */
export const periodFilters = [...periods, 'none'] as const;
export type PeriodFilter = (typeof periodFilters)[number];

export const genders = ['male', 'female', 'unknown'] as const;
export const martyrStatuses = ['draft', 'submitted', 'verified', 'returned'] as const;
export type MartyrStatus = (typeof martyrStatuses)[number];

export const sourceKinds = ['register', 'printed_roll', 'certificate', 'letter', 'other'] as const;
export const relations = ['parent', 'spouse', 'child', 'sibling', 'guardian', 'other'] as const;

const text = (max: number) => z.string().trim().max(max);
/** A date as written in the source: 1947年春, 民国三十六年, 约1938年 … ('' = unknown). */
const verbatimDate = z.string().trim().max(60);

export const partialDateSchema = z.object({
  verbatim: z.string(),
  edtf: z.string().nullable(),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
});
export type PartialDate = z.infer<typeof partialDateSchema>;

export const kinInputSchema = z.strictObject({
  name: text(60).min(1),
  relation: z.enum(relations),
  note: text(200).default(''),
});

/** What a person keys in. Every field but the name may be left empty. */
/**
 * A region of a scanned page: fractions (0–1) of the page as scanned, unrotated, so zoom and
 * rotation on screen never change it; it lies inside the page and is not empty.
 */
export const scanRegionSchema = z
  .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().gt(0).max(1), h: z.number().gt(0).max(1) })
  .refine((r) => r.x + r.w <= 1 + 1e-6 && r.y + r.h <= 1 + 1e-6, { message: 'the region must lie inside the page' });

export const martyrFieldsSchema = z.strictObject({
  name: text(60),
  /** 无名烈士: the name field then holds how the source refers to him or her. */
  unnamed: z.boolean().default(false),
  gender: z.enum(genders).default('unknown'),
  ethnicity: text(20).default(''),
  birthDate: verbatimDate.default(''),
  nativePlaceText: text(200).default(''),
  nativePlaceCode: divisionCodeSchema.nullable().default(null),
  joinedDate: verbatimDate.default(''),
  partyDate: verbatimDate.default(''),
  unitAndPost: text(300).default(''),
  merits: text(2000).default(''),
  deathDate: verbatimDate.default(''),
  deathPlaceText: text(200).default(''),
  deathPlaceCode: divisionCodeSchema.nullable().default(null),
  deathCause: text(500).default(''),
  period: periodSchema.nullable().default(null),
  burialPlace: text(200).default(''),
  cemetery: text(100).default(''),
  approvedBy: text(100).default(''),
  approvedDate: verbatimDate.default(''),
  certificateNo: text(50).default(''),
  deeds: text(20000).default(''),
  remarks: text(2000).default(''),
  sourceId: idSchema.nullable().default(null),
  sourcePage: text(20).default(''),
  sourceItem: text(20).default(''),
  /** The scan the record was keyed from, and optionally the region on the page (fractions 0–1). */
  scanAttachmentId: idSchema.nullable().default(null),
  scanPage: z.number().int().min(1).max(100000).nullable().default(null),
  scanRegion: scanRegionSchema.nullable().default(null),
  nextOfKin: z.array(kinInputSchema).max(20).default([]),
});
type FieldShape = typeof martyrFieldsSchema.shape;
type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * A change to some fields: only the keys sent are changed. (Zod 4's `.partial()` would still fill
 * every absent field with its default, and so blank out the rest of the record.)
 */
export const martyrFieldsPatchSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(martyrFieldsSchema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.removeDefault() : field).optional()]),
  ) as { [K in keyof FieldShape]: z.ZodOptional<Undefaulted<FieldShape[K]>> },
);

export type MartyrFieldsInput = z.input<typeof martyrFieldsSchema>;
export type MartyrFields = z.output<typeof martyrFieldsSchema>;

export const martyrSchema = z.object({
  id: idSchema,
  personId: idSchema,
  version: z.number().int(),
  status: z.enum(martyrStatuses),
  returnReason: z.string().nullable(),
  name: z.string(),
  unnamed: z.boolean(),
  gender: z.enum(genders),
  ethnicity: z.string(),
  birthDate: partialDateSchema,
  nativePlaceText: z.string(),
  nativePlaceCode: z.string().nullable(),
  nativePlaceFullName: z.string().nullable(),
  joinedDate: partialDateSchema,
  partyDate: partialDateSchema,
  unitAndPost: z.string(),
  merits: z.string(),
  deathDate: partialDateSchema,
  deathPlaceText: z.string(),
  deathPlaceCode: z.string().nullable(),
  deathCause: z.string(),
  period: periodSchema.nullable(),
  burialPlace: z.string(),
  cemetery: z.string(),
  approvedBy: z.string(),
  approvedDate: partialDateSchema,
  certificateNo: z.string(),
  deeds: z.string(),
  remarks: z.string(),
  sourceId: idSchema.nullable(),
  sourceTitle: z.string().nullable(),
  sourcePage: z.string(),
  sourceItem: z.string(),
  scanAttachmentId: idSchema.nullable(),
  scanPage: z.number().int().nullable(),
  scanRegion: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).nullable(),
  nextOfKin: z.array(z.object({ personId: idSchema, name: z.string(), relation: z.enum(relations), note: z.string() })),
  pinyin: z.string(),
  initials: z.string(),
  createdAt: isoTimestamp,
  createdBy: z.string(),
  updatedAt: isoTimestamp,
  updatedBy: z.string(),
  deletedAt: isoTimestamp.nullable(),
  deleteReason: z.string().nullable(),
  /** This record was merged into another (it stays in the recycle bin for its provenance and history). */
  mergedInto: idSchema.nullable(),
  /** Records merged into this one: each keeps its own source, page and history. */
  mergedFrom: z.array(z.object({ id: idSchema, name: z.string(), sourceTitle: z.string().nullable(), sourcePage: z.string(), sourceItem: z.string(), mergedAt: isoTimestamp.nullable() })),
});
export type Martyr = z.infer<typeof martyrSchema>;

/** One line of the list: enough to show and to sort, nothing more. */
export const martyrRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  unnamed: z.boolean(),
  gender: z.enum(genders),
  status: z.enum(martyrStatuses),
  birth: z.string(),
  death: z.string(),
  nativePlace: z.string(),
  unitAndPost: z.string(),
  deathPlace: z.string(),
  burialPlace: z.string(),
  period: periodSchema.nullable(),
  certificateNo: z.string(),
  initials: z.string(),
  updatedAt: isoTimestamp,
});
export type MartyrRow = z.infer<typeof martyrRowSchema>;

export const martyrSorts = ['strokeSurname', 'strokeFullName', 'pinyin', 'deathDate', 'entered'] as const;
export type MartyrSort = (typeof martyrSorts)[number];

export const martyrSearchSchema = z.strictObject({
  /** Any part of a name, pinyin or initials, a place, a unit, a certificate number, words of the deeds. */
  query: z.string().trim().max(60).default(''),
  status: z.enum(martyrStatuses).optional(),
  /** A historical period; 'none': records whose period is not stated. */
  period: z.enum(periodFilters).optional(),
  /** Native place or place of death under this division (any level). */
  divisionCode: divisionCodeSchema.optional(),
  /** Death date range, ISO days; a record matches when its possible range overlaps. */
  deathFrom: z.iso.date().optional(),
  deathTo: z.iso.date().optional(),
  sourceId: idSchema.optional(),
  deleted: z.boolean().default(false),
  sort: z.enum(martyrSorts).default('strokeSurname'),
  limit: z.number().int().min(1).max(200).default(50),
  /** The keyset cursor returned with the previous page. */
  after: z.string().max(400).optional(),
});

export const COUNT_CAP = 10_000;

export const historyEntrySchema = z.object({
  id: idSchema,
  /** The record the entry belongs to: this one, or one merged into it. */
  recordId: idSchema,
  version: z.number().int(),
  at: isoTimestamp,
  username: z.string(),
  displayName: z.string(),
  action: z.string(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const sourceSchema = z.object({
  id: idSchema,
  kind: z.enum(sourceKinds),
  title: z.string(),
  description: z.string(),
  recordCount: z.number().int(),
  createdAt: isoTimestamp,
});
export type Source = z.infer<typeof sourceSchema>;

export const duplicateCandidateSchema = z.object({
  row: martyrRowSchema,
  score: z.number(),
  reasons: z.array(z.enum(['sameName', 'samePinyin', 'similarName', 'closeDeath', 'closeBirth', 'samePlace', 'sameCertificate'])),
});

const ids = z.array(idSchema).min(1).max(500);

export const martyrMethods = {
  'sources.list': method({ summary: 'The sources records are keyed from.', access: 'signedIn', input: z.strictObject({}), output: z.array(sourceSchema) }),
  'sources.create': method({
    summary: 'Register a source: a register, a printed roll, a certificate…',
    access: editors,
    input: z.strictObject({ kind: z.enum(sourceKinds), title: text(200).min(1), description: text(2000).default('') }),
    output: sourceSchema,
  }),
  'sources.update': method({
    summary: 'Correct a source’s title or description.',
    access: editors,
    input: z.strictObject({ id: idSchema, kind: z.enum(sourceKinds).optional(), title: text(200).min(1).optional(), description: text(2000).optional() }),
    output: sourceSchema,
  }),
  'sources.scans': method({
    summary: 'A source’s scans in order, each with its pages.',
    access: 'signedIn',
    input: z.strictObject({ sourceId: idSchema }),
    output: z.array(z.object({ position: z.number().int(), label: z.string(), attachment: attachmentSchema })),
  }),
  'sources.attachScans': method({
    summary: 'Add stored scans to the end of a source (a file already there stays where it is).',
    access: editors,
    input: z.strictObject({ sourceId: idSchema, attachmentIds: z.array(idSchema).min(1).max(1000) }),
    output: z.array(z.object({ position: z.number().int(), label: z.string(), attachment: attachmentSchema })),
  }),
  'sources.detachScan': method({
    summary: 'Take a scan off a source (the file stays stored while anything else uses it).',
    access: editors,
    input: z.strictObject({ sourceId: idSchema, attachmentId: idSchema }),
    output: z.object({ removed: z.boolean() }),
  }),
  'martyrs.create': method({ summary: 'Key in a record (draft).', access: editors, input: martyrFieldsSchema, output: martyrSchema }),
  'martyrs.get': method({ summary: 'One record with all its fields.', access: 'signedIn', input: z.strictObject({ id: idSchema }), output: martyrSchema }),
  'martyrs.update': method({
    summary: 'Change a record. A verified or submitted record needs a reason; every change is kept in its history.',
    access: editors,
    input: z.strictObject({ id: idSchema, expectedVersion: z.number().int().min(1), fields: martyrFieldsPatchSchema, reason: text(500).default('') }),
    output: martyrSchema,
  }),
  'martyrs.submit': method({ summary: 'Send drafts or returned records for review.', access: editors, input: z.strictObject({ ids }), output: z.object({ changed: z.number().int() }) }),
  'martyrs.verify': method({ summary: 'A reviewer approves submitted records.', access: reviewers, input: z.strictObject({ ids }), output: z.object({ changed: z.number().int() }) }),
  'martyrs.return': method({
    summary: 'A reviewer returns a submitted record with the reason.',
    access: reviewers,
    input: z.strictObject({ id: idSchema, reason: text(500).min(1) }),
    output: martyrSchema,
  }),
  'martyrs.delete': method({
    summary: 'Move a record to the recycle bin (never destroyed by one click).',
    access: editors,
    input: z.strictObject({ id: idSchema, reason: text(500).min(1) }),
    output: martyrSchema,
  }),
  'martyrs.restore': method({ summary: 'Bring a record back from the recycle bin.', access: editors, input: z.strictObject({ id: idSchema }), output: martyrSchema }),
  'martyrs.merge': method({
    summary: 'Merge two records of the same person: the kept one takes the chosen values, the other keeps its source and history and goes to the recycle bin.',
    access: editors,
    input: z.strictObject({
      keepId: idSchema,
      mergeId: idSchema,
      keepVersion: z.number().int().min(1),
      mergeVersion: z.number().int().min(1),
      /** Values chosen for the kept record (from either side). */
      fields: martyrFieldsPatchSchema,
      reason: text(500).min(1),
    }),
    output: martyrSchema,
  }),
  'martyrs.history': method({ summary: 'Who changed what, when and why, field by field.', access: 'signedIn', input: z.strictObject({ id: idSchema }), output: z.array(historyEntrySchema) }),
  'martyrs.search': method({
    summary: 'One search box and filters; the first page in the list’s order, a count, keyset paging.',
    access: 'signedIn',
    input: martyrSearchSchema,
    output: z.object({ rows: z.array(martyrRowSchema), count: z.number().int(), countCapped: z.boolean(), nextCursor: z.string().nullable() }),
  }),
  'martyrs.seek': method({
    summary: 'Where a position of the list is (its search, filters and order): the cursor from which martyrs.search reads that row on, and how many rows the list holds. Lets the list jump far without fetching the pages between.',
    access: 'signedIn',
    input: martyrSearchSchema.omit({ limit: true, after: true }).extend({
      /** 0 is the first row; past the end means the last one. With a text search, at most COUNT_CAP − 1. */
      position: z.number().int().min(0).max(100_000_000),
    }),
    output: z.object({
      /** The cursor for martyrs.search's `after`; null: from the first row. */
      after: z.string().nullable(),
      /** The position found (the one asked for, or the last row's). */
      position: z.number().int(),
      /** Rows in the list: exact without a text search; with one, capped at COUNT_CAP like the count. */
      total: z.number().int(),
      totalCapped: z.boolean(),
    }),
  }),
  'martyrs.reviewQueue': method({
    summary: 'Submitted records waiting for review, oldest first.',
    access: reviewers,
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50), after: z.string().max(400).optional() }),
    output: z.object({ rows: z.array(martyrRowSchema), count: z.number().int(), countCapped: z.boolean(), nextCursor: z.string().nullable() }),
  }),
  'martyrs.suggest': method({
    summary: 'Values already stored in a field, for autocomplete (units, places, cemeteries).',
    access: 'signedIn',
    input: z.strictObject({ field: z.enum(['unitAndPost', 'nativePlaceText', 'deathPlaceText', 'burialPlace', 'cemetery', 'ethnicity', 'approvedBy', 'deathCause']), prefix: z.string().trim().max(60), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(z.object({ value: z.string(), count: z.number().int() })),
  }),
  'martyrs.export': method({
    summary: 'Write the current selection (the search and filters of the list, in its order) to an xlsx file, as a job.',
    access: 'signedIn',
    input: martyrSearchSchema.omit({ limit: true, after: true }),
    output: z.object({ jobId: idSchema }),
  }),
  'exports.file': method({
    summary: 'The file an export job wrote (audited: an export of records).',
    access: 'signedIn',
    input: z.strictObject({ jobId: idSchema }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  }),
  'martyrs.duplicates': method({
    summary: 'Records that may be the same person, before saving (name by characters and pinyin, dates, place).',
    access: 'signedIn',
    input: z.strictObject({ fields: martyrFieldsPatchSchema, excludeId: idSchema.optional() }),
    output: z.array(duplicateCandidateSchema),
  }),
};
