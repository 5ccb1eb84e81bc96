import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** One button that switches between Vietnamese and English; its label is in the target language. */
export function LangSwitch({ className = 'btn btn--quiet' }: { className?: string }) {
  const { t } = useTranslation();
  const target = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className={className}
      lang={target}
      data-testid="lang-switch"
      onClick={() => void setLanguage(target)}
    >
      {t('lang.switchTo')}
    </button>
  );
}
