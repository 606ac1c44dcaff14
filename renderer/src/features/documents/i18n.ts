/**
 * Typed texts of the documents screens (`i18n/documents.zh.ts`, merged under `documents.`): `useDocumentsT()`
 * checks keys against the Chinese file, like `useMartyrsT()` for the roll.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { documentsZh } from '../../i18n/documents.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | readonly string[] ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type DocumentsKey = Leaves<typeof documentsZh>;
export type DocumentsT = (key: DocumentsKey, options?: Record<string, unknown>) => string;

export function useDocumentsT(): DocumentsT {
  const { t } = useTranslation();
  return useCallback((key: DocumentsKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`documentsUi.${key}`, options), [t]);
}
