import { z } from 'zod';
import { method } from './method';
import { adminOnly } from './roles';
import { empty, isoTimestamp, passwordSchema } from './common';
import { jobSchema } from './jobs';
import { sessionStateSchema } from './auth';

/**
 * Encryption at rest (系统管理 → 数据加密, and the unlock screen before sign-in).
 * - plain: not encrypted; locked: encrypted and not unlocked yet (only status and unlock answer);
 * - encrypting: set up, the files still being sealed (a job; resumed at every unlock);
 * - encrypted: everything under the key.
 */
export const encryptionStates = ['plain', 'locked', 'encrypting', 'encrypted'] as const;

export const encryptionStatusSchema = z.object({
  state: z.enum(encryptionStates),
  /** The data key's id (not secret: it names the key without revealing it). */
  keyId: z.string().nullable(),
  /** The key file exists but cannot be read: only the recovery key opens the data. */
  keyFileDamaged: z.boolean(),
  createdAt: isoTimestamp.nullable(),
  createdBy: z.string().nullable(),
  portable: z.boolean(),
  /** The administrators whose password unlocks the data (to administrators only, once unlocked). */
  unlockers: z.array(z.object({ username: z.string(), addedAt: isoTimestamp })),
  /** The latest file-sealing job (while encrypting), to show its progress or offer 继续加密. */
  sealJob: jobSchema.nullable(),
});
export type EncryptionStatus = z.infer<typeof encryptionStatusSchema>;

/** How the last group of the recovery key is typed back: 4 characters of Crockford's base 32. */
const lastGroupSchema = z.string().trim().min(4).max(8);

export const encryptionMethods = {
  'encryption.status': method({
    summary: 'Whether the data is encrypted, locked, being encrypted; who can unlock it.',
    access: 'public',
    input: empty,
    output: encryptionStatusSchema,
  }),
  'encryption.unlock': method({
    summary: 'Unlock encrypted data at start with an administrator’s password (then signed in) or the recovery key (then the sign-in page).',
    access: 'public',
    input: z.union([
      z.strictObject({ username: z.string().trim().min(1).max(64), password: passwordSchema }),
      z.strictObject({ recoveryKey: z.string().trim().min(1).max(120) }),
    ]),
    output: z.object({ session: sessionStateSchema }),
  }),
  'encryption.prepare': method({
    summary: 'Set-up, step 1: make the recovery key (kept in memory for this session only) and show it once.',
    access: adminOnly,
    input: z.strictObject({ password: passwordSchema }),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'encryption.enable': method({
    summary: 'Set-up, step 2: with the recovery key’s last group typed back, encrypt the database now and seal the files as a job.',
    access: adminOnly,
    input: z.strictObject({ password: passwordSchema, confirmLastGroup: lastGroupSchema }),
    output: jobSchema,
  }),
  'encryption.resume': method({
    summary: 'Go on sealing the files after a cancel (继续加密).',
    access: adminOnly,
    input: empty,
    output: jobSchema,
  }),
};
