/**
 * The look: calm and professional, dense enough for data entry, a restrained red accent.
 * System fonts only (the application runs offline): the Chinese stack of each platform.
 */
import { createTheme, type Theme } from '@mui/material/styles';
import { enUS as coreEnUS, zhCN as coreZhCN } from '@mui/material/locale';
import { enUS as gridEnUS, zhCN as gridZhCN } from '@mui/x-data-grid/locales';
import type {} from '@mui/x-data-grid/themeAugmentation';
import type {} from '@mui/x-date-pickers/themeAugmentation';
import type { Lang } from '../i18n';

/**
 * A floating label and the gap it opens in the outline must change in the same frame. MUI animates
 * them with different timings (the label 200 ms, the gap 100 ms after a 50 ms delay), so a field
 * that is focused as it appears (autoFocus) is drawn for a moment with its label shrunk onto an
 * unbroken border. Labels and gaps switch at once here, in plain text fields and date fields alike.
 */
const NO_NOTCH_TRANSITION = { '& legend': { transition: 'none' } } as const;

/** Chinese UI: the CJK system fonts (they carry Latin letters too, and full-width punctuation). */
export const FONT_STACK = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif';
/** English UI: Latin system fonts first, so quotes and apostrophes are not full-width; CJK after them for names. */
export const FONT_STACK_EN = `"Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", ${FONT_STACK}`;
export const MONO_STACK = 'ui-monospace, Consolas, "DejaVu Sans Mono", monospace';

export function createAppTheme(lang: Lang): Theme {
  return createTheme(
    {
      palette: {
        mode: 'light',
        primary: { main: '#9b2c2c', dark: '#7a1f1f', light: '#c0504d', contrastText: '#ffffff' },
        secondary: { main: '#455a64' },
        background: { default: '#f4f5f7', paper: '#ffffff' },
        text: { primary: '#1f2329', secondary: '#5b6270' },
        divider: '#e1e4e8',
      },
      shape: { borderRadius: 6 },
      typography: {
        fontFamily: lang === 'zh' ? FONT_STACK : FONT_STACK_EN,
        fontSize: 14,
        button: { textTransform: 'none', fontWeight: 500 },
        h5: { fontSize: '1.375rem' },
        h6: { fontSize: '1.125rem', fontWeight: 600 },
        subtitle2: { fontWeight: 600 },
      },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        MuiInputLabel: { defaultProps: { disableAnimation: true } },
        MuiOutlinedInput: { styleOverrides: { notchedOutline: NO_NOTCH_TRANSITION } },
        MuiPickersTextField: { defaultProps: { size: 'small' } },
        MuiPickersOutlinedInput: { styleOverrides: { notchedOutline: NO_NOTCH_TRANSITION } },
        MuiFormControl: { defaultProps: { size: 'small' } },
        MuiAutocomplete: { defaultProps: { size: 'small' } },
        MuiTooltip: { defaultProps: { arrow: true, enterDelay: 400 } },
        MuiPaper: { styleOverrides: { outlined: { borderColor: '#e1e4e8' } } },
        MuiAppBar: { defaultProps: { elevation: 0 } },
        MuiTab: { styleOverrides: { root: { textTransform: 'none', minHeight: 44, fontSize: '0.9375rem' } } },
        MuiTabs: { styleOverrides: { root: { minHeight: 44 } } },
        MuiDataGrid: {
          defaultProps: { density: 'compact', disableRowSelectionOnClick: true },
          styleOverrides: {
            root: { backgroundColor: '#ffffff', borderColor: '#e1e4e8' },
            columnHeaders: { backgroundColor: '#f8f9fa' },
            columnHeaderTitle: { fontWeight: 600 },
          },
        },
      },
    },
    lang === 'zh' ? coreZhCN : coreEnUS,
    lang === 'zh' ? gridZhCN : gridEnUS,
  );
}
