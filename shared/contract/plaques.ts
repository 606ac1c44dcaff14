import { z } from 'zod';
import { method } from './method';
import { editors, reviewers } from './roles';
import { idSchema, isoTimestamp } from './common';
import { divisionCodeSchema, jobStartedSchema } from './divisions';
import { localizedTextSchema } from './errors';
import { ledgerPlaqueStatuses, plaqueActions, plaqueCategories, plaqueStatuses } from '../rules/plaque';

/**
 * Households (户籍) and their "Glorious Military Family" plaques (光荣牌, DESIGN.md §2.3).
 * A household qualifies through a person of one of five categories (certificate holders on the
 * office's initiative, others on application); it has at most one plaque at a time. The plaque's
 * lifecycle is the state machine of shared/rules/plaque; an illegal step is refused with why.
 */
const text = (max: number) => z.string().trim().max(max);
const isoDay = z.iso.date();

export const householdRelations = ['head', 'spouse', 'parent', 'child', 'sibling', 'guardian', 'other'] as const;
export const qualificationBases = ['certificate', 'application'] as const;
export const replaceReasons = ['moved', 'worn', 'other'] as const;
export const takeBackReasons = ['criminal_sentence', 'public_security_penalty', 'expelled_from_army', 'no_longer_eligible', 'other'] as const;
/**
 * What the ledger lists, by the plaque each household's line shows (the one in use, else its
 * latest): all households, those whose plaque is in one status, those whose plaque is in use but
 * not hung (made, issued or taken back), or those without any plaque.
 */
export const ledgerViews = ['all', 'hung', 'in_use_not_hung', 'cancelled', 'made', 'issued', 'taken_back', 'none'] as const;

export const qualificationSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  category: z.enum(plaqueCategories),
  basis: z.enum(qualificationBases),
  certificateNo: z.string(),
  applicationDate: z.string(),
  applicationNote: z.string(),
  deceased: z.boolean(),
});

export const plaqueSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  number: z.string(),
  status: z.enum(plaqueStatuses),
  category: z.enum(plaqueCategories),
  qualificationId: idSchema,
  qualifyingPersonId: idSchema,
  qualifyingPersonName: z.string(),
  qualifyingPersonDeceased: z.boolean(),
  /** Served on the office's initiative (certificate) or on application. */
  basis: z.enum(qualificationBases),
  madeAt: isoTimestamp,
  issuedDate: z.string().nullable(),
  hungDate: z.string().nullable(),
  hungPlace: z.string(),
  signatureAttachmentId: idSchema.nullable(),
  /** The plaque this one was reissued or replaced for. */
  replacesId: idSchema.nullable(),
  replacedById: idSchema.nullable(),
  lastReason: z.string(),
  version: z.number().int(),
  updatedAt: isoTimestamp,
});
export type Plaque = z.infer<typeof plaqueSchema>;

export const plaqueEventSchema = z.object({
  id: idSchema,
  plaqueId: idSchema,
  plaqueNumber: z.string(),
  action: z.enum(['make', 'sign', ...plaqueActions]),
  fromStatus: z.enum(plaqueStatuses).nullable(),
  toStatus: z.enum(plaqueStatuses),
  date: z.string().nullable(),
  reason: z.string(),
  note: z.string(),
  documentNo: z.string(),
  attachmentId: idSchema.nullable(),
  at: isoTimestamp,
  username: z.string(),
});
export type PlaqueEvent = z.infer<typeof plaqueEventSchema>;

export const householdSchema = z.object({
  id: idSchema,
  registrationNo: z.string(),
  headPersonId: idSchema,
  headName: z.string(),
  /** Masked unless the role may see it (shared/rules/privacy). */
  addressText: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  phone: z.string(),
  remarks: z.string(),
  masked: z.boolean(),
  members: z.array(z.object({ personId: idSchema, name: z.string(), relationToHead: z.enum(householdRelations), idNumber: z.string(), deceased: z.boolean() })),
  qualifications: z.array(qualificationSchema),
  /** Which person and category qualify the household now, or why none does. */
  eligibility: z.union([
    z.object({ eligible: z.literal(true), qualificationId: idSchema, personName: z.string(), category: z.enum(plaqueCategories) }),
    z.object({ eligible: z.literal(false), reason: localizedTextSchema }),
  ]),
  /** The plaque in use (made, issued, hung or taken back), if any. */
  plaque: plaqueSchema.nullable(),
  plaques: z.array(plaqueSchema),
  events: z.array(plaqueEventSchema),
  version: z.number().int(),
  updatedAt: isoTimestamp,
});
export type Household = z.infer<typeof householdSchema>;

