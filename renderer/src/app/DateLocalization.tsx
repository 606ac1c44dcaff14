/**
 * Date fields speak the interface's language, never the operating system's: dayjs with its zh-cn
 * or en locale (week starting Monday in Chinese), and the pickers' own zhCN / enUS texts.
 */
import type { ReactNode } from 'react';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { enUS as pickersEnUS, zhCN as pickersZhCN } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Lang } from '../i18n';

/** The one date format of the interface (and of the backend's date filters). */
export const DATE_FORMAT = 'YYYY-MM-DD';

const byLang = {
  zh: {
    adapterLocale: 'zh-cn',
    localeText: pickersZhCN.components.MuiLocalizationProvider.defaultProps.localeText,
    // the calendar's heading: dayjs's zh-cn months put together would read "十一月 2026"
    calendarHeading: 'YYYY年M月',
  },
  en: {
    adapterLocale: 'en',
    localeText: pickersEnUS.components.MuiLocalizationProvider.defaultProps.localeText,
    calendarHeading: 'MMMM YYYY',
  },
} as const;

export function DateLocalization({ lang, children }: { lang: Lang; children: ReactNode }) {
  const { adapterLocale, localeText } = byLang[lang];
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={adapterLocale} localeText={localeText}>
      {children}
    </LocalizationProvider>
  );
}

/** The format of a calendar's month heading in the given language. */
export function calendarHeadingFormat(lang: Lang): string {
  return byLang[lang].calendarHeading;
}
