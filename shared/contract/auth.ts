import { z } from 'zod';
import { method } from './method';
import { roleSchema } from './roles';
import { displayNameSchema, empty, idSchema, isoTimestamp, ok, passwordSchema, usernameSchema } from './common';

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: isoTimestamp,
  lastLoginAt: isoTimestamp.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const sessionStateSchema = z.object({
  user: userSchema.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** First start, sign-in, sign-out and the idle lock. */
export const authMethods = {
  'setup.status': method({
    summary: 'Whether the first administrator still has to be created (first start).',
    access: 'public',
    input: empty,
    output: z.object({ needsAdmin: z.boolean(), divisionsLoaded: z.number().int() }),
  }),
  'setup.createAdmin': method({
    summary: 'First start only: create the administrator account and sign in as it.',
    access: 'public',
    input: z.strictObject({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }),
    output: sessionStateSchema,
  }),
  'auth.login': method({
    summary: 'Sign in on this session.',
    access: 'public',
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: passwordSchema }),
    output: sessionStateSchema,
  }),
  'auth.logout': method({
    summary: 'Sign out of this session.',
    access: 'public',
    input: empty,
    output: ok,
  }),
  'auth.session': method({
    summary: 'Who is signed in on this session, and whether it is locked.',
    access: 'public',
    input: empty,
    output: sessionStateSchema,
  }),
  'auth.heartbeat': method({
    summary: 'The person is active at the keyboard or mouse: postpone the idle lock.',
    access: 'signedIn',
    input: empty,
    output: sessionStateSchema,
  }),
  'auth.lock': method({
    summary: 'Lock this session now (the person leaves the desk).',
    access: 'signedIn',
    input: empty,
    output: sessionStateSchema,
  }),
  'auth.unlock': method({
    summary: 'Unlock a locked session with the signed-in user’s password.',
    access: 'public',
    input: z.strictObject({ password: passwordSchema }),
    output: sessionStateSchema,
  }),
  'auth.changePassword': method({
    summary: 'Change one’s own password.',
    access: 'signedIn',
    input: z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema }),
    output: ok,
  }),
};
