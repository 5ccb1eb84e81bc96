import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import type { TaskQueries } from '../tasks/tasks.queries';
import { AlertsService, type ExtraRates } from './dashboard.alerts';
import { dashboardAlertsRoutes } from './dashboard.alerts.routes';
import { AlertSettingsService } from './dashboard.alerts.settings';
import { DigestWorker } from './dashboard.digest';
import { DashboardExports } from './dashboard.exports';
import { dashboardExportRoutes } from './dashboard.exports.routes';
import { DashboardFeedbackService } from './dashboard.feedback.service';
import { LiveHub } from './dashboard.live';
import { LiveChangesRepository } from './dashboard.live.repository';
import { dashboardLiveRoutes } from './dashboard.live.routes';
import type { DashboardService } from './dashboard.service';

export interface DashboardOpsConfig {
  /** Live: how often this process's one poller reads the change markers. */
  livePollMs: number;
  /** Daily digest: the Vietnam hour (0–23) from which the day's digest is sent. */
  digestHour: number;
  provinceCode: string;
}

export interface DashboardOpsDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  calendar: CalendarService;
  dashboard: DashboardService;
  tasks: TaskQueries;
  ops: DashboardOpsConfig;
  extraRates?: ExtraRates;
  /** The feedback indicators (issue 7 §2), for the feedback views' exports. */
  feedback?: DashboardFeedbackService;
}

export interface DashboardOps {
  alerts: AlertsService;
  settings: AlertSettingsService;
  live: LiveHub;
  /** The leaders' daily digest; server.ts starts one per process (the outbox key dedupes). */
  createDigestWorker(options: {
    intervalMs: number;
    logger: { error(obj: unknown, msg?: string): void };
  }): DigestWorker;
}

/** Issue 7 §5–§7 around the dashboard: live notices, alerts and thresholds, exports, digest. */
export function registerDashboardOps(
  server: FastifyInstance,
  deps: DashboardOpsDeps,
): DashboardOps {
  const { db, clock, policy, calendar, dashboard } = deps;
  const live = new LiveHub(new LiveChangesRepository(db), clock, {
    pollMs: deps.ops.livePollMs,
    minGapMs: 1000,
    logger: server.log,
  });
  dashboardLiveRoutes(server, { dashboard, hub: live, clock });
  const settings = new AlertSettingsService({
    db,
    clock,
    policy,
    provinceCode: deps.ops.provinceCode,
  });
  const alerts = new AlertsService({
    db,
    clock,
    calendar,
    dashboard,
    settings,
    ...(deps.extraRates ? { extraRates: deps.extraRates } : {}),
  });
  dashboardAlertsRoutes(server, { alerts, settings });
  const exports = new DashboardExports({
    db,
    clock,
    policy,
    dashboard,
    alerts,
    tasks: deps.tasks,
    feedback:
      deps.feedback ?? new DashboardFeedbackService({ db, clock, calendar, access: dashboard }),
  });
  dashboardExportRoutes(server, { exports });
  return {
    alerts,
    settings,
    live,
    createDigestWorker: (options) =>
      new DigestWorker({ db, clock, calendar, alerts, hour: deps.ops.digestHour, ...options }),
  };
}
