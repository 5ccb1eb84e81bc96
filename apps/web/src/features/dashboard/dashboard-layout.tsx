import { Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/loading';
import { clockTime } from './format';
import { useDt } from './i18n';
import { type LiveChange, type LiveState, useDashboardLive } from './live';
import { DashboardFrameContext, useDashboardViewer } from './use-dashboard';
import '../processing/processing.css';
import './dashboard.css';

/** Announce at most this often: a busy province sends many changes a minute. */
const ANNOUNCE_EVERY_MS = 30_000;

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

/**
 * The frame of every dashboard page (`/can-bo/dieu-hanh/*`): the tabs, the "as of" time, the live
 * stream and a polite announcement when numbers change. Officers without 'dashboard.read' see
 * why instead (the API refuses them as well).
 */
export function DashboardLayout() {
  const { t } = useDt();
  const { home } = useDashboardViewer();
  const location = useLocation();
  // The newest "as of" of the page on screen (a page's own queries report it).
  const path = useRef(location.pathname);
  path.current = location.pathname;
  const [asOf, setAsOf] = useState<{ path: string; iso: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef(0);

  const reportAsOf = useCallback((iso: string | undefined) => {
    if (!iso) return;
    setAsOf((a) =>
      a && a.path === path.current
        ? { path: a.path, iso: later(a.iso, iso) }
        : { path: path.current, iso },
    );
  }, []);
  const frame = useMemo(() => ({ reportAsOf }), [reportAsOf]);

  const onChange = useCallback(
    (change: LiveChange) => {
      setAsOf((a) => (a ? { path: a.path, iso: later(a.iso, change.asOf) } : a));
      const now = Date.now();
      if (now - lastAnnounced.current < ANNOUNCE_EVERY_MS) return;
      lastAnnounced.current = now;
      setAnnouncement(t('asOf.announce', { time: clockTime(change.asOf) }));
    },
    [t],
  );
  const live = useDashboardLive(home?.unitCode ?? null, onChange);
  const shownAsOf = asOf && asOf.path === location.pathname ? asOf.iso : null;

  if (!home) {
    return (
      <div className="db">
        <h1>{t('common.title')}</h1>
        <p className="notice notice--warning" data-testid="db-not-allowed">
          {t('common.notAllowed')}
        </p>
      </div>
    );
  }

  const search = location.search;
  const inOverview = !/^\/can-bo\/dieu-hanh\/(nhiem-vu|thuat-ngu)/.test(location.pathname);
  return (
    <DashboardFrameContext.Provider value={frame}>
      <div className="db" data-testid="db-frame">
        <div className="db-topbar">
          <nav className="proc-tabs db-tabs" aria-label={t('tabs.label')}>
            {/* The overview tab stays current on its drill-down pages (units, components). */}
            <Link
              to={`/can-bo/dieu-hanh${keepPeriod(search)}`}
              className={tabClass({ isActive: inOverview })}
              aria-current={inOverview ? 'page' : undefined}
              data-testid="db-tab-overview"
            >
              {t('tabs.overview')}
            </Link>
            <NavLink
              to={`/can-bo/dieu-hanh/nhiem-vu${keepPeriod(search)}`}
              className={tabClass}
              data-testid="db-tab-tasks"
            >
              {t('tabs.tasks')}
            </NavLink>
            <NavLink
              to="/can-bo/dieu-hanh/thuat-ngu"
              className={tabClass}
              data-testid="db-tab-glossary"
            >
              {t('tabs.glossary')}
            </NavLink>
          </nav>
          <LiveStatus asOf={shownAsOf} live={live} />
        </div>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="db-announce">
          {announcement}
        </p>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </DashboardFrameContext.Provider>
  );
}

function tabClass({ isActive }: { isActive: boolean }) {
  return `proc-tab${isActive ? ' is-active' : ''}`;
}

/** Only the period travels between the tabs (not a drill's filters). */
function keepPeriod(search: string): string {
  const from = new URLSearchParams(search);
  const to = new URLSearchParams();
  for (const key of ['period', 'from', 'to']) {
    const value = from.get(key);
    if (value) to.set(key, value);
  }
  const text = to.toString();
  return text ? `?${text}` : '';
}

function LiveStatus({ asOf, live }: { asOf: string | null; live: LiveState }) {
  const { t } = useDt();
  return (
    <div className="db-live" data-testid="db-live" data-state={live}>
      {asOf ? (
        <span className="db-live__asof" data-testid="db-as-of" data-as-of={asOf}>
          {t('asOf.label', { time: clockTime(asOf) })}
        </span>
      ) : null}
      <span className={`db-live__state db-live__state--${live}`}>
        <span className="db-live__dot" aria-hidden="true" />
        {t(`asOf.${live === 'live' ? 'live' : live}`)}
      </span>
    </div>
  );
}
