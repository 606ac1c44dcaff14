import { z } from 'zod';
import { method } from './method';
import { adminOnly } from './roles';
import { dateStyles, letterWordingSchema, printerProfilesSchema, ROLL_PREFACE_MAX } from './documents';

export const settingsSchema = z.object({
  /** Minutes without keyboard or mouse activity before the session locks. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** The office, printed on documents (e.g. 某某县退役军人事务局). */
  officeName: z.string().max(100),
  /** The county the office serves: its villages are loaded, its pickers start there. */
  homeDivisionCode: z.string().regex(/^\d{12}$/).nullable(),
  /** Plaque numbers (光荣牌编号): {county} (6 digits), {year}, {seq:N}; see shared/rules/plaque. */
  plaqueNumberPattern: z.string().min(1).max(60),
  /** A county's own pattern, by its 6-digit code, where it differs from plaqueNumberPattern. */
  plaqueNumberPatterns: z.record(z.string().regex(/^\d{6}$/), z.string().min(1).max(60)),
  /** Who signs documents (落款): 某某县退役军人事务局; empty: officeName. */
  issuingAuthority: z.string().trim().max(100),
  /** Where the issuing authority is: 山东省惠民县. */
  issuingPlace: z.string().trim().max(100),
  /** Dates on documents: 2026年11月23日 (arabic) or 二〇二六年十一月二十三日 (chinese). */
  dateStyle: z.enum(dateStyles),
  /** The office's good-news letter wording by award class id; a class without one uses the default wording. */
  letterWordings: z.record(z.string().regex(/^\d{1,9}$/), letterWordingSchema),
  /** The roll of honour's preface (前言), as last printed or edited; '' for none. */
  rollPreface: z.string().max(ROLL_PREFACE_MAX),
  /** 套打: per template and printer profile, the offset (|x|, |y| ≤ 30 mm) and scale (0.9–1.1). */
  printerProfiles: printerProfilesSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** The installation: version, data folder, settings. */
export const appMethods = {
  'app.info': method({
    summary: 'Version, schema version and where the data lives.',
    access: 'public',
    input: z.strictObject({}),
    output: z.object({ version: z.string(), schemaVersion: z.number().int(), dataDir: z.string(), portable: z.boolean() }),
  }),
  'settings.get': method({
    summary: 'The office settings.',
    access: 'signedIn',
    input: z.strictObject({}),
    output: settingsSchema,
  }),
  'settings.update': method({
    summary: 'Change office settings.',
    access: adminOnly,
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  }),
};
