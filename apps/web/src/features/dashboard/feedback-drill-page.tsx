import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatDateTime } from '../processing/format';
import {
  type FeedbackFilter,
  feedbackFilters,
  isNotAvailable,
  useFeedbackDashboard,
  useFeedbackDrill,
} from './dashboard-api';
import { useDt } from './i18n';
import { unitPath } from './overview-page';
import { periodSearch } from './period';
import { Toolbar, usePeriodText } from './toolbar';
import { assignPath, Crumbs } from './unit-page';
import { useDashboardViewer, useMay, usePeriod, useReportAsOf } from './use-dashboard';

/**
 * `/can-bo/dieu-hanh/don-vi/:code/phan-anh?filter=&category=`: the reports behind a feedback
 * number (overdue, answered late, rated unsatisfied, or all), each linking to its workspace.
 */
export function FeedbackDrillPage() {
  const { t } = useDt();
  const lang = currentLanguage();
  const id = useId();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = params.get('filter');
  const filter: FeedbackFilter = (feedbackFilters as readonly string[]).includes(asked ?? '')
    ? (asked as FeedbackFilter)
    : 'overdue';
  const category = params.get('category') || undefined;
  const { mayAssignFrom } = useDashboardViewer();
  const [period] = usePeriod();
  const periodText = usePeriodText(period);
  const q = { from: period.from, to: period.to, unit: code };
  const summary = useFeedbackDashboard(q);
  const drill = useFeedbackDrill({ ...q, filter, category });
  useReportAsOf(summary.data?.asOf);
  const name = summary.data?.unit.name ?? code;
  const categories = summary.data?.byCategory ?? [];
  const filterText = t(`feedbackDrill.filter.${filter}`);
  useDocumentTitle(t('feedbackDrill.title', { filter: filterText }));

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const count = drill.data?.items.length ?? 0;
  const mayAssign = mayAssignFrom !== null && mayAssignFrom.unitCode !== code;
  const mayOpen = useMay('feedback.handle');

  return (
    <div className="db-page" data-testid="db-feedback-drill" data-filter={filter}>
      <Crumbs
        items={[
          { to: `/can-bo/dieu-hanh${periodSearch(period)}`, label: t('common.title') },
          { to: unitPath(code, periodSearch(period)), label: name },
          { label: t('feedbackDrill.title', { filter: filterText }) },
        ]}
      />
      <header className="db-head db-head--actions">
        <div>
          <h1>{t('feedbackDrill.title', { filter: filterText })}</h1>
          <p className="lead">{t('feedbackDrill.lead', { unit: name, period: periodText })}</p>
        </div>
        {mayAssign && filter !== 'all' && count > 0 ? (
          <Link
            to={assignPath(
              code,
              t('feedbackDrill.assignTitle', { filter: filterText, unit: name }),
              t('feedbackDrill.assignDescription', {
                period: periodText,
                count,
                filter: filterText,
              }),
            )}
            className="btn btn--primary"
            data-testid="db-assign"
          >
            {t('unit.assign')}
          </Link>
        ) : null}
      </header>
      <Toolbar exportView="feedback-drill" exportParams={{ ...q, filter, category }} />
      <div className="db-filters">
        <div className="field db-field">
          <label className="label" htmlFor={`${id}-filter`}>
            {t('feedbackDrill.filterLabel')}
          </label>
          <select
            id={`${id}-filter`}
            className="select"
            value={filter}
            onChange={(e) => set('filter', e.target.value)}
            data-testid="db-fb-filter"
          >
            {feedbackFilters.map((f) => (
              <option key={f} value={f}>
                {t(`feedbackDrill.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field db-field">
          <label className="label" htmlFor={`${id}-category`}>
            {t('feedback.category')}
          </label>
          <select
            id={`${id}-category`}
            className="select"
            value={category ?? ''}
            onChange={(e) => set('category', e.target.value)}
            data-testid="db-fb-category"
          >
            <option value="">{t('feedbackDrill.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.category} value={c.category}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="proc-count" role="status" aria-live="polite">
        {drill.data ? t('feedbackDrill.count', { count }) : ''}
      </p>
      {drill.isPending ? (
        <Loading />
      ) : drill.isError ? (
        isNotAvailable(drill.error) ? (
          <p className="notice notice--warning" data-testid="db-feedback-drill-unavailable">
            {t('common.notAvailable')}
          </p>
        ) : (
          <ErrorMessage error={drill.error} onRetry={() => drill.refetch()} />
        )
      ) : drill.data.items.length === 0 ? (
        <p className="empty" data-testid="db-feedback-drill-empty">
          {t('feedbackDrill.none')}
        </p>
      ) : (
        <div className="db-table-wrap">
          <table className="db-table table--stack" data-testid="db-feedback-drill-table">
            <thead>
              <tr>
                <th scope="col">{t('feedbackDrill.ref')}</th>
                <th scope="col">{t('feedback.category')}</th>
                <th scope="col">{t('common.unitColumn')}</th>
                <th scope="col">{t('feedbackDrill.received')}</th>
                <th scope="col">{t('feedbackDrill.due')}</th>
                <th scope="col">{t('feedbackDrill.status')}</th>
                <th scope="col">{t('feedbackDrill.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {drill.data.items.map((item) => (
                <tr key={item.id} data-testid="db-feedback-drill-row">
                  <td data-label={t('feedbackDrill.ref')}>
                    {mayOpen ? (
                      <Link
                        to={`/can-bo/phan-anh/${encodeURIComponent(item.id)}`}
                        data-testid="db-feedback-report"
                      >
                        {item.ref}
                      </Link>
                    ) : (
                      <span data-testid="db-feedback-report">{item.ref}</span>
                    )}
                  </td>
                  <td data-label={t('feedback.category')}>{item.categoryLabel}</td>
                  <td data-label={t('common.unitColumn')}>{item.unit.name}</td>
                  <td data-label={t('feedbackDrill.received')}>
                    {formatDateTime(item.receivedAt)}
                  </td>
                  <td data-label={t('feedbackDrill.due')}>
                    {item.dueAt ? formatDateTime(item.dueAt) : '—'}
                  </td>
                  <td data-label={t('feedbackDrill.status')}>{item.statusLabel[lang]}</td>
                  <td data-label={t('feedbackDrill.reason')}>{item.reason[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {drill.data?.truncated ? (
        <p className="notice notice--warning">{t('common.truncated', { count })}</p>
      ) : null}
    </div>
  );
}
