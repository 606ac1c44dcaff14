/**
 * i18n: Simplified Chinese by default, English on request; the choice is remembered in
 * localStorage. `useLang()` gives the current language and `pick()` for the backend's
 * `{ zh, en }` texts.
 */
import i18n from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/contract';
import { zh } from './zh';
import { en } from './en';
import { martyrsZh } from './martyrs.zh';
import { martyrsEn } from './martyrs.en';
import { plaquesZh } from './plaques.zh';
import { importsZh } from './imports.zh';
import { importsEn } from './imports.en';
import { plaquesEn } from './plaques.en';
import { honorsZh } from './honors.zh';
import { honorsEn } from './honors.en';
import { dashboardZh } from './dashboard.zh';
import { dashboardEn } from './dashboard.en';
import { peopleZh } from './people.zh';
import { peopleEn } from './people.en';
import { documentsZh } from './documents.zh';
import { documentsEn } from './documents.en';
import { backupZh } from './backup.zh';
import { backupEn } from './backup.en';
import { integrityZh } from './integrity.zh';
import { integrityEn } from './integrity.en';
import { encryptionZh } from './encryption.zh';
import { encryptionEn } from './encryption.en';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'guangrong.lang';

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = lang === 'zh' ? '光荣' : 'Guangrong';
}

export const initialLang = storedLang();

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: { ...zh, martyrs: martyrsZh, plaquesUi: plaquesZh, honors: honorsZh, imports: importsZh, dashboard: dashboardZh, peopleUi: peopleZh, documentsUi: documentsZh, backupUi: backupZh, integrity: integrityZh, encryption: encryptionZh } }, en: { translation: { ...en, martyrs: martyrsEn, plaquesUi: plaquesEn, honors: honorsEn, imports: importsEn, dashboard: dashboardEn, peopleUi: peopleEn, documentsUi: documentsEn, backupUi: backupEn, integrity: integrityEn, encryption: encryptionEn } } },
  lng: initialLang,
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
applyToDocument(initialLang);

export function setLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts this session only
  }
  applyToDocument(lang);
  void i18n.changeLanguage(lang);
}

export function langOf(language: string | undefined): Lang {
  return language?.startsWith('en') ? 'en' : 'zh';
}

/** The text of a backend `{ zh, en }` message in the given language. */
export function pickText(text: LocalizedText, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

export function useLang(): { lang: Lang; pick: (text: LocalizedText) => string } {
  const { i18n: instance } = useTranslation();
  const lang = langOf(instance.language);
  const pick = useCallback((text: LocalizedText) => pickText(text, lang), [lang]);
  return { lang, pick };
}

export { i18n };
