import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataKeyFromRecoverySecret, newRecoveryKey, parseRecoveryKey } from '../../../../../electron/core/crypto/dataKey';
import { readKeyFile, unwrapWithPassword, wrapFor, wrapWithPassword, writeKeyFile, type KeyFile } from '../../../../../electron/core/crypto/keyFile';

const dir = mkdtempSync(join(tmpdir(), 'keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recovery key', () => {
  it('is 8 groups of 4 unambiguous characters, 160 bits, and reads back however it is typed', () => {
    const { secret, text } = newRecoveryKey();
    expect(secret.length).toBe(20);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)!.equals(secret)).toBe(true);
    expect(parseRecoveryKey(` ${text.toLowerCase().replace(/-/g, ' ')} `)!.equals(secret)).toBe(true);
    expect(parseRecoveryKey(text.replace(/0/g, 'O').replace(/1/g, 'l'))!.equals(secret)).toBe(true);
    expect(parseRecoveryKey(text.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(text.slice(0, -1) + 'U')).toBeNull();
  });

  it('round-trips for any secret, and gives the same data key every time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const secret = Buffer.from(bytes);
        const text = newRecoveryKeyText(secret);
        expect(parseRecoveryKey(text)!.equals(secret)).toBe(true);
        expect(dataKeyFromRecoverySecret(secret)).toEqual(dataKeyFromRecoverySecret(Buffer.from(secret)));
      }),
    );
  });
});

function newRecoveryKeyText(secret: Buffer): string {
  // Same encoding as newRecoveryKey, for a given secret.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let bits = '';
  for (const b of secret) bits += b.toString(2).padStart(8, '0');
  const chars = bits.match(/.{5}/g)!.map((g) => alphabet[parseInt(g, 2)]);
  return chars.join('').match(/.{4}/g)!.join('-');
}

describe('key file and password wraps', () => {
  it('opens with the right password only, for its own user and key', async () => {
    const key = dataKeyFromRecoverySecret(newRecoveryKey().secret);
    const wrap = await wrapWithPassword(key, { id: 1, username: 'Admin' }, '正确的密码 2026', '2026-12-04T00:00:00Z');
    const file: KeyFile = { format: 'guangrong-encryption', version: 1, keyId: key.id, cipher: 'sqlcipher-4', state: 'encrypted', createdAt: 'now', createdBy: 'admin', passwords: [wrap] };
    writeKeyFile(dir, file);
    const read = readKeyFile(dir);
    expect(read).toEqual(file);
    const found = wrapFor(read as KeyFile, ' admin ')!;
    expect((await unwrapWithPassword(file, found, '正确的密码 2026'))!.key.equals(key.key)).toBe(true);
    expect(await unwrapWithPassword(file, found, '正确的密码 2025')).toBeNull();
    // Moved to another user id: the associated data no longer matches.
    expect(await unwrapWithPassword(file, { ...found, userId: 2 }, '正确的密码 2026')).toBeNull();
    expect(JSON.stringify(file)).not.toContain(key.key.toString('hex'));
    expect(JSON.stringify(file)).not.toContain(key.key.toString('base64'));
  });

  it('a damaged key file is reported as such, not as missing', () => {
    const other = mkdtempSync(join(dir, 'k'));
    expect(readKeyFile(other)).toBeNull();
    writeFileSync(join(other, 'encryption.json'), '{"format":"guangrong-encryption",');
    expect(readKeyFile(other)).toBe('damaged');
  });
});
