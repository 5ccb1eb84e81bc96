import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
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
  // English is loaded on demand: most residents never switch, and every string counts against
  // the portal's first-load budget on a cheap phone.
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'vi' || i18n.hasResourceBundle(lang, 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

/** Resolves once the stored language's strings are loaded: render after it. */
export const i18nReady: Promise<void> = loadLanguage(initial)
  .then(() => {
    if (initial !== 'vi') return i18n.changeLanguage(initial).then(() => undefined);
  })
  .catch(() => {
    // Offline or a failed chunk: Vietnamese stays, which every page has.
    applyToDocument('vi');
  });

/** Switch language, remember it on this device and set `<html lang>`. */
export async function setLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
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
