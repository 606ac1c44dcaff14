import { z } from 'zod';
import { method } from './method';
import { adminOnly, editors } from './roles';

/** A 12-digit statistical division code (GB/T 2260 + the statistical township/village extension). */
export const divisionCodeSchema = z.string().regex(/^\d{12}$/, '12 digits');

export const divisionLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export const divisionSchema = z.object({
  code: divisionCodeSchema,
  name: z.string(),
  level: divisionLevelSchema,
  parentCode: divisionCodeSchema.nullable(),
  /** 省 市 县 … joined, e.g. 山东省 滨州市 惠民县 */
  fullName: z.string(),
  pinyin: z.string(),
  initials: z.string(),
});
export type Division = z.infer<typeof divisionSchema>;

export const jobStartedSchema = z.object({ jobId: z.number().int().positive() });

/** Administrative divisions: search, browse, and loading townships and villages. */
export const divisionMethods = {
  'divisions.search': method({
    summary: 'Find divisions by name (any part), pinyin, pinyin initials or code prefix.',
    access: 'signedIn',
    input: z.strictObject({
      query: z.string().trim().max(40),
      /** Only under this division (any level). */
      within: divisionCodeSchema.optional(),
      maxLevel: divisionLevelSchema.optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(divisionSchema),
  }),
  'divisions.get': method({
    summary: 'One division with its full name.',
    access: 'signedIn',
    input: z.strictObject({ code: divisionCodeSchema }),
    output: divisionSchema,
  }),
  'divisions.children': method({
    summary: 'The divisions directly under one (or the provinces, without a parent).',
    access: 'signedIn',
    input: z.strictObject({ parentCode: divisionCodeSchema.nullable() }),
    output: z.array(divisionSchema),
  }),
  'divisions.stats': method({
    summary: 'How many divisions of each level are loaded.',
    access: 'signedIn',
    input: z.strictObject({}),
    output: z.object({ byLevel: z.array(z.object({ level: divisionLevelSchema, count: z.number().int() })) }),
  }),
  'divisions.importCsv': method({
    summary: 'Load townships and villages from a CSV of 12-digit statistical codes (a job).',
    access: adminOnly,
    input: z.strictObject({
      fileName: z.string().max(255),
      /** The file's bytes, base64 (UTF-8 or GB18030/GBK, detected). */
      contentBase64: z.string().max(40 * 1024 * 1024),
    }),
    output: jobStartedSchema,
  }),
  'divisions.loadBuiltIn': method({
    summary: 'Load the townships and villages of one county from the shipped national data (a job).',
    access: editors,
    input: z.strictObject({ countyCode: divisionCodeSchema }),
    output: jobStartedSchema,
  }),
};
