import { hash, verify } from '@node-rs/argon2';
import { CoreError } from '../errors';

/**
 * Passwords are hashed with Argon2id (memory-hard; OWASP's parameters: 19 MiB, 2 passes).
 * The PHC string records the parameters, so they can be raised later without breaking old hashes.
 */
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

export const MIN_PASSWORD_LENGTH = 8;

export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new CoreError('WEAK_PASSWORD');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
