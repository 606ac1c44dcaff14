/**
 * The key file, `<data folder>/encryption.json`: whether this installation's data is encrypted,
 * with which key (its id only), and the data key wrapped by each administrator's password.
 *
 * A wrap: KEK = Argon2id(password, 16-byte salt, 64 MiB, 3 passes) → AES-256-GCM over the data
 * key, the key id and user id as associated data (a wrap cannot be moved to another user or key).
 * The file holds nothing that opens the data without a password or the recovery key; it is
 * copied into every backup so that a backup opens with the passwords of its day.
 *
 * Its presence is what makes the application start locked. It is written durably (temp file,
 * fsync, rename): a crash leaves the old file or the new one.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { CoreError } from '../errors';
import { writeFileDurably } from '../files/durable';
import type { DataKey } from './dataKey';

export const KEY_FILE = 'encryption.json';

/** Argon2id cost of a password wrap (the sign-in hash is cheaper: it is checked at every sign-in). */
export const WRAP_COST = { memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

const wrapSchema = z.object({
  userId: z.number().int(),
  username: z.string(),
  salt: z.string(),
  memoryCost: z.number().int().positive(),
  timeCost: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  nonce: z.string(),
  wrapped: z.string(),
  addedAt: z.string(),
});

const keyFileSchema = z.object({
  format: z.literal('guangrong-encryption'),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  cipher: z.literal('sqlcipher-4'),
  /** 'encrypting' until every file of the data folder is sealed (set-up resumes after a crash). */
  state: z.enum(['encrypting', 'encrypted']),
  createdAt: z.string(),
  createdBy: z.string(),
  passwords: z.array(wrapSchema),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
export type PasswordWrap = z.infer<typeof wrapSchema>;

export function keyFilePath(dataDir: string): string {
  return join(dataDir, KEY_FILE);
}

export function hasKeyFile(dataDir: string): boolean {
  return existsSync(keyFilePath(dataDir));
}

const UNREADABLE = {
  zh: '加密密钥文件 encryption.json 无法读取或已损坏。可用恢复密钥解锁；解锁后请重新设置管理员的解锁密码。',
  en: 'The key file encryption.json cannot be read or is damaged. Unlock with the recovery key, then set the administrators’ unlock passwords again.',
};

/** Reads the key file: null when there is none, `damaged` when it cannot be parsed (the recovery key still opens the data). */
export function readKeyFile(dataDir: string): KeyFile | null | 'damaged' {
  const path = keyFilePath(dataDir);
  if (!existsSync(path)) return null;
  try {
    const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : 'damaged';
  } catch {
    return 'damaged';
  }
}

/** Parses a key file's text (a backup's copy): the key file, or `damaged`. */
export function parseKeyFile(text: string): KeyFile | 'damaged' {
  try {
    const parsed = keyFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'damaged';
  } catch {
    return 'damaged';
  }
}

export function keyFileUnreadable(): CoreError {
  return new CoreError('FILE_DAMAGED', UNREADABLE);
}

export function writeKeyFile(dataDir: string, file: KeyFile): void {
  writeFileDurably(keyFilePath(dataDir), Buffer.from(JSON.stringify(keyFileSchema.parse(file), null, 2) + '\n', 'utf8'));
}

function associated(keyId: string, userId: number): Buffer {
  return Buffer.from(`guangrong wrap v1|${keyId}|${userId}`, 'utf8');
}

async function kek(password: string, salt: Buffer, cost: { memoryCost: number; timeCost: number; parallelism: number }): Promise<Buffer> {
  // algorithm 2 = Argon2id (the const enum of @node-rs/argon2 is not importable under isolatedModules).
  return hashRaw(password, { ...cost, salt, outputLen: 32, algorithm: 2 });
}

/** Wraps the data key with a user's password. */
export async function wrapWithPassword(key: DataKey, user: { id: number; username: string }, password: string, at: string): Promise<PasswordWrap> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await kek(password, salt, WRAP_COST), nonce);
  cipher.setAAD(associated(key.id, user.id));
  const wrapped = Buffer.concat([cipher.update(key.key), cipher.final(), cipher.getAuthTag()]);
  return {
    userId: user.id,
    username: user.username,
    salt: salt.toString('base64'),
    ...WRAP_COST,
    nonce: nonce.toString('base64'),
    wrapped: wrapped.toString('base64'),
    addedAt: at,
  };
}

/** Opens a wrap with a password: the data key, or null for a wrong password. */
export async function unwrapWithPassword(file: KeyFile, wrap: PasswordWrap, password: string): Promise<DataKey | null> {
  const key = await kek(password, Buffer.from(wrap.salt, 'base64'), wrap);
  const data = Buffer.from(wrap.wrapped, 'base64');
  if (data.length !== 48) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(wrap.nonce, 'base64'));
  decipher.setAAD(associated(file.keyId, wrap.userId));
  decipher.setAuthTag(data.subarray(32));
  try {
    const opened = Buffer.concat([decipher.update(data.subarray(0, 32)), decipher.final()]);
    return { id: file.keyId, key: opened };
  } catch {
    return null;
  }
}

/** The wrap of a user name (as typed at the unlock screen: the same case-insensitive match as sign-in). */
export function wrapFor(file: KeyFile, username: string): PasswordWrap | undefined {
  const wanted = username.trim().toLowerCase();
  return file.passwords.find((w) => w.username.toLowerCase() === wanted);
}
