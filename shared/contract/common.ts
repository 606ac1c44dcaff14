import { z } from 'zod';

/** Building blocks of the domain contracts. */
export const empty = z.strictObject({});
export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoTimestamp = z.string().max(40);
export const ok = z.object({ ok: z.literal(true) });

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/u, 'letters, digits, _ . - or Chinese characters');
export const passwordSchema = z.string().min(1).max(256);
export const displayNameSchema = z.string().trim().min(1).max(50);

/** A keyset page: `after` is the opaque cursor returned with the previous page. */
export const pageInput = {
  limit: z.number().int().min(1).max(500).default(50),
  after: z.string().max(200).optional(),
};
