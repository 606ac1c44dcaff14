/** What the 数据加密 panel and the unlock screen are told, and the key file's last step. */
import type { EncryptionStatus, Job } from '../../../shared/contract';
import { readKeyFile, writeKeyFile } from '../crypto/keyFile';

export const SEAL_JOB = 'encryption.seal';

/** The status from the key file; `unlocked`: the core is open with the key; `showUnlockers`: an administrator asks. */
export function encryptionStatus(dataDir: string, options: { unlocked: boolean; portable: boolean; showUnlockers: boolean; sealJob?: Job | null }): EncryptionStatus {
  const file = readKeyFile(dataDir);
  const base = { portable: options.portable, unlockers: [] as EncryptionStatus['unlockers'], sealJob: null };
  if (file === null && !options.unlocked) return { ...base, state: 'plain', keyId: null, keyFileDamaged: false, createdAt: null, createdBy: null };
  if (file === null || file === 'damaged') {
    return { ...base, state: options.unlocked ? 'encrypted' : 'locked', keyId: null, keyFileDamaged: true, createdAt: null, createdBy: null };
  }
  // Who set it up is for administrators; before sign-in (the unlock screen) only that it is encrypted.
  const common = { ...base, keyId: file.keyId, keyFileDamaged: false, createdAt: file.createdAt, createdBy: options.showUnlockers ? file.createdBy : null };
  if (!options.unlocked) return { ...common, state: 'locked' };
  return {
    ...common,
    state: file.state,
    unlockers: options.showUnlockers ? file.passwords.map((w) => ({ username: w.username, addedAt: w.addedAt })) : [],
    sealJob: file.state === 'encrypting' || options.sealJob?.status === 'running' ? (options.sealJob ?? null) : null,
  };
}

/** The sealing job has sealed every file: the key file says 'encrypted' from now on. */
export function markEncrypted(dataDir: string): void {
  const file = readKeyFile(dataDir);
  if (file && file !== 'damaged' && file.state !== 'encrypted') writeKeyFile(dataDir, { ...file, state: 'encrypted' });
}
