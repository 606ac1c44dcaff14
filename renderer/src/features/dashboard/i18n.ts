/** Typed texts of the dashboard (`i18n/dashboard.zh.ts`, merged under `dashboard.`). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { dashboardZh } from '../../i18n/dashboard.zh';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type DashboardKey = Leaves<typeof dashboardZh>;

export function useDashboardT(): (key: DashboardKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((key: DashboardKey, options?: Record<string, unknown>) => (t as unknown as (k: string, o?: object) => string)(`dashboard.${key}`, options), [t]);
}
