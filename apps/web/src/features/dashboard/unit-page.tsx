import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AlertsPanel } from './alerts-panel';
import {
  type FeedbackFilter,
  type ServiceIndex,
  useFeedbackDashboard,
  useServiceIndex,
  useTeamsDashboard,
} from './dashboard-api';
import { ExportButtons } from './export-buttons';
import { FeedbackTable, SourceSection, TeamTiles, teamValuesOf } from './feedback-section';
import { formatNumber, formatValue } from './format';
import { useDt } from './i18n';
import { IndexGroups } from './index-groups';
import { componentDrillPath, unitPath } from './overview-page';
import { periodSearch } from './period';
import { ProceduresTable } from './procedures-table';
import { SummaryTiles } from './summary';
import { Toolbar, usePeriodText } from './toolbar';
import { useDashboardViewer, usePeriod, useReportAsOf } from './use-dashboard';

/** The directive-task form prefilled for a unit (features/tasks reads these parameters). */
export function assignPath(unit: string, title: string, description?: string): string {
  const params = new URLSearchParams({ unit, title });
  if (description) params.set('description', description);
  return `/can-bo/nhiem-vu/giao-moi?${params.toString()}`;
}

/** Breadcrumbs from the overview to the page's unit. */
export function Crumbs({ items }: { items: { to?: string; label: string }[] }) {
  const { t } = useDt();
  return (
    <nav className="breadcrumbs db-crumbs" aria-label={t('common.breadcrumb')}>
      <ol>
        {items.map((item) => (
          <li key={item.to ?? item.label} aria-current={item.to ? undefined : 'page'}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : item.label}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * `/can-bo/dieu-hanh/don-vi/:code`: one commune or department (or the province itself) — its
 * service index by group, its procedures, its feedback by category, its community teams, alerts.
 */
export function UnitPage() {
  const { t } = useDt();
  const { code = '' } = useParams();
  const { home, mayAssignFrom } = useDashboardViewer();
  const [period] = usePeriod();
  const periodText = usePeriodText(period);
  const search = periodSearch(period);
  const q = { from: period.from, to: period.to, unit: code };
  const index = useServiceIndex(q);
  const feedback = useFeedbackDashboard(q);
  const teams = useTeamsDashboard(q);
  useReportAsOf(index.data?.asOf);
  useReportAsOf(feedback.data?.asOf);
  const name = index.data?.unit.name ?? feedback.data?.unit.name ?? code;
  useDocumentTitle(`${name} — ${t('common.title')}`);
  if (!home) return null;

  const exportQ = { from: period.from, to: period.to, unit: code };
  const feedbackDrill = (filter: FeedbackFilter, category?: string) =>
    `${unitPath(code)}/phan-anh${periodSearch(period, { filter, category })}`;
  const mayAssign = mayAssignFrom !== null && mayAssignFrom.unitCode !== code;

  return (
    <div className="db-page" data-testid="db-unit" data-code={code}>
      <Crumbs
        items={[{ to: `/can-bo/dieu-hanh${search}`, label: t('common.title') }, { label: name }]}
      />
      <header className="db-head db-head--actions">
        <div>
          <h1 data-testid="db-unit-name">{name}</h1>
          <p className="lead">{t('unit.lead', { unit: name, period: periodText })}</p>
        </div>
        {mayAssign ? (
          <Link
            to={assignPath(code, t('drill.assignTitle', { label: t('index.heading'), unit: name }))}
            className="btn btn--primary"
            data-testid="db-assign"
          >
            {t('unit.assign')}
          </Link>
        ) : null}
      </header>
      <Toolbar
        scope={{ home: { code: home.unitCode, name: home.unitName }, current: code }}
        exportView="service-index"
        exportParams={exportQ}
      />
      {index.isPending ? <Loading /> : null}
      {index.isError ? <ErrorMessage error={index.error} onRetry={() => index.refetch()} /> : null}
      <SummaryTiles
        index={index.data}
        feedback={feedback.data}
        teams={teams.data ? teamValuesOf(teams.data, code) : undefined}
      />
      <div className="db-columns">
        <div className="db-columns__main">
          {index.data ? (
            <IndexGroups index={index.data} drillTo={(c) => componentDrillPath(code, c, period)} />
          ) : null}
        </div>
        <div className="db-columns__side">
          <AlertsPanel unit={code} />
        </div>
      </div>
      {index.data ? (
        <section className="db-section" aria-labelledby="db-procedures-heading">
          <h2 id="db-procedures-heading">{t('unit.procedures')}</h2>
          <ProceduresTable
            index={index.data}
            lateDrill={(p) =>
              `${unitPath(code)}/chi-tieu/on_time${periodSearch(period, { procedure: p })}`
            }
          />
        </section>
      ) : null}
      {index.data?.units.some((u) => u.unitCode !== code) ? (
        <SubUnits index={index.data} code={code} search={search} />
      ) : null}
      <SourceSection id="db-feedback" title={t('unit.feedback')} query={feedback}>
        {() =>
          feedback.data ? (
            <>
              <FeedbackTable data={feedback.data} drillTo={feedbackDrill} />
              <ExportButtons view="feedback" params={exportQ} />
            </>
          ) : null
        }
      </SourceSection>
      <SourceSection id="db-teams" title={t('unit.teams')} query={teams}>
        {() => (teams.data ? <TeamTiles values={teamValuesOf(teams.data, code)} /> : null)}
      </SourceSection>
    </div>
  );
}

/** Units below this one that had dossiers (a department's or the province's drill to units). */
function SubUnits({ index, code, search }: { index: ServiceIndex; code: string; search: string }) {
  const { t } = useDt();
  const lang = currentLanguage();
  const rows = index.units.filter((u) => u.unitCode !== code);
  return (
    <section className="db-section" aria-labelledby="db-subunits-heading">
      <h2 id="db-subunits-heading">{t('unit.units')}</h2>
      <div className="db-table-wrap">
        <table className="db-table" data-testid="db-subunits">
          <thead>
            <tr>
              <th scope="col">{t('common.unitColumn')}</th>
              <th scope="col" className="db-num">
                {t('indicator.index_points')}
              </th>
              <th scope="col" className="db-num">
                {t('indicator.received')}
              </th>
              <th scope="col" className="db-num">
                {t('indicator.on_time_rate')}
              </th>
              <th scope="col" className="db-num">
                {t('indicator.online_share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.unitCode}>
                <th scope="row">
                  <Link to={unitPath(u.unitCode, search)}>{u.unitName}</Link>
                </th>
                <td className="db-num">
                  {formatNumber(u.points, lang, 2)} / {u.computedMaxPoints}
                </td>
                <td className="db-num">{formatValue(u.received, 'count', lang)}</td>
                <td className="db-num">{formatValue(u.onTimeRate, 'percent', lang)}</td>
                <td className="db-num">{formatValue(u.onlineShare, 'percent', lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
