/**
 * The key of an encrypted backup, when it is not the installation's own: from a password of the
 * backup's day (its copy of encryption.json holds the administrators' wraps) or from the recovery
 * key of that encryption. Used by the `backup.restore` handler (to verify and stage the backup in
 * the job) and by the core host (to open the restored data afterwards): each derives the key
 * itself from the credentials, so the key never travels in a job's result, an event or the
 * database. Wrong credentials are refused before any job starts.
 */
import { BACKUP_KEY_FILE_ENTRY, type BackupKeyInput } from '../../../shared/contract/backup';
import type { LocalizedText } from '../../../shared/contract/text';
import { dataKeyFromRecoverySecret, parseRecoveryKey, type DataKey } from '../crypto/dataKey';
import { parseKeyFile, unwrapWithPassword, wrapFor } from '../crypto/keyFile';
import { CoreError } from '../errors';
import { ZipReader } from './zip';

export function encryptedWithOtherKey(keyId: string): LocalizedText {
  return {
    zh: `该备份是用另一把数据密钥（${keyId}）加密的。请输入备份当时某位管理员的用户名和解锁密码，或该密钥的恢复密钥，才能恢复。未替换任何数据。`,
    en: `This backup is encrypted with another data key (${keyId}). Give the user name and unlock password of one of its administrators at the time, or that key's recovery key, to restore it. Nothing was replaced.`,
  };
}

const WRONG_PASSWORD: LocalizedText = {
  zh: '用户名或密码不能解开该备份的密钥（须是备份当时的管理员和他当时的解锁密码）。未替换任何数据。',
  en: 'This user name and password do not open the backup’s key (an administrator of the backup’s day, with the password of that day). Nothing was replaced.',
};

function wrongRecoveryKey(keyId: string): LocalizedText {
  return {
    zh: `该恢复密钥不属于这份备份的数据密钥（${keyId}）。请核对后重新输入。未替换任何数据。`,
    en: `This recovery key is not the one of the backup’s data key (${keyId}). Check it and type it again. Nothing was replaced.`,
  };
}

const NO_KEY_FILE: LocalizedText = {
  zh: '该备份中没有可读的密钥文件 encryption.json，只能用恢复密钥打开。未替换任何数据。',
  en: 'This backup holds no readable key file (encryption.json): only its recovery key opens it. Nothing was replaced.',
};

/** The data key of the backup `file`, encrypted under `keyId`, from what the administrator typed. */
export async function backupKeyFrom(file: string, keyId: string, input: BackupKeyInput): Promise<DataKey> {
  if ('recoveryKey' in input) {
    const secret = parseRecoveryKey(input.recoveryKey);
    const key = secret ? dataKeyFromRecoverySecret(secret) : null;
    if (!key || key.id !== keyId) throw new CoreError('VALIDATION', wrongRecoveryKey(keyId));
    return key;
  }
  const zip = ZipReader.open(file);
  let text: string | null;
  try {
    text = zip.entries.has(BACKUP_KEY_FILE_ENTRY) ? zip.readBytes(BACKUP_KEY_FILE_ENTRY).toString('utf8') : null;
  } finally {
    zip.close();
  }
  const keyFile = text === null ? 'damaged' : parseKeyFile(text);
  if (keyFile === 'damaged' || keyFile.keyId !== keyId) throw new CoreError('VALIDATION', NO_KEY_FILE);
  const wrap = wrapFor(keyFile, input.username);
  const key = wrap ? await unwrapWithPassword(keyFile, wrap, input.password) : null;
  if (!key) throw new CoreError('VALIDATION', WRONG_PASSWORD);
  return key;
}

/**
 * The key that opens a backup encrypted under `keyId` (null: a plain backup, no key needed):
 * the installation's own when it is the same, else the one the credentials give.
 */
export async function keyForBackup(file: string, keyId: string | null, installationKey: DataKey | null, input: BackupKeyInput | undefined): Promise<DataKey | null> {
  if (keyId === null) return null;
  if (installationKey && installationKey.id === keyId) return installationKey;
  if (!input) throw new CoreError('DATA_LOCKED', encryptedWithOtherKey(keyId));
  return backupKeyFrom(file, keyId, input);
}
