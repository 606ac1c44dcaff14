/** Typed texts of the backup screens (`i18n/backup.zh.ts`, merged under `backupUi.`). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { backupZh } from '../../i18n/backup.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | readonly string[] ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type BackupKey = Leaves<typeof backupZh>;

export function useBackupT(): (key: BackupKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((key: BackupKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`backupUi.${key}`, options), [t]);
}

/** 1.2 GB, 340 MB, 12 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
