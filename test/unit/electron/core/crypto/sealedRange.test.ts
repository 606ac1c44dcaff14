/** Byte ranges of sealed files (the viewers' reads): only the chunks of the range are opened, at any offset. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK, seal, unsealFileRange } from '../../../../../electron/core/crypto/sealed';
import { createVault } from '../../../../../electron/core/crypto/vault';
import { dataKeyFromRecoverySecret, newRecoveryKey } from '../../../../../electron/core/crypto/dataKey';

const key = dataKeyFromRecoverySecret(newRecoveryKey().secret);
const dir = mkdtempSync(join(tmpdir(), 'guangrong-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unsealFileRange and vault.readRange', () => {
  it('answer the plain bytes of any range, across chunk boundaries and at the end, sealed or plain', async () => {
    const plain = randomBytes(3 * CHUNK + 1234);
    const sealedPath = join(dir, 'sealed');
    const plainPath = join(dir, 'plain');
    writeFileSync(sealedPath, seal(key, plain));
    writeFileSync(plainPath, plain);
    const vault = createVault(key);
    const ranges: [number, number][] = [[0, 1], [0, CHUNK], [CHUNK - 1, 2], [CHUNK, CHUNK], [10, 3 * CHUNK], [plain.length - 5, 100], [plain.length, 10], [plain.length + 10, 10]];
    for (let i = 0; i < 20; i++) ranges.push([Math.floor(Math.random() * plain.length), 1 + Math.floor(Math.random() * 2 * CHUNK)]);
    for (const [offset, length] of ranges) {
      const expected = plain.subarray(offset, offset + length);
      expect((await unsealFileRange(key, sealedPath, offset, length)).equals(expected), `${offset}+${length}`).toBe(true);
      expect((await vault.readRange(sealedPath, offset, length)).equals(expected)).toBe(true);
      expect((await vault.readRange(plainPath, offset, length)).equals(expected)).toBe(true);
    }
  });

  it('refuses an altered chunk, the end of a file cut short and another key', async () => {
    const plain = randomBytes(2 * CHUNK + 10);
    const sealed = seal(key, plain);
    const altered = Buffer.from(sealed);
    altered[altered.length - 10]! ^= 1; // in the last chunk (10 bytes + its 16-byte tag)
    writeFileSync(join(dir, 'altered'), altered);
    writeFileSync(join(dir, 'cut'), sealed.subarray(0, sealed.length - 7));
    writeFileSync(join(dir, 'foreign'), seal(dataKeyFromRecoverySecret(newRecoveryKey().secret), plain));
    // The first chunk of the altered file still opens: only the chunks read are checked.
    expect((await unsealFileRange(key, join(dir, 'altered'), 0, 100)).equals(plain.subarray(0, 100))).toBe(true);
    await expect(unsealFileRange(key, join(dir, 'altered'), plain.length - 5, 5)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    // Cut short: found where the end is read (the integrity check reads every file whole).
    await expect(unsealFileRange(key, join(dir, 'cut'), plain.length - 9, 5)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    await expect(unsealFileRange(key, join(dir, 'foreign'), 0, 10)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    await expect(createVault(null).readRange(join(dir, 'foreign'), 0, 10)).rejects.toMatchObject({ code: 'DATA_LOCKED' });
  });
});
