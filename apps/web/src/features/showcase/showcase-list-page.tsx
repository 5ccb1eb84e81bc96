import { foldVietnamese } from '@cqs/shared';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useSt } from './i18n';
import { useShowcaseList } from './showcase-api';
import { Photo } from './showcase-view';
import './showcase.css';

/** `/mot-xa-mot-kol`: the communes that have published a showcase, searchable by name. */
export function ShowcaseListPage() {
  const { t } = useSt();
  useDocumentTitle(t('list.title'));
  const id = useId();
  const list = useShowcaseList();
  const [q, setQ] = useState('');
  const items = useMemo(() => {
    const all = list.data?.items ?? [];
    const folded = foldVietnamese(q.trim());
    return folded ? all.filter((i) => foldVietnamese(i.communeName).includes(folded)) : all;
  }, [list.data, q]);

  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorMessage error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <div className="field sc-search">
            <label className="label" htmlFor={`${id}-q`}>
              {t('list.search')}
            </label>
            <p className="hint" id={`${id}-hint`}>
              {t('list.searchHint')}
            </p>
            <input
              id={`${id}-q`}
              className="input"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              aria-describedby={`${id}-hint`}
              autoComplete="off"
            />
          </div>
          <p className="results__count" role="status">
            {q.trim()
              ? items.length
                ? t('list.found', { count: items.length })
                : t('list.noMatch', { q: q.trim() })
              : t('list.count', { count: items.length })}
          </p>
          <ul className="sc-communes" data-testid="showcase-list">
            {items.map((item) => (
              <li key={item.communeCode} className="sc-commune">
                {item.cover ? (
                  <Photo
                    className="sc-commune__img"
                    image={item.cover}
                    alt=""
                    sizes="(min-width: 40rem) 20rem, 100vw"
                  />
                ) : (
                  <span className="sc-commune__img sc-commune__img--none" aria-hidden="true" />
                )}
                <div className="sc-commune__body">
                  <h2 className="sc-commune__name">
                    <Link
                      to={`/xa-phuong/${item.communeCode}/gioi-thieu`}
                      className="sc-commune__link"
                    >
                      {item.communeName}
                    </Link>
                    {item.isDemo ? (
                      <>
                        {' '}
                        <span className="tag tag--soon">{t('demo.badge')}</span>
                      </>
                    ) : null}
                  </h2>
                  <p>{item.excerpt}</p>
                  <p className="muted sc-commune__meta">
                    {t('list.products', { count: item.productCount })} ·{' '}
                    {t('list.ambassadors', { count: item.ambassadorCount })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
