import { z } from 'zod';
import { method } from './method';
import { adminOnly, editors, reviewers } from './roles';
import { idSchema, isoTimestamp } from './common';
import { divisionCodeSchema } from './divisions';
import { attachmentSchema } from './attachments';
import { letterActions, letterStatuses } from '../rules/letterState';

/**
 * Honors (荣誉 / 立功受奖) and good-news letters (喜报), DESIGN.md §2.2 and JOURNEYS.md §3.
 * An award goes to a person (the shared person table, found again by resident ID) or to a unit or
 * collective; its good-news letter goes to one family: received → registered → verified →
 * delivered → feedback, due a number of the office's working days after receipt (per class).
 * Days are 'YYYY-MM-DD' in the office's calendar.
 */

/** Open letters due within this many working days are "due soon" on the home page. */
export const DUE_SOON_WORKING_DAYS = 3;

const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date();
const genders = ['male', 'female', 'unknown'] as const;

export const letterStatusSchema = z.enum(letterStatuses);
export const deadlineStates = ['done', 'overdue', 'dueToday', 'dueSoon', 'onTime'] as const;

export const awardClassSchema = z.object({
  id: idSchema,
  /** Built-in classes have a code (second_class …); the office's own have none. */
  code: z.string().nullable(),
  name: z.string(),
  position: z.number().int(),
  /** Working days from receipt of a letter to its delivery. */
  deadlineDays: z.number().int(),
  /** Who must deliver a letter of this class (suggested on each letter). */
  deliverers: z.string(),
  active: z.boolean(),
  awardCount: z.number().int(),
});
export type AwardClass = z.infer<typeof awardClassSchema>;

export const calendarDaySchema = z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const recipientInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    name: text(60).min(1),
    gender: z.enum(genders).default('unknown'),
    /** 18 digits (or an old 15-digit number); '' when unknown. The same number finds the same person. */
    idNumber: text(30).default(''),
  }),
  z.strictObject({
    kind: z.literal('unit'),
    /** 先进单位, 双拥模范城 …: the unit or collective's name. */
    name: text(120).min(1),
    unitType: text(40).default(''),
    divisionCode: divisionCodeSchema.nullable().default(null),
  }),
]);

export const awardFieldsSchema = z.strictObject({
  recipient: recipientInputSchema,
  classId: idSchema,
  /** Awarding authority (批准机关). */
  authority: text(120).default(''),
  /** Order or document number (通令/文号). */
  orderNo: text(80).default(''),
  awardDate: day.nullable().default(null),
  citation: text(4000).default(''),
  /** The soldier's unit and enlistment date (person awards). */
  soldierUnit: text(200).default(''),
  enlistedOn: day.nullable().default(null),
  remarks: text(2000).default(''),
});
export type AwardFieldsInput = z.input<typeof awardFieldsSchema>;

const linkedAttachmentSchema = z.object({ position: z.number().int(), label: z.string(), attachment: attachmentSchema });

export const letterRowSchema = z.object({
  id: idSchema,
  awardId: idSchema,
  status: letterStatusSchema,
  recipientName: z.string(),
  className: z.string(),
  familyName: z.string(),
  /** Masked (山东****) unless the caller's role may see it whole (shared/rules/privacy). */
  familyAddress: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  deliveredOn: z.string().nullable(),
  deadline: z.enum(deadlineStates),
  /** Working days from today to the deadline (negative: overdue by that many). */
  workingDaysLeft: z.number().int(),
});
export type LetterRow = z.infer<typeof letterRowSchema>;

export const awardSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  recipient: z.object({
    kind: z.enum(['person', 'unit']),
    personId: idSchema.nullable(),
    name: z.string(),
    gender: z.enum(genders),
    /** Masked (110***********002X) unless the caller's role may see it whole. */
    idNumber: z.string(),
    unitType: z.string(),
    divisionCode: z.string().nullable(),
    divisionName: z.string().nullable(),
  }),
  classId: idSchema,
  className: z.string(),
  authority: z.string(),
  orderNo: z.string(),
  awardDate: z.string().nullable(),
  citation: z.string(),
  soldierUnit: z.string(),
  enlistedOn: z.string().nullable(),
  remarks: z.string(),
  createdAt: isoTimestamp,
  createdBy: z.string(),
  updatedAt: isoTimestamp,
  updatedBy: z.string(),
  attachments: z.array(linkedAttachmentSchema),
  /** The award's live letter (not cancelled), if one was registered. */
  letter: letterRowSchema.nullable(),
  /** Other awards of the same person. */
  otherAwards: z.number().int(),
});
export type Award = z.infer<typeof awardSchema>;

