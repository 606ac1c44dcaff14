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

/** The page that opens a record, where the application has one. */
export function recordPath(kind: string, id: number): string | null {
  switch (kind) {
    case 'martyr':
      return `/martyrs/${id}`;
    case 'award':
      return `/honors/awards/${id}`;
    case 'letter':
      return `/honors/letters/${id}`;
    case 'source':
      return '/martyrs/sources';
    default:
      return null;
  }
}

/** 1,234,567 bytes → "1.2 MB" (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
