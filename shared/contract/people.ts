import { z } from 'zod';
import { method } from './method';
import { editors } from './roles';
import { idSchema, isoTimestamp } from './common';
import { divisionCodeSchema } from './divisions';
import { relations } from './martyrs';

/**
 * People (DESIGN.md §2.4): one person table for martyrs, awardees, qualifying persons and family
 * members, with relations. ID numbers are checked (GB 11643, shared/rules/idNumber); ID numbers,
 * phones and detailed addresses of living people come back masked unless the caller's role may
 * see them (shared/rules/privacy: admin and reviewer whole; clerk and read-only masked).
 */
const text = (max: number) => z.string().trim().max(max);
export const genders = ['male', 'female', 'unknown'] as const;
export type PersonRelation = (typeof relations)[number];

export const personFieldsSchema = z.strictObject({
  name: text(50).min(1),
  gender: z.enum(genders).default('unknown'),
  ethnicity: text(20).default(''),
  /** 18 or 15 digits; '' = none. Checked by shared/rules/idNumber. */
  idNumber: text(30).default(''),
  /** ISO date, or '' when unknown (for a partial date of a martyr, see martyrs). */
  birthDate: z.union([z.iso.date(), z.literal('')]).default(''),
  phone: text(30).default(''),
  /** The address as written: street, house number… */
  addressText: text(200).default(''),
  /** Its division, down to the village. */
  addressCode: divisionCodeSchema.nullable().default(null),
  deceased: z.boolean().default(false),
  deathDate: z.union([z.iso.date(), z.literal('')]).default(''),
  remarks: text(1000).default(''),
});
export type PersonFieldsInput = z.input<typeof personFieldsSchema>;

type Shape = typeof personFieldsSchema.shape;
type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
/** Only the keys sent are changed (an untouched masked ID number stays as stored). */
export const personPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(personFieldsSchema.shape).map(([k, f]) => [k, (f instanceof z.ZodDefault ? f.removeDefault() : f).optional()])) as {
    [K in keyof Shape]: z.ZodOptional<Undefaulted<Shape[K]>>;
  },
);

export const personSchema = z.object({
  id: idSchema,
  name: z.string(),
  gender: z.enum(genders),
  ethnicity: z.string(),
  /** Masked (e.g. 370***********1234) unless the role may see it. */
  idNumber: z.string(),
  birthDate: z.string(),
  phone: z.string(),
  addressText: z.string(),
  addressCode: z.string().nullable(),
  addressDivision: z.string().nullable(),
  deceased: z.boolean(),
  deathDate: z.string(),
  remarks: z.string(),
  /** A martyr of the roll (always deceased). */
  martyrId: idSchema.nullable(),
  /** The ID number, phone and address are shown masked. */
  masked: z.boolean(),
  householdId: idSchema.nullable(),
  relations: z.array(z.object({ personId: idSchema, name: z.string(), relation: z.enum(relations), note: z.string(), direction: z.enum(['to', 'from']) })),
  updatedAt: isoTimestamp,
});
export type Person = z.infer<typeof personSchema>;

export const personRowSchema = personSchema.pick({ id: true, name: true, gender: true, idNumber: true, birthDate: true, addressDivision: true, deceased: true, martyrId: true, householdId: true, masked: true });
export type PersonRow = z.infer<typeof personRowSchema>;

export const peopleMethods = {
  'people.search': method({
    summary: 'People by any part of the name or an ID number (living people’s numbers only as the role allows).',
    access: 'signedIn',
    input: z.strictObject({ query: text(40).default(''), limit: z.number().int().min(1).max(200).default(50), afterId: idSchema.optional() }),
    output: z.object({ rows: z.array(personRowSchema), nextAfterId: idSchema.nullable() }),
  }),
  'people.get': method({ summary: 'One person with relations and household.', access: 'signedIn', input: z.strictObject({ id: idSchema }), output: personSchema }),
  'people.create': method({ summary: 'Register a person (a qualifying person, a family member…).', access: editors, input: personFieldsSchema, output: personSchema }),
  'people.update': method({ summary: 'Correct a person: only the fields sent change.', access: editors, input: z.strictObject({ id: idSchema, fields: personPatchSchema }), output: personSchema }),
  'people.relate': method({
    summary: 'Record that `relatedPersonId` is the `relation` (parent, spouse, child, sibling, guardian) of `personId`.',
    access: editors,
    input: z.strictObject({ personId: idSchema, relatedPersonId: idSchema, relation: z.enum(relations), note: text(200).default('') }),
    output: personSchema,
  }),
  'people.unrelate': method({
    summary: 'Remove a relation.',
    access: editors,
    input: z.strictObject({ personId: idSchema, relatedPersonId: idSchema, relation: z.enum(relations) }),
    output: personSchema,
  }),
};
