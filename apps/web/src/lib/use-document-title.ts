import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** `<title>`: page name first (what a screen reader announces on navigation), then the site. */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} — ${suffix}` : suffix;
  }, [title, suffix]);
}
