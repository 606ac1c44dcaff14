import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK, HEADER, isSealed, plainSize, seal, sealedSize, SealWriter, unseal, unsealFileChunks, fileIsSealed } from '../../../../../electron/core/crypto/sealed';
import { dataKeyFromRecoverySecret, newRecoveryKey } from '../../../../../electron/core/crypto/dataKey';
import { createVault } from '../../../../../electron/core/crypto/vault';

const key = dataKeyFromRecoverySecret(newRecoveryKey().secret);
const other = dataKeyFromRecoverySecret(newRecoveryKey().secret);
const dir = mkdtempSync(join(tmpdir(), 'sealed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('sealed files', () => {
  it('round-trips every size around the chunk boundaries, and the sizes are as computed', () => {
    for (const n of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 7]) {
      const plain = randomBytes(n);
      const sealed = seal(key, plain);
      expect(isSealed(sealed)).toBe(true);
      expect(sealed.length).toBe(sealedSize(n));
      expect(plainSize(sealed.length)).toBe(n);
      expect(unseal(key, sealed).equals(plain)).toBe(true);
      // Nothing of the plain text shows through (a run of 16 bytes of it is not in the sealed bytes).
      if (n >= 64) expect(sealed.includes(plain.subarray(20, 36))).toBe(false);
    }
  });

  it('the same bytes seal differently each time (a fresh salt per file)', () => {
    const plain = Buffer.from('烈士英名录'.repeat(100));
    expect(seal(key, plain).equals(seal(key, plain))).toBe(false);
  });

  it('a cut-short, extended, altered, reordered or foreign file is FILE_DAMAGED, never wrong bytes', () => {
    const plain = randomBytes(3 * CHUNK + 100);
    const sealed = seal(key, plain);
    // Cut at a chunk boundary: the remaining last chunk was not sealed as the last one.
    expect(code(() => unseal(key, sealed.subarray(0, HEADER + 2 * (CHUNK + 16))))).toBe('FILE_DAMAGED');
    expect(code(() => unseal(key, sealed.subarray(0, sealed.length - 1)))).toBe('FILE_DAMAGED');
    expect(code(() => unseal(key, Buffer.concat([sealed, Buffer.alloc(1)])))).toBe('FILE_DAMAGED');
    const flipped = Buffer.from(sealed);
    flipped[HEADER + CHUNK + 40]! ^= 1;
    expect(code(() => unseal(key, flipped))).toBe('FILE_DAMAGED');
    const swapped = Buffer.concat([sealed.subarray(0, HEADER), sealed.subarray(HEADER + CHUNK + 16, HEADER + 2 * (CHUNK + 16)), sealed.subarray(HEADER, HEADER + CHUNK + 16), sealed.subarray(HEADER + 2 * (CHUNK + 16))]);
    expect(code(() => unseal(key, swapped))).toBe('FILE_DAMAGED');
    expect(code(() => unseal(other, sealed))).toBe('FILE_DAMAGED');
    const salted = Buffer.from(sealed);
    salted[20]! ^= 1;
    expect(code(() => unseal(key, salted))).toBe('FILE_DAMAGED');
  });

  it('SealWriter, fed in pieces of any size, gives what seal() would open to', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * CHUNK }), { maxLength: 5 }), (sizes) => {
        const pieces = sizes.map((n) => randomBytes(n));
        const out: Buffer[] = [];
        const writer = new SealWriter(key, (b) => out.push(b));
        for (const p of pieces) writer.update(p);
        writer.finish();
        const sealed = Buffer.concat(out);
        expect(sealed.length).toBe(sealedSize(pieces.reduce((s, p) => s + p.length, 0)));
        expect(unseal(key, sealed).equals(Buffer.concat(pieces))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('a sealed file is read back chunk by chunk, and the vault hashes its plain bytes', async () => {
    const plain = randomBytes(5 * CHUNK + 3);
    const path = join(dir, 'scan.sealed');
    writeFileSync(path, seal(key, plain));
    expect(fileIsSealed(path)).toBe(true);
    const parts: Buffer[] = [];
    for await (const c of unsealFileChunks(key, path)) parts.push(c);
    expect(Buffer.concat(parts).equals(plain)).toBe(true);
    const vault = createVault(key);
    expect(await vault.hashFile(path)).toEqual({ sha256: createHash('sha256').update(plain).digest('hex'), size: plain.length });
    expect((await vault.readFile(path)).equals(plain)).toBe(true);
  });

  it('the vault reads plain files as they are (files not yet sealed), and a plain vault never reads a sealed one', async () => {
    const plainPath = join(dir, 'plain.bin');
    writeFileSync(plainPath, 'GRSEAL0 but not quite');
    const vault = createVault(key);
    expect((await vault.readFile(plainPath)).toString()).toBe('GRSEAL0 but not quite');
    const sealedPath = join(dir, 'x.sealed');
    vault.writeFileDurably(sealedPath, Buffer.from('光荣之家'));
    expect(fileIsSealed(sealedPath)).toBe(true);
    await expect(createVault(null).readFile(sealedPath)).rejects.toMatchObject({ code: 'DATA_LOCKED' });
    const plainVault = createVault(null);
    plainVault.writeFileDurably(plainPath, Buffer.from('明文'));
    expect(fileIsSealed(plainPath)).toBe(false);
  });
});
