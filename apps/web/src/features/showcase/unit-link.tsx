import { Link } from 'react-router';
import { useSt } from './i18n';
import { usePublishedShowcase } from './showcase-api';
import './showcase.css';

/**
 * On a commune's administrative page: a link to its showcase, shown only once one is published
 * (the question is one small cached request; no page, no link).
 */
export function ShowcaseUnitLink({ code }: { code: string }) {
  const { t } = useSt();
  const page = usePublishedShowcase(code);
  if (!page.data) return null;
  return (
    <p className="sc-unit-link">
      <Link className="btn btn--primary" to={`/xa-phuong/${code}/gioi-thieu`}>
        {t('unitLink.text', { name: page.data.communeName })}
      </Link>
    </p>
  );
}
