/**
 * Typed texts of the honors screens (`i18n/honors.zh.ts`, merged under `honors.`): `useHonorsT()`
 * checks keys against the Chinese file, like `useMartyrsT()` for the roll.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { honorsZh } from '../../i18n/honors.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | readonly string[] ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type HonorsKey = Leaves<typeof honorsZh>;
export type HonorsT = (key: HonorsKey, options?: Record<string, unknown>) => string;

export function useHonorsT(): HonorsT {
  const { t } = useTranslation();
  return useCallback((key: HonorsKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`honors.${key}`, options), [t]);
}
