import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { formatDateTime } from '../processing/format';
import { type AlertLevel, isNotAvailable, useAlerts } from './dashboard-api';
import { ExportButtons } from './export-buttons';
import { useDt } from './i18n';

const levelOrder: Record<AlertLevel, number> = { overdue: 0, below_threshold: 1, due_soon: 2 };
/** A leader reads the first few; the rest open on request (a province can have hundreds). */
const FIRST_ALERTS = 6;
const FIRST_EXAMPLES = 2;

/** Only links inside the app are followed client-side; anything else is shown as text. */
function internal(url: string): string | null {
  return url.startsWith('/') && !url.startsWith('//') ? url : null;
}

/** Due-soon and overdue work and indicators below their threshold, overdue first. */
export function AlertsPanel({ unit }: { unit: string }) {
  const { t } = useDt();
  const alerts = useAlerts(unit);
  const [all, setAll] = useState(false);

  let body: React.ReactNode;
  if (alerts.isPending) body = <Loading />;
  else if (alerts.isError) {
    body = isNotAvailable(alerts.error) ? (
      <p className="notice notice--warning" data-testid="db-alerts-unavailable">
        {t('common.notAvailable')}
      </p>
    ) : (
      <ErrorMessage error={alerts.error} onRetry={() => alerts.refetch()} />
    );
  } else if (alerts.data.items.length === 0) {
    body = (
      <p className="empty" data-testid="db-alerts-none">
        {t('alerts.none')}
      </p>
    );
  } else {
    const items = [...alerts.data.items].sort(
      (a, b) => levelOrder[a.level] - levelOrder[b.level] || b.count - a.count,
    );
    const shown = all ? items : items.slice(0, FIRST_ALERTS);
    body = (
      <>
        <ul className="db-alerts">
          {shown.map((a) => (
            <li
              key={`${a.kind}-${a.level}-${a.unit.code}-${a.indicator?.key ?? ''}`}
              className={`db-alert db-alert--${a.level}`}
              data-testid="db-alert"
              data-level={a.level}
              data-kind={a.kind}
            >
              <div className="db-alert__head">
                <span className={`tag db-level db-level--${a.level}`}>
                  <span aria-hidden="true">
                    {a.level === 'overdue' ? '⚠ ' : a.level === 'due_soon' ? '◔ ' : '▼ '}
                  </span>
                  {t(`alerts.level.${a.level}`)}
                </span>
                <Link
                  className="db-alert__unit"
                  to={`/can-bo/dieu-hanh/don-vi/${encodeURIComponent(a.unit.code)}`}
                >
                  {a.unit.name}
                </Link>
              </div>
              <p className="db-alert__label" data-count={a.count}>
                {a.label}
              </p>
              {a.examples.length ? (
                <ul className="db-alert__examples">
                  {a.examples.slice(0, FIRST_EXAMPLES).map((e) => {
                    const to = internal(e.url);
                    return (
                      <li key={e.ref}>
                        {to ? <Link to={to}>{e.ref}</Link> : <span>{e.ref}</span>} — {e.title}
                        {e.dueAt ? (
                          <span className="db-muted">
                            {' '}
                            ({t('alerts.due', { date: formatDateTime(e.dueAt) })})
                          </span>
                        ) : null}
                      </li>
                    );
                  })}
                  {a.count > a.examples.length ? (
                    <li className="db-muted">
                      {t('alerts.more', { count: a.count - a.examples.length })}
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        {items.length > shown.length ? (
          <button
            type="button"
            className="btn btn--quiet btn--small"
            onClick={() => setAll(true)}
            data-testid="db-alerts-all"
          >
            {t('alerts.showAll', { count: items.length })}
          </button>
        ) : null}
      </>
    );
  }

  return (
    <section
      className="db-section db-alerts-panel"
      aria-labelledby="db-alerts-heading"
      data-testid="db-alerts"
    >
      <h2 id="db-alerts-heading">{t('alerts.heading')}</h2>
      {body}
      {alerts.data ? <ExportButtons view="alerts" params={{ unit }} /> : null}
    </section>
  );
}
