/**
 * Lets the MUI X slot props carry the end-to-end hooks (`data-testid`), as the DOM elements do.
 * Only this key: other `data-*` attributes stay refused, so a typo still fails the type-check.
 * Files that need it import it (`import type {} from '…/app/muiTypes'`), so any program that
 * compiles them, the tests' included, sees it.
 */
import type {} from '@mui/utils/types';

declare module '@mui/utils/types' {
  interface DataAttributesOverrides {
    'data-testid'?: string;
  }
}
