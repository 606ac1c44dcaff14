import { z } from 'zod';
import { method } from './method';
import { adminOnly, roleSchema } from './roles';
import { displayNameSchema, empty, idSchema, passwordSchema, usernameSchema } from './common';
import { userSchema } from './auth';

/** User accounts, managed by the administrator. */
export const userMethods = {
  'users.list': method({
    summary: 'All user accounts.',
    access: adminOnly,
    input: empty,
    output: z.array(userSchema),
  }),
  'users.create': method({
    summary: 'Create an account; the person must change the password at first sign-in.',
    access: adminOnly,
    input: z.strictObject({ username: usernameSchema, displayName: displayNameSchema, role: roleSchema, password: passwordSchema }),
    output: userSchema,
  }),
  'users.update': method({
    summary: 'Change an account’s name, role or whether it may sign in.',
    access: adminOnly,
    input: z.strictObject({
      id: idSchema,
      displayName: displayNameSchema.optional(),
      role: roleSchema.optional(),
      active: z.boolean().optional(),
    }),
    output: userSchema,
  }),
  'users.resetPassword': method({
    summary: 'Set a new temporary password; the person must change it at next sign-in.',
    access: adminOnly,
    input: z.strictObject({ id: idSchema, password: passwordSchema }),
    output: userSchema,
  }),
};
