import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useUnit } from '../../lib/units';
import { useDocumentTitle } from '../../lib/use-document-title';
import { dayToText, vnDay } from '../processing/format';
import { useSt } from './i18n';
import { usePublishedShowcase } from './showcase-api';
import { ShowcaseView } from './showcase-view';
import './showcase.css';

/** `/xa-phuong/:code/gioi-thieu`: a commune's published showcase ("Mỗi xã một KOL"). */
export function ShowcasePage() {
  const { code = '' } = useParams();
  const { t } = useSt();
  const page = usePublishedShowcase(code);
  const unit = useUnit(code);
  const name = page.data?.communeName ?? unit.data?.fullName ?? code;
  useDocumentTitle(`${t('page.title', { name })} — ${t('brand')}`);
  const notPublished =
    page.error instanceof ApiClientError &&
    (page.error.code === 'SHOWCASE_NOT_PUBLISHED' || page.error.status === 404);

  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('page.home')}</Link>
          </li>
          <li>
            <Link to="/mot-xa-mot-kol">{t('brand')}</Link>
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      {page.isPending ? <Loading /> : null}
      {notPublished ? (
        <section className="empty" data-testid="showcase-missing">
          <h1>{t('page.notPublished')}</h1>
          <p>{t('page.notPublishedLead')}</p>
          <p className="button-row">
            <Link className="btn btn--primary" to="/mot-xa-mot-kol">
              {t('list.title')}
            </Link>
            {unit.data ? (
              <Link className="btn btn--secondary" to={`/xa-phuong/${code}`}>
                {t('page.commune', { name: unit.data.fullName })}
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}
      {page.isError && !notPublished ? (
        <ErrorMessage error={page.error} onRetry={() => page.refetch()} />
      ) : null}
      {page.data ? (
        <>
          <ShowcaseView view={page.data} />
          <footer className="sc-footer">
            {page.data.publishedAt ? (
              <p className="muted">
                {t('page.published', { date: dayToText(vnDay(page.data.publishedAt)) })}
              </p>
            ) : null}
            <ShareButton title={t('page.title', { name })} />
            <ul className="link-list">
              <li>
                <Link to={`/xa-phuong/${code}`}>{t('page.commune', { name })}</Link>
              </li>
              <li>
                <Link to="/mot-xa-mot-kol">{t('page.allCommunes')}</Link>
              </li>
            </ul>
          </footer>
        </>
      ) : null}
    </>
  );
}

/** The phone's own share sheet where there is one (Zalo, Facebook…); otherwise copy the link. */
function ShareButton({ title }: { title: string }) {
  const { t } = useSt();
  const [message, setMessage] = useState('');
  const share = async () => {
    const url = window.location.href;
    if (navigator.share) {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('page.copied'));
    } catch {
      setMessage(t('page.copyFailed', { url }));
    }
  };
  return (
    <div className="sc-share">
      <button type="button" className="btn btn--secondary" onClick={() => void share()}>
        {t('page.share')}
      </button>
      <p role="status" className="sc-share__status">
        {message}
      </p>
    </div>
  );
}
