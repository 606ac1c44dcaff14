/** Typed texts of the plaques and people screens (`i18n/plaques.zh.ts`, merged under `plaquesUi.`). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { plaquesZh } from '../../i18n/plaques.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type PlaquesKey = Leaves<typeof plaquesZh>;
export type PlaquesT = (key: PlaquesKey, options?: Record<string, unknown>) => string;

export function usePlaquesT(): PlaquesT {
  const { t } = useTranslation();
  return useCallback((key: PlaquesKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`plaquesUi.${key}`, options), [t]);
}