export const householdFieldsSchema = z.strictObject({
  registrationNo: text(40).default(''),
  headPersonId: idSchema,
  addressText: text(200).default(''),
  /** Township (level 4) or village (level 5). */
  divisionCode: divisionCodeSchema,
  phone: text(30).default(''),
  remarks: text(1000).default(''),
});

/** One line of the ledger (登记造册): the columns the office has families sign. */
export const ledgerRowSchema = z.object({
  householdId: idSchema,
  headName: z.string(),
  addressText: z.string(),
  divisionCode: z.string(),
  divisionName: z.string(),
  plaqueId: idSchema.nullable(),
  plaqueNumber: z.string().nullable(),
  status: z.enum(plaqueStatuses).nullable(),
  category: z.enum(plaqueCategories).nullable(),
  qualifyingPersonName: z.string().nullable(),
  hungDate: z.string().nullable(),
  hungPlace: z.string(),
  /** The family's signed confirmation is on file (a scan). */
  signed: z.boolean(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const ledgerQuerySchema = z.strictObject({
  /** A county, township or village: households under it. */
  divisionCode: divisionCodeSchema.optional(),
  view: z.enum(ledgerViews).default('all'),
  /** Households whose line's plaque is of this category (a household without a plaque has none). */
  category: z.enum(plaqueCategories).optional(),
  query: text(40).default(''),
  limit: z.number().int().min(1).max(500).default(100),
  /** Keyset: the last row's householdId (rows are ordered by division, then household). */
  after: z.strictObject({ divisionCode: z.string(), householdId: idSchema }).optional(),
});

const count = z.number().int();

/**
 * The households of a division (a township of a county, a village of a township), each once, by
 * the plaque its ledger line shows: hung; in use (made, issued, hung, taken back: hung ones too);
 * cancelled; without any plaque. The dashboard (statistics.plaques) and the plaques page's counts
 * (plaques.counts) both give these, from one query.
 */
export const divisionHouseholdsSchema = z.object({ divisionCode: z.string(), divisionName: z.string(), level: count, households: count, hung: count, inUse: count, cancelled: count, withoutPlaque: count });

const plaqueRef = { id: idSchema, expectedVersion: z.number().int().min(1) };
/**
 * A plaque number typed by hand: full-width letters, digits and dashes (ＨＭ－Ａ１, what a Chinese
 * input method gives) folded to ordinary ones (NFKC), so the duplicate check sees the number as
 * printed; letter case is ignored by the check itself (db/plaques.ts).
 */
const numberOverride = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.string().max(40))
  .optional();

export const batchActions = ['issue', 'hang'] as const;

export const plaqueMethods = {
  'households.create': method({ summary: 'Register a household (户籍) with its head as first member.', access: editors, input: householdFieldsSchema, output: householdSchema }),
  'households.get': method({ summary: 'A household: members, qualifications, which one qualifies it, its plaque and the plaque’s history.', access: 'signedIn', input: z.strictObject({ id: idSchema }), output: householdSchema }),
  'households.update': method({
    summary: 'Correct a household’s registration, address or head.',
    access: editors,
    input: z.strictObject({ id: idSchema, fields: householdFieldsSchema.partial().strict() }),
    output: householdSchema,
  }),
  'households.addMember': method({
    summary: 'Add a person to the household (a person belongs to one household).',
    access: editors,
    input: z.strictObject({ householdId: idSchema, personId: idSchema, relationToHead: z.enum(householdRelations) }),
    output: householdSchema,
  }),
  'households.removeMember': method({ summary: 'Take a person off the household (not the head).', access: editors, input: z.strictObject({ householdId: idSchema, personId: idSchema }), output: householdSchema }),
  'households.addQualification': method({
    summary: 'Record a member as qualifying person of a category: certificate holder, or on application (record it).',
    access: editors,
    input: z
      .strictObject({
        householdId: idSchema,
        personId: idSchema,
        category: z.enum(plaqueCategories),
        basis: z.enum(qualificationBases),
        certificateNo: text(50).default(''),
        applicationDate: z.union([isoDay, z.literal('')]).default(''),
        applicationNote: text(500).default(''),
      })
      .refine((q) => q.basis === 'certificate' || q.applicationDate !== '', { message: 'an application needs its date', path: ['applicationDate'] }),
    output: householdSchema,
  }),
  'households.removeQualification': method({ summary: 'Remove a qualification no plaque was made on.', access: editors, input: z.strictObject({ householdId: idSchema, qualificationId: idSchema }), output: householdSchema }),

  'plaques.make': method({
    summary: 'Make a plaque for an eligible household (one household, one plaque); its number from the county’s pattern unless given.',
    access: editors,
    input: z.strictObject({ householdId: idSchema, qualificationId: idSchema.optional(), number: numberOverride }),
    output: householdSchema,
  }),
  'plaques.issue': method({ summary: 'Hand a made plaque to the family (新发).', access: editors, input: z.strictObject({ ...plaqueRef, date: isoDay }), output: householdSchema }),
  'plaques.hang': method({
    summary: 'Record the plaque hung: date, place on the house, the family’s signed confirmation (a stored scan).',
    access: editors,
    input: z.strictObject({ ...plaqueRef, date: isoDay, place: text(100).min(1), signatureAttachmentId: idSchema.nullable().default(null) }),
    output: householdSchema,
  }),
  'plaques.fileSignature': method({
    summary: 'File the family’s signed confirmation of a plaque hung without one (补录签字确认): the scan, and the day it was signed; no change of status.',
    access: editors,
    input: z.strictObject({ ...plaqueRef, date: isoDay, signatureAttachmentId: idSchema }),
    output: householdSchema,
  }),
  'plaques.reissue': method({
    summary: 'Issue a new plaque for a lost or damaged one (补发); refused once the qualifying person has died.',
    access: editors,
    input: z.strictObject({ ...plaqueRef, date: isoDay, note: text(500).min(1), number: numberOverride }),
    output: householdSchema,
  }),
  'plaques.replace': method({
    summary: 'Replace a hung plaque (更换: moved house, worn out); refused once the qualifying person has died.',
    access: editors,
    input: z.strictObject({ ...plaqueRef, date: isoDay, reason: z.enum(replaceReasons), note: text(500).default(''), number: numberOverride }),
    output: householdSchema,
  }),
  'plaques.takeBack': method({
    summary: 'Take a plaque back (收回) with the reason and the document.',
    access: editors,
    input: z.strictObject({ ...plaqueRef, date: isoDay, reason: z.enum(takeBackReasons), note: text(500).default(''), documentNo: text(100).min(1), documentAttachmentId: idSchema.nullable().default(null) }),
    output: householdSchema,
  }),
  'plaques.cancel': method({ summary: 'Cancel a plaque (取消) with the reason.', access: editors, input: z.strictObject({ ...plaqueRef, date: isoDay, note: text(500).min(1) }), output: householdSchema }),
  'plaques.restore': method({
    summary: 'Restore a taken-back or cancelled plaque (恢复) on an approval; a reviewer or administrator.',
    access: reviewers,
    input: z.strictObject({ ...plaqueRef, date: isoDay, approval: text(200).min(1), note: text(500).default('') }),
    output: householdSchema,
  }),
  'plaques.ledger': method({
    summary: 'The ledger (登记造册) of a township or village: households with their plaque, in division order.',
    access: 'signedIn',
    input: ledgerQuerySchema,
    output: z.object({ rows: z.array(ledgerRowSchema), count: z.number().int(), next: z.object({ divisionCode: z.string(), householdId: idSchema }).nullable() }),
  }),
  'plaques.counts': method({
    summary: 'The plaques page’s counts under a division (none: all): households, each once, by the plaque their ledger line shows — as the dashboard (statistics.plaques) and the ledger count them — by its category, by its status, without a plaque, and by the divisions just below.',
    access: 'signedIn',
    input: z.strictObject({ divisionCode: divisionCodeSchema.optional() }),
    output: z.object({
      households: count,
      /** Households whose line's plaque is of the category, whatever its status. */
      byCategory: z.array(z.object({ category: z.enum(plaqueCategories), count })),
      byStatus: z.array(z.object({ status: z.enum(ledgerPlaqueStatuses), count })),
      /** Households without any plaque (the ledger's view 'none'). */
      withoutPlaque: count,
      byDivision: z.array(divisionHouseholdsSchema),
    }),
  }),
  'plaques.batch': method({
    summary: 'The yearly round: mark every plaque of a village in the given status issued or hung in one step, as a job (all or nothing, cancellable, one audit row per household).',
    access: editors,
    input: z.strictObject({
      divisionCode: divisionCodeSchema,
      action: z.enum(batchActions),
      date: isoDay,
      place: text(100).default('大门上方'),
      /** The signed ledger of the village, scanned. */
      signatureAttachmentId: idSchema.nullable().default(null),
      /** Only these households (else every household of the division whose plaque can take the action). */
      householdIds: z.array(idSchema).max(100_000).optional(),
    }),
    output: jobStartedSchema,
  }),
};

export const plaqueBatchResultSchema = z.object({ changed: z.number().int(), skipped: z.number().int() });
export type PlaqueBatchResult = z.infer<typeof plaqueBatchResultSchema>;
