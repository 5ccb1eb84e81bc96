import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

/** In-app 404: unknown paths, and API answers such as UNIT_NOT_FOUND. */
export function NotFoundPage({ unitCode }: { unitCode?: string }) {
  const { t } = useTranslation();
  const heading = unitCode ? t('notFound.unitHeading') : t('notFound.heading');
  useDocumentTitle(heading);
  return (
    <div className="not-found" data-testid="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{heading}</h1>
      <p>{unitCode ? t('notFound.unitText', { code: unitCode }) : t('notFound.text')}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/xa-phuong">{t('notFound.units')}</Link>
        </li>
      </ul>
    </div>
  );
}