export const awardRowSchema = z.object({
  id: idSchema,
  recipientKind: z.enum(['person', 'unit']),
  recipientName: z.string(),
  className: z.string(),
  authority: z.string(),
  orderNo: z.string(),
  awardDate: z.string().nullable(),
  soldierUnit: z.string(),
  letterId: idSchema.nullable(),
  letterStatus: letterStatusSchema.nullable(),
});
export type AwardRow = z.infer<typeof awardRowSchema>;

export const letterEventSchema = z.object({
  at: isoTimestamp,
  username: z.string(),
  displayName: z.string(),
  action: z.string(),
  fromStatus: letterStatusSchema.nullable(),
  toStatus: letterStatusSchema,
  reason: z.string().nullable(),
});

export const letterSchema = letterRowSchema.extend({
  version: z.number().int(),
  familyRelation: z.string(),
  familyDivisionCode: z.string().nullable(),
  familyDivisionName: z.string().nullable(),
  /** Masked (138****5678) unless the caller's role may see it whole. */
  familyPhone: z.string(),
  deliverers: z.string(),
  deliveredBy: z.string(),
  deliveredWith: z.string(),
  deliveryNote: z.string(),
  feedbackOn: z.string().nullable(),
  feedback: z.string(),
  returnReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Working days the class gives (at the time the deadline was computed). */
  deadlineDays: z.number().int(),
  award: awardRowSchema,
  photos: z.array(linkedAttachmentSchema),
  events: z.array(letterEventSchema),
  /** What the caller's status allows next (the caller's role is checked when it is done). */
  actions: z.array(z.enum(letterActions)),
});
export type Letter = z.infer<typeof letterSchema>;

export const letterDueFilters = ['all', 'open', 'overdue', 'dueSoon'] as const;

/** At most this many rows a page of the register or the letters; more come by their keyset cursor. */
export const LIST_PAGE_MAX = 200;

/** Where the next page of the award register starts: after this award (its date: null when undated). */
export const awardCursorSchema = z.strictObject({ awardDate: day.nullable(), id: idSchema });
export type AwardCursor = z.infer<typeof awardCursorSchema>;

/** Where the next page of letters starts: after this letter (its deadline if it is still open, else null). */
export const letterCursorSchema = z.strictObject({ dueOn: day.nullable(), receivedOn: day, id: idSchema });
export type LetterCursor = z.infer<typeof letterCursorSchema>;

/** awards.list's search, filters and page (documents.printList reuses it without the page). */
export const awardListInputSchema = z.strictObject({
  query: text(60).default(''),
  classId: idSchema.optional(),
  /** The year of the award date; null: the awards whose date is not known (the dashboard's 日期不详 bar). */
  year: z.number().int().min(1927).max(2100).nullable().optional(),
  limit: z.number().int().min(1).max(LIST_PAGE_MAX).default(50),
  /** The `next` of the previous page; absent: the first page. */
  after: awardCursorSchema.optional(),
});

/** letters.list's filters, search and page (documents.printList reuses it without the page). */
export const letterListInputSchema = z.strictObject({
  status: letterStatusSchema.optional(),
  due: z.enum(letterDueFilters).default('all'),
  query: text(60).default(''),
  limit: z.number().int().min(1).max(LIST_PAGE_MAX).default(50),
  /** The `next` of the previous page; absent: the first page. */
  after: letterCursorSchema.optional(),
});
const byId = z.strictObject({ id: idSchema });
const attachmentIds = z.array(idSchema).max(50);

