import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatDateTime } from '../processing/format';
import { isDrillable, useServiceIndex, useServiceIndexDrill } from './dashboard-api';
import { useDt } from './i18n';
import { Definition } from './index-groups';
import { unitPath } from './overview-page';
import { periodSearch } from './period';
import { ProcedureName } from './procedures-table';
import { Toolbar, usePeriodText } from './toolbar';
import { assignPath, Crumbs } from './unit-page';
import { useDashboardViewer, useMay, usePeriod, useReportAsOf } from './use-dashboard';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

/**
 * `/can-bo/dieu-hanh/don-vi/:code/chi-tieu/:component[?procedure=]`: the dossiers that lost points
 * on one component, each with why and a link to its processing workspace; and the leader's next
 * step, a directive task for the unit.
 */
export function DrillPage() {
  const { t } = useDt();
  const lang = currentLanguage();
  const { code = '', component = '' } = useParams();
  const [params] = useSearchParams();
  const procedure = params.get('procedure') ?? undefined;
  const { mayAssignFrom } = useDashboardViewer();
  const [period] = usePeriod();
  const periodText = usePeriodText(period);
  const q = { from: period.from, to: period.to, unit: code };
  // The index (usually cached from the unit page) names the component and the units.
  const index = useServiceIndex(q);
  const spec = index.data?.groups.flatMap((g) => g.components).find((c) => c.key === component);
  const label = spec?.label[lang] ?? component;
  const name = index.data?.unit.name ?? code;
  useDocumentTitle(t('drill.title', { label }));

  const crumbs = (
    <Crumbs
      items={[
        { to: `/can-bo/dieu-hanh${periodSearch(period)}`, label: t('common.title') },
        { to: unitPath(code, periodSearch(period)), label: name },
        { label },
      ]}
    />
  );
  if (!isDrillable(component)) {
    return (
      <div className="db-page">
        {crumbs}
        <h1>{label}</h1>
        <p className="notice notice--warning" data-testid="db-not-drillable">
          {t('drill.notDrillable')}
        </p>
      </div>
    );
  }
  return (
    <DrillList
      component={component}
      procedure={procedure}
      code={code}
      name={name}
      label={label}
      definition={spec?.definition[lang]}
      crumbs={crumbs}
      periodText={periodText}
      unitNames={new Map(index.data?.units.map((u) => [u.unitCode, u.unitName]))}
      procedureName={
        index.data?.procedures.find((p) => p.procedureCode === procedure)?.procedureName
      }
      mayAssign={mayAssignFrom !== null && mayAssignFrom.unitCode !== code}
    />
  );
}

function DrillList(props: {
  component: Parameters<typeof useServiceIndexDrill>[0]['component'];
  procedure: string | undefined;
  code: string;
  name: string;
  label: string;
  definition: string | undefined;
  crumbs: React.ReactNode;
  periodText: string;
  unitNames: Map<string, string>;
  /** The filtered procedure's name, from the index (the drill may have no rows to name it). */
  procedureName: string | undefined;
  mayAssign: boolean;
}) {
  const { t } = useDt();
  const lang = currentLanguage();
  const { component, procedure, code, name, label } = props;
  const [period] = usePeriod();
  const drill = useServiceIndexDrill({
    from: period.from,
    to: period.to,
    unit: code,
    component,
    procedure,
  });
  useReportAsOf(drill.data ? new Date(drill.dataUpdatedAt).toISOString() : undefined);
  const count = drill.data?.items.length ?? 0;
  const mayOpen = useMay('dossiers.read');

  return (
    <div className="db-page" data-testid="db-drill" data-component={component}>
      {props.crumbs}
      <header className="db-head db-head--actions">
        <div>
          <h1 className="db-title-def">
            {t('drill.title', { label })}
            {props.definition ? (
              <Definition label={label} text={props.definition} anchor={component} />
            ) : null}
          </h1>
          <p className="lead">{t('drill.lead', { unit: name, period: props.periodText })}</p>
          {procedure ? (
            <p data-testid="db-drill-procedure">
              {t('drill.procedureFilter', { name: props.procedureName ?? procedure })} ·{' '}
              <Link to={`${unitPath(code)}/chi-tieu/${component}${periodSearch(period)}`}>
                {t('drill.allProcedures')}
              </Link>
            </p>
          ) : null}
        </div>
        {props.mayAssign && count > 0 ? (
          <Link
            to={assignPath(
              code,
              t('drill.assignTitle', { label, unit: name }),
              t('drill.assignDescription', { period: props.periodText, count, label }),
            )}
            className="btn btn--primary"
            data-testid="db-assign"
          >
            {t('unit.assign')}
          </Link>
        ) : null}
      </header>
      <Toolbar
        exportView="service-index-drill"
        exportParams={{ from: period.from, to: period.to, unit: code, component, procedure }}
      />
      <p className="proc-count" role="status" aria-live="polite" data-testid="db-drill-count">
        {drill.data ? t('drill.count', { count }) : ''}
      </p>
      {drill.isPending ? (
        <Loading />
      ) : drill.isError ? (
        <ErrorMessage error={drill.error} onRetry={() => drill.refetch()} />
      ) : drill.data.items.length === 0 ? (
        <p className="empty" data-testid="db-drill-empty">
          {t('drill.none')}
        </p>
      ) : (
        <div className="db-table-wrap">
          <table className="db-table table--stack" data-testid="db-drill-table">
            <thead>
              <tr>
                <th scope="col">{t('drill.code')}</th>
                <th scope="col">{t('drill.procedure')}</th>
                <th scope="col">{t('drill.unit')}</th>
                <th scope="col">{t('drill.accepted')}</th>
                <th scope="col">{t('drill.due')}</th>
                <th scope="col">{t('drill.finished')}</th>
                <th scope="col">{t('drill.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {drill.data.items.map((item) => (
                <tr key={item.dossierId} data-testid="db-drill-row" data-dossier={item.dossierId}>
                  <td data-label={t('drill.code')}>
                    {mayOpen ? (
                      <Link
                        to={`/can-bo/ho-so/${encodeURIComponent(item.dossierId)}`}
                        data-testid="db-drill-dossier"
                      >
                        {item.code ?? item.dossierId.slice(0, 8)}
                      </Link>
                    ) : (
                      <span data-testid="db-drill-dossier">
                        {item.code ?? item.dossierId.slice(0, 8)}
                      </span>
                    )}
                  </td>
                  <td data-label={t('drill.procedure')} className="db-procedure">
                    <ProcedureName code={item.procedureCode} name={item.procedureName} />
                  </td>
                  <td data-label={t('drill.unit')}>
                    {props.unitNames.get(item.unitCode) ?? item.unitCode}
                  </td>
                  <td data-label={t('drill.accepted')}>{when(item.acceptedAt)}</td>
                  <td data-label={t('drill.due')}>{when(item.dueAt)}</td>
                  <td data-label={t('drill.finished')}>{when(item.finishedAt)}</td>
                  <td data-label={t('drill.reasons')}>
                    <ul className="db-reasons">
                      {item.reasons.map((r) => (
                        <li key={r.code} data-reason={r.code}>
                          {r.text[lang]}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {drill.data?.truncated ? (
        <p className="notice notice--warning" data-testid="db-drill-truncated">
          {t('common.truncated', { count: drill.data.items.length })}
        </p>
      ) : null}
    </div>
  );
}
