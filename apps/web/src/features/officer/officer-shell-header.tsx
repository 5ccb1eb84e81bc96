import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Emblem } from '../../components/emblem';
import { LangSwitch } from '../../components/lang-switch';

/** The back office's brand: province, product and "Hệ thống quản lý". */
export function OfficerBrand() {
  const { t } = useTranslation();
  return (
    <Link to="/can-bo" className="bo-brand">
      <Emblem size={34} />
      <span className="bo-brand__text">
        <span className="bo-brand__product">
          {t('app.product')} {t('app.province')}
        </span>
        <span className="bo-brand__area">{t('officer.backOffice')}</span>
      </span>
    </Link>
  );
}

/** Top bar of the back office; the sign-in page uses it bare, the layout adds its tools. */
export function OfficerShellHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="bo-header">
      <OfficerBrand />
      <div className="bo-header__tools">
        {children}
        <LangSwitch className="btn btn--on-dark btn--small" />
      </div>
    </header>
  );
}
