/**
 * The job `encryption.seal`: seals every plain file of the data folder with the data key (set-up's
 * second half, and again at every unlock while the key file says 'encrypting'). Cancellable between
 * files: what is sealed stays sealed, and 继续加密 (or the next unlock) seals the rest. When it
 * ends the host marks the key file 'encrypted' (the main thread alone writes that file).
 */
import { CoreError } from '../errors';
import type { JobKind } from '../jobs/context';
import { sealDataFolderFiles } from '../crypto/encryptInPlace';

export interface SealJobInput {
  /** Who set the encryption up, and when (from the key file), for the audit row. */
  enabledBy: string;
  enabledAt: string;
}

export const sealFilesJob: JobKind<SealJobInput, { files: number; bytes: number }> = async (ctx, input) => {
  const key = ctx.vault.key;
  if (!key) throw new CoreError('DATA_LOCKED');
  const result = await sealDataFolderFiles(ctx.dataDir, key, {
    onProgress: (done, total, bytes) => ctx.progress(done, total, 'sealing', bytes),
    throwIfCancelled: () => ctx.throwIfCancelled(),
  });
  ctx.write((audit) => audit({ entity: 'encryption', entityId: null, action: 'encrypted', after: { ...input, keyId: key.id, files: result.files, bytes: result.bytes } }));
  return result;
};
