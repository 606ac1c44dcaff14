/**
 * Typed texts of the martyrs' roll screens. They live in `i18n/martyrs.zh.ts` (and `.en.ts`) and are
 * merged into the resources under `martyrs.`; `useMartyrsT()` checks the keys against the Chinese
 * file the way `t()` does for the rest of the application, and the label helpers turn the
 * contract's enums (status, period, gender…) into words.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MartyrStatus, Period } from '../../../../shared/contract';
import { martyrsZh } from '../../i18n/martyrs.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string | readonly string[] ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the martyrs texts, e.g. `list.count` or `status.draft`. */
export type MartyrsKey = Leaves<typeof martyrsZh>;
export type MartyrsT = (key: MartyrsKey, options?: Record<string, unknown>) => string;

export function useMartyrsT(): MartyrsT {
  const { t } = useTranslation();
  return useCallback((key: MartyrsKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`martyrs.${key}`, options), [t]);
}

export type Gender = 'male' | 'female' | 'unknown';

/** Words for the contract's enums, and for field names (history, validation). */
export function useMartyrLabels() {
  const mt = useMartyrsT();
  return useMemo(
    () => ({
      status: (s: MartyrStatus) => mt(`status.${s}`),
      period: (p: Period | null) => (p ? mt(`period.${p}`) : ''),
      gender: (g: Gender) => mt(`gender.${g}`),
      sourceKind: (k: string) => (isKey(`sourceKind.${k}`) ? mt(`sourceKind.${k}` as MartyrsKey) : k),
      relation: (r: string) => (isKey(`relation.${r}`) ? mt(`relation.${r}` as MartyrsKey) : r),
      field: (f: string) => (isKey(`fields.${f}`) ? mt(`fields.${f}` as MartyrsKey) : f),
      action: (a: string) => (isKey(`history.actions.${a}`) ? mt(`history.actions.${a}` as MartyrsKey) : a),
    }),
    [mt],
  );
}

export type MartyrLabels = ReturnType<typeof useMartyrLabels>;

const known = new Set<string>();
/** Whether a key exists (so an unknown enum value from a newer backend shows as itself). */
function isKey(key: string): boolean {
  if (known.size === 0) collect(martyrsZh, '');
  return known.has(key);
}

function collect(tree: object, prefix: string): void {
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || Array.isArray(v)) known.add(path);
    else collect(v as object, path);
  }
}
