import { type FormEvent, lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { useCommunes } from '../../lib/units';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFeedbackCategories, useFeedbackList } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import { ReportCard } from './report-card';
import './feedback-public.css';

// The map (SVG of 102 communes) is fetched only when someone switches to it.
const ReportsMap = lazy(() => import('./reports-map').then((m) => ({ default: m.ReportsMap })));

const PAGE_SIZE = 20;
const statusValues = ['open', 'closed', 'info_requested', 'resolved', 'rejected'] as const;

function readFilters(params: URLSearchParams) {
  const page = Number(params.get('trang') ?? '1');
  return {
    category: params.get('linh-vuc') ?? undefined,
    commune: params.get('xa') ?? undefined,
    status: params.get('tinh-trang') ?? undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

export function ReportsListPage() {
  const { t } = useFeedbackT();
  useDocumentTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const view = params.get('xem') === 'ban-do' ? 'map' : 'list';
  const list = useFeedbackList({ ...filters, pageSize: PAGE_SIZE });

  const setView = (next: 'list' | 'map') => {
    const p = new URLSearchParams(params);
    if (next === 'map') p.set('xem', 'ban-do');
    else p.delete('xem');
    setParams(p, { replace: true });
  };

  return (
    <div className="fb">
      <nav aria-label={t('nav.list')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li aria-current="page">{t('nav.list')}</li>
        </ol>
      </nav>
      <div className="fb-head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="lead">{t('list.lead')}</p>
        </div>
        <Link className="btn btn--primary fb-send" to="/phan-anh/gui" data-testid="feedback-send">
          <span aria-hidden="true">+ </span>
          {t('list.send')}
        </Link>
      </div>
      <p className="fb-stats-link">
        <Link to="/phan-anh/thong-ke" data-testid="feedback-stats-link">
          {t('list.stats')}
        </Link>
      </p>

      <Filters key={params.toString()} filters={filters} />

      <div className="fb-toolbar">
        <p className="results__count" aria-live="polite" data-testid="feedback-count">
          {list.data ? t('list.count', { count: list.data.total }) : null}
        </p>
        <fieldset className="fb-switch">
          <legend className="visually-hidden">{t('list.view')}</legend>
          {(['list', 'map'] as const).map((v) => (
            <label key={v} className={`fb-switch__option${view === v ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="fb-view"
                className="visually-hidden"
                checked={view === v}
                onChange={() => setView(v)}
                data-testid={`feedback-view-${v}`}
              />
              {v === 'list' ? t('list.viewList') : t('list.viewMap')}
            </label>
          ))}
        </fieldset>
      </div>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          {view === 'map' ? (
            <Suspense fallback={<Loading label={t('list.mapLoading')} />}>
              <ReportsMap items={list.data.items} highlightCode={filters.commune} />
            </Suspense>
          ) : null}
          {list.data.items.length === 0 ? (
            <div className="empty" data-testid="feedback-empty">
              <p className="empty__title">{t('list.empty')}</p>
              <p>{t('list.emptyHint')}</p>
            </div>
          ) : (
            <ul className="fb-list" data-testid="feedback-list">
              {list.data.items.map((item) => (
                <ReportCard key={item.id} item={item} />
              ))}
            </ul>
          )}
          <Pager page={filters.page} total={list.data.total} params={params} />
        </>
      )}
    </div>
  );
}

function Filters({ filters }: { filters: ReturnType<typeof readFilters> }) {
  const { t } = useFeedbackT();
  const [params, setParams] = useSearchParams();
  const categories = useFeedbackCategories();
  const name = (c: { nameVi: string; nameEn: string }) =>
    currentLanguage() === 'en' ? c.nameEn : c.nameVi;
  const communes = useCommunes('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const p = new URLSearchParams();
    for (const key of ['linh-vuc', 'xa', 'tinh-trang']) {
      const value = String(data.get(key) ?? '');
      if (value) p.set(key, value);
    }
    const view = params.get('xem');
    if (view) p.set('xem', view);
    // A new filter starts again at page 1.
    setParams(p);
  };
  const active = Boolean(filters.category || filters.commune || filters.status);

  return (
    <form className="fb-filters" onSubmit={submit} aria-label={t('list.filters')}>
      <div className="field">
        <label className="label" htmlFor="fb-category">
          {t('list.category')}
        </label>
        <select
          id="fb-category"
          name="linh-vuc"
          className="select"
          defaultValue={filters.category ?? ''}
          data-testid="feedback-filter-category"
        >
          <option value="">{t('list.all')}</option>
          {(categories.data ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.parentCode ? `— ${name(c)}` : name(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="label" htmlFor="fb-commune">
          {t('list.commune')}
        </label>
        <select
          id="fb-commune"
          name="xa"
          className="select"
          defaultValue={filters.commune ?? ''}
          data-testid="feedback-filter-commune"
        >
          <option value="">{t('list.all')}</option>
          {(communes.data?.items ?? []).map((u) => (
            <option key={u.code} value={u.code}>
              {u.fullName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="label" htmlFor="fb-status">
          {t('list.status')}
        </label>
        <select
          id="fb-status"
          name="tinh-trang"
          className="select"
          defaultValue={filters.status ?? ''}
          data-testid="feedback-filter-status"
        >
          <option value="">{t('list.all')}</option>
          {statusValues.map((s) => (
            <option key={s} value={s}>
              {t(`statusFilter.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="fb-filters__actions">
        <button type="submit" className="btn btn--secondary" data-testid="feedback-filter-apply">
          {t('list.apply')}
        </button>
        {active ? (
          <Link to="/phan-anh" className="btn btn--quiet">
            {t('list.reset')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function Pager({ page, total, params }: { page: number; total: number; params: URLSearchParams }) {
  const { t } = useFeedbackT();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const hrefFor = (n: number) => {
    const p = new URLSearchParams(params);
    if (n === 1) p.delete('trang');
    else p.set('trang', String(n));
    const text = p.toString();
    return text ? `/phan-anh?${text}` : '/phan-anh';
  };
  return (
    <nav className="fb-pager" aria-label={t('list.pagination')}>
      {page > 1 ? (
        <Link className="btn btn--secondary" to={hrefFor(page - 1)} rel="prev">
          ‹ {t('list.prev')}
        </Link>
      ) : null}
      <span className="fb-pager__status">{t('list.pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link className="btn btn--secondary" to={hrefFor(page + 1)} rel="next">
          {t('list.next')} ›
        </Link>
      ) : null}
    </nav>
  );
}