export const honorMethods = {
  'awardClasses.list': method({ summary: 'Award classes in order, with their deadline days and deliverers.', access: 'signedIn', input: z.strictObject({}), output: z.array(awardClassSchema) }),
  'awardClasses.save': method({
    summary: 'Add a class, or change one’s name, deadline days, deliverers or whether it is offered; open letters’ deadlines follow.',
    access: adminOnly,
    // deliverers and active left out keep a class's stored values (a new class: none, offered).
    input: z.strictObject({ id: idSchema.optional(), name: text(40).min(1), deadlineDays: z.number().int().min(1).max(60), deliverers: text(200).optional(), active: z.boolean().optional() }),
    output: awardClassSchema,
  }),
  'calendar.list': method({ summary: 'The office’s holidays and make-up working days (调休) of a year.', access: 'signedIn', input: z.strictObject({ year: z.number().int().min(2000).max(2100) }), output: z.array(calendarDaySchema) }),
  'calendar.set': method({
    summary: 'Mark days from..to as holidays or make-up working days, or clear them (kind null); open letters’ deadlines follow.',
    access: adminOnly,
    input: z
      .strictObject({ from: day, to: day, kind: z.enum(['holiday', 'workday']).nullable(), name: text(40).default('') })
      .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] })
      .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { message: 'at most two months at a time', path: ['to'] }),
    output: z.object({ changed: z.number().int(), lettersRescheduled: z.number().int() }),
  }),
  'awards.create': method({ summary: 'Register an award (a person found again by resident ID).', access: editors, input: awardFieldsSchema, output: awardSchema }),
  'awards.get': method({ summary: 'One award with its attachments and its letter.', access: 'signedIn', input: byId, output: awardSchema }),
  'awards.update': method({
    summary: 'Correct an award; refused if someone else changed it meanwhile.',
    access: editors,
    input: z.strictObject({ id: idSchema, expectedVersion: z.number().int().min(1), fields: awardFieldsSchema }),
    output: awardSchema,
  }),
  'awards.list': method({
    summary: 'The award register, newest first (undated last), a page at a time by keyset: search by name, order number or unit; filter by class and year (null: awards without a date).',
    access: 'signedIn',
    input: awardListInputSchema,
    /** `count`: all the awards of the search and filter (not just this page); `next`: null on the last page. */
    output: z.object({ rows: z.array(awardRowSchema), count: z.number().int(), next: awardCursorSchema.nullable() }),
  }),
  'awards.attach': method({
    summary: 'Attach stored files (the order, photos) to an award.',
    access: editors,
    input: z.strictObject({ awardId: idSchema, attachmentIds: attachmentIds.min(1), label: text(60).default('') }),
    output: awardSchema,
  }),
  'awards.detach': method({ summary: 'Take a file off an award.', access: editors, input: z.strictObject({ awardId: idSchema, attachmentId: idSchema }), output: awardSchema }),
  'letters.create': method({
    summary: 'A good-news letter received for an award, to one family; refused if the award already has a live letter.',
    access: editors,
    input: z.strictObject({
      awardId: idSchema,
      receivedOn: day,
      familyName: text(60).default(''),
      familyRelation: text(20).default(''),
      familyAddress: text(300).min(1),
      familyDivisionCode: divisionCodeSchema.nullable().default(null),
      familyPhone: text(40).default(''),
      /** Who must deliver; empty takes the class's. */
      deliverers: text(200).default(''),
    }),
    output: letterSchema,
  }),
  'letters.get': method({ summary: 'One letter with its lifecycle, deadline and photos.', access: 'signedIn', input: byId, output: letterSchema }),
  'letters.register': method({ summary: 'Register a received letter (clerk).', access: editors, input: byId, output: letterSchema }),
  'letters.verify': method({ summary: 'A reviewer checks a registered letter against the army’s notice.', access: reviewers, input: byId, output: letterSchema }),
  'letters.return': method({ summary: 'A reviewer sends a registered letter back with the reason.', access: reviewers, input: z.strictObject({ id: idSchema, reason: text(500).min(1) }), output: letterSchema }),
  'letters.deliver': method({
    summary: 'Record the delivery: date, who delivered, with whom, photos.',
    access: editors,
    input: z.strictObject({ id: idSchema, deliveredOn: day, deliveredBy: text(200).min(1), deliveredWith: text(200).default(''), note: text(1000).default(''), photoAttachmentIds: attachmentIds.default([]) }),
    output: letterSchema,
  }),
  'letters.feedback': method({ summary: 'Record the family’s feedback after delivery.', access: editors, input: z.strictObject({ id: idSchema, feedbackOn: day, feedback: text(2000).min(1) }), output: letterSchema }),
  'letters.cancel': method({ summary: 'Cancel a letter keyed in by mistake (not after delivery), with the reason.', access: editors, input: z.strictObject({ id: idSchema, reason: text(500).min(1) }), output: letterSchema }),
  'letters.attachPhotos': method({ summary: 'Add delivery photos to a letter.', access: editors, input: z.strictObject({ id: idSchema, attachmentIds: attachmentIds.min(1) }), output: letterSchema }),
  'letters.list': method({
    summary: 'Letters by status and deadline, the most urgent first, a page at a time by keyset.',
    access: 'signedIn',
    input: letterListInputSchema,
    /** `count`: all the letters of the filter (not just this page); `next`: null on the last page. */
    output: z.object({ rows: z.array(letterRowSchema), count: z.number().int(), next: letterCursorSchema.nullable(), today: z.string() }),
  }),
  'letters.due': method({
    summary: 'For the home page: open letters overdue, and those due within DUE_SOON_WORKING_DAYS working days.',
    access: 'signedIn',
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.object({ today: z.string(), soonDays: z.number().int(), overdue: z.array(letterRowSchema), overdueCount: z.number().int(), dueSoon: z.array(letterRowSchema), dueSoonCount: z.number().int() }),
  }),
};
