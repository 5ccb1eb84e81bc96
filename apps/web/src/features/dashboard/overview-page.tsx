import { useMemo } from 'react';
import { Navigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useUnit } from '../../lib/units';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AlertsPanel } from './alerts-panel';
import {
  type FeedbackFilter,
  feedbackComponentFilter,
  isDrillable,
  useAlerts,
  useFeedbackDashboard,
  useServiceIndex,
  useTeamsDashboard,
} from './dashboard-api';
import { ExportButtons } from './export-buttons';
import { FeedbackTable, SourceSection, TeamTiles } from './feedback-section';
import { useDt } from './i18n';
import { IndexGroups } from './index-groups';
import type { Sources } from './indicators';
import { MapSection } from './map-section';
import { type Period, periodSearch } from './period';
import { SummaryTiles } from './summary';
import { Toolbar, usePeriodText } from './toolbar';
import { useDashboardViewer, usePeriod, useReportAsOf } from './use-dashboard';

export const unitPath = (code: string, search = '') =>
  `/can-bo/dieu-hanh/don-vi/${encodeURIComponent(code)}${search}`;

/**
 * Where a service-index component drills to: the dossiers that lost points, or for the feedback
 * components the reports behind them; null for components without a list.
 */
export function componentDrillPath(code: string, component: string, period: Period): string | null {
  if (isDrillable(component))
    return `${unitPath(code)}/chi-tieu/${component}${periodSearch(period)}`;
  const filter = feedbackComponentFilter[component];
  return filter ? `${unitPath(code)}/phan-anh${periodSearch(period, { filter })}` : null;
}

/**
 * `/can-bo/dieu-hanh`: the province at a glance — headline numbers, the commune map and its table,
 * alerts, the service index by group, feedback and community teams. A viewer whose dashboard unit
 * is not the province (a commune or department leader) lands on their own unit's page.
 */
export function OverviewPage() {
  const { t } = useDt();
  useDocumentTitle(t('overview.title'));
  const { home } = useDashboardViewer();
  const code = home?.unitCode ?? '';
  const unit = useUnit(code);
  const [period] = usePeriod();
  if (!home) return null;
  if (unit.isPending) return <Loading />;
  if (unit.isError) return <ErrorMessage error={unit.error} onRetry={() => unit.refetch()} />;
  if (unit.data.kind !== 'province')
    return <Navigate to={unitPath(code, periodSearch(period))} replace />;
  return <ProvinceOverview code={code} name={unit.data.fullName} />;
}

function ProvinceOverview({ code, name }: { code: string; name: string }) {
  const { t } = useDt();
  const [period] = usePeriod();
  const periodText = usePeriodText(period);
  const q = { from: period.from, to: period.to, unit: code };
  const index = useServiceIndex(q);
  const feedback = useFeedbackDashboard(q);
  const teams = useTeamsDashboard(q);
  const alerts = useAlerts(code);
  useReportAsOf(index.data?.asOf);
  useReportAsOf(feedback.data?.asOf);
  const search = periodSearch(period);

  const sources: Sources = useMemo(
    () => ({ index: index.data, feedback: feedback.data, teams: teams.data, alerts: alerts.data }),
    [index.data, feedback.data, teams.data, alerts.data],
  );
  const available = useMemo(() => {
    const set = new Set<keyof Sources>();
    if (index.data) set.add('index');
    if (feedback.data) set.add('feedback');
    if (teams.data) set.add('teams');
    if (alerts.data) set.add('alerts');
    return set;
  }, [index.data, feedback.data, teams.data, alerts.data]);

  const feedbackDrill = (filter: FeedbackFilter, category?: string) =>
    `${unitPath(code)}/phan-anh${periodSearch(period, { filter, category })}`;
  const exportQ = { from: period.from, to: period.to, unit: code };

  return (
    <div className="db-page" data-testid="db-overview">
      <header className="db-head">
        <h1>{t('overview.title')}</h1>
        <p className="lead">{t('overview.lead', { unit: name })}</p>
      </header>
      <Toolbar
        scope={{ home: { code, name: t('common.province') }, current: code }}
        exportView="service-index"
        exportParams={exportQ}
      />
      {index.isError ? <ErrorMessage error={index.error} onRetry={() => index.refetch()} /> : null}
      <SummaryTiles index={index.data} feedback={feedback.data} teams={teams.data?.totals} />
      {/* The map waits for the service index, its main source (the indicator in the address
          would otherwise fall back to another source's first indicator for a moment). */}
      {index.isPending ? (
        <Loading />
      ) : (
        <MapSection
          sources={sources}
          available={available}
          periodText={periodText}
          drillPath={(c) => unitPath(c, search)}
        />
      )}
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
        {() => (teams.data ? <TeamTiles values={teams.data.totals} /> : null)}
      </SourceSection>
    </div>
  );
}
