import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'cqs.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(storageKey);
    if (isLanguage(value)) return value;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): fall back to Vietnamese.
  }
  return 'vi';
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
}

export const i18n: I18n = i18next.createInstance();

const initial = storedLanguage();
applyToDocument(initial);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** Switch language, remember it on this device and set `<html lang>`. */
export function setLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  applyToDocument(lang);
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi';
}

/** BCP 47 locale for Intl number and date formatting. */
export function locale(lang: Language = currentLanguage()): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}
