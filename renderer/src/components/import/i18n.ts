/** Typed texts of the shared import screen (`i18n/imports.zh.ts`, merged under `imports.`). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { importsZh } from '../../i18n/imports.zh';

export type ImportsKey = keyof typeof importsZh;
export type ImportsT = (key: ImportsKey, options?: Record<string, unknown>) => string;

export function useImportsT(): ImportsT {
  const { t } = useTranslation();
  return useCallback((key: ImportsKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`imports.${key}`, options), [t]);
}
