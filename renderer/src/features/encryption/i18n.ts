/** Typed texts of encryption at rest (`i18n/encryption.zh.ts`, merged under `encryption.`). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { encryptionZh } from '../../i18n/encryption.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type EncryptionKey = Leaves<typeof encryptionZh>;

export function useEncryptionT(): (key: EncryptionKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((key: EncryptionKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`encryption.${key}`, options), [t]);
}
