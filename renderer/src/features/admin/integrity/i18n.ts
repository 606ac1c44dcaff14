/** Typed texts of the integrity panel (`i18n/integrity.zh.ts`, merged under `integrity.`). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { integrityZh } from '../../../i18n/integrity.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type IntegrityKey = Leaves<typeof integrityZh>;

export function useIntegrityT(): (key: IntegrityKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((key: IntegrityKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`integrity.${key}`, options), [t]);
}
