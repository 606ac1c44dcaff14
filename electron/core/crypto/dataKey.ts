/**
 * The installation's data key, and the recovery key it comes from.
 *
 * The recovery key is 160 random bits, shown once at set-up as 8 groups of 4 characters
 * (Crockford's base 32: no I, L, O, U, so it is read back without confusion). The data key is
 * derived from it: HKDF-SHA256(recovery secret, "guangrong data key v1"). So the recovery key
 * alone opens the data, even when the key file (encryption.json, holding the password wraps) is
 * lost; the administrators' passwords open it through the key file. Lose both and the data
 * cannot be read by anyone — that is what encryption is for, and set-up says so.
 *
 * The key id (the first 8 bytes of SHA-256 of the data key, hex) names the key in the key file,
 * in every sealed file's header and in backups' manifests, without revealing it.
 */
import { createHash, hkdfSync, randomBytes } from 'node:crypto';

export interface DataKey {
  /** 16 hex characters. */
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_BYTES = 20;

export function keyIdOf(key: Uint8Array): string {
  return createHash('sha256').update(key).digest().subarray(0, 8).toString('hex');
}

export function dataKeyFromRecoverySecret(secret: Uint8Array): DataKey {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'guangrong data key v1', 32));
  return { id: keyIdOf(key), key };
}

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** A new recovery key: its 20 secret bytes, and how it is written for people (XXXX-XXXX-… × 8). */
export function newRecoveryKey(): { secret: Buffer; text: string } {
  const secret = randomBytes(RECOVERY_BYTES);
  const text = encode(secret).match(/.{4}/g)!.join('-');
  return { secret, text };
}

/**
 * Reads a recovery key as typed: case, spaces and dashes do not matter, and the letters people
 * confuse are read as Crockford says (O → 0, I and L → 1). Null when it is not 32 such characters.
 */
export function parseRecoveryKey(typed: string): Buffer | null {
  const clean = typed
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (clean.length !== 32 || ![...clean].every((c) => ALPHABET.includes(c))) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The SQLCipher (v4) pragmas that give a connection the data key, raw (no key derivation on open). */
export function sqlKeyPragmas(key: DataKey): string[] {
  return [`cipher = 'sqlcipher'`, 'legacy = 4', `key = "x'${key.key.toString('hex')}'"`];
}
