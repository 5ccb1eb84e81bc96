import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { dayToText } from '../processing/format';
import { useSteeringAssignments } from './dashboard-api';
import { ExportButtons } from './export-buttons';
import { formatValue } from './format';
import { useDt } from './i18n';
import { unitPath } from './overview-page';
import { periodSearch } from './period';
import { overdueFirst, steeringRows, steeringStatuses } from './steering';
import { useDashboardViewer, usePeriod, useReportAsOf } from './use-dashboard';

/**
 * `/can-bo/dieu-hanh/nhiem-vu`: the steering committee's view of directive tasks across the
 * viewer's scope — counts by status per assignee unit (overdue first) and the overdue list —
 * read from the tasks API.
 */
export function SteeringPage() {
  const { t } = useDt();
  const lang = currentLanguage();
  useDocumentTitle(t('steering.title'));
  const { home, mayAssignFrom } = useDashboardViewer();
  const [period] = usePeriod();
  const code = home?.unitCode ?? '';
  const list = useSteeringAssignments(code);
  useReportAsOf(list.data ? new Date(list.dataUpdatedAt).toISOString() : undefined);
  if (!home) return null;
  const rows = list.data ? steeringRows(list.data.items) : [];
  const overdue = list.data ? overdueFirst(list.data.items) : [];
  const n = (v: number) => formatValue(v, 'count', lang);

  return (
    <div className="db-page" data-testid="db-steering">
      <header className="db-head db-head--actions">
        <div>
          <h1>{t('steering.title')}</h1>
          <p className="lead">{t('steering.lead', { unit: home.unitName })}</p>
        </div>
        <div className="button-row">
          {mayAssignFrom ? (
            <Link
              to="/can-bo/nhiem-vu/giao-moi"
              className="btn btn--primary"
              data-testid="db-steering-assign"
            >
              {t('steering.assign')}
            </Link>
          ) : null}
          <Link to="/can-bo/nhiem-vu?tab=assigned" className="btn btn--secondary">
            {t('steering.openTasks')}
          </Link>
        </div>
      </header>
      <ExportButtons view="tasks" params={{ unit: code }} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="empty" data-testid="db-steering-empty">
          {t('steering.none')}
        </p>
      ) : (
        <>
          {!list.data.complete ? (
            <p className="notice notice--warning">
              {t('steering.incomplete', { shown: list.data.items.length, total: list.data.total })}
            </p>
          ) : null}
          <section className="db-section" aria-labelledby="db-steering-units">
            <h2 id="db-steering-units">{t('steering.byUnit')}</h2>
            <div className="db-table-wrap">
              <table className="db-table" data-testid="db-steering-table">
                <thead>
                  <tr>
                    <th scope="col">{t('common.unitColumn')}</th>
                    {steeringStatuses.map((s) => (
                      <th key={s} scope="col" className="db-num">
                        {t(`steering.status.${s}`)}
                      </th>
                    ))}
                    <th scope="col" className="db-num">
                      {t('steering.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr
                      key={r.code}
                      data-testid="db-steering-row"
                      data-code={r.code}
                      data-overdue={r.counts.overdue}
                    >
                      <th scope="row">
                        <Link to={unitPath(r.code, periodSearch(period))}>{r.name}</Link>
                      </th>
                      {steeringStatuses.map((s) => (
                        <td
                          key={s}
                          className={`db-num${s === 'overdue' && r.counts.overdue ? ' db-bad' : ''}`}
                        >
                          {n(r.counts[s])}
                        </td>
                      ))}
                      <td className="db-num">{n(r.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="db-section" aria-labelledby="db-steering-overdue">
            <h2 id="db-steering-overdue">{t('steering.overdueList')}</h2>
            {overdue.length === 0 ? (
              <p className="empty">{t('steering.noOverdue')}</p>
            ) : (
              <div className="db-table-wrap">
                <table className="db-table table--stack" data-testid="db-steering-overdue">
                  <thead>
                    <tr>
                      <th scope="col">{t('steering.task')}</th>
                      <th scope="col">{t('common.unitColumn')}</th>
                      <th scope="col">{t('steering.deadline')}</th>
                      <th scope="col">{t('steering.progress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overdue.map((a) => (
                      <tr key={a.id} data-testid="db-steering-overdue-row">
                        <td data-label={t('steering.task')}>
                          <Link to={`/can-bo/nhiem-vu/${encodeURIComponent(a.task.id)}`}>
                            {a.task.title}
                          </Link>{' '}
                          <span className="proc-code">{a.task.reference}</span>
                        </td>
                        <td data-label={t('common.unitColumn')}>{a.unit.name}</td>
                        <td data-label={t('steering.deadline')}>{dayToText(a.deadline)}</td>
                        <td data-label={t('steering.progress')}>
                          {t('steering.percent', { value: a.percent })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
