import type { zh } from './zh';

/** Makes `t('some.key')` type-checked against the Chinese resource. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh };
  }
}
