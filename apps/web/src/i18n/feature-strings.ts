import { i18n } from './index';

/**
 * A feature's own strings, kept out of the first-load bundle: the Vietnamese ones travel in the
 * feature's lazy chunk and are registered when it loads; the English ones are fetched the first
 * time the app is (or switches to) English. Components read them with
 * `useTranslation(ns, { bindI18nStore: 'added' })`, so a late English bundle re-renders them.
 */
export function registerFeatureStrings(
  ns: string,
  vi: object,
  loadEn: () => Promise<object>,
): void {
  i18n.addResourceBundle('vi', ns, vi, true, true);
  const ensure = (lng: string | undefined) => {
    if (lng !== 'en' || i18n.hasResourceBundle('en', ns)) return;
    loadEn()
      .then((en) => i18n.addResourceBundle('en', ns, en, true, true))
      .catch(() => {
        // Offline or a failed chunk: the Vietnamese strings stay (fallbackLng).
      });
  };
  ensure(i18n.language);
  i18n.on('languageChanged', ensure);
}

/** Same keys as the Vietnamese dictionary, every value a string. */
export type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };
