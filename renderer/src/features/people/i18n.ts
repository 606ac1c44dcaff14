/** Typed texts of person and household editing (`i18n/people.zh.ts`, merged under `peopleUi.`). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { peopleZh } from '../../i18n/people.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type PeopleKey = Leaves<typeof peopleZh>;

export function usePeopleT(): (key: PeopleKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((key: PeopleKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`peopleUi.${key}`, options), [t]);
}
