import type { FastifyInstance } from 'fastify';
import { DashboardFeedbackService } from './dashboard.feedback.service';
import {
  type DashboardOps,
  type DashboardOpsDeps,
  registerDashboardOps,
} from './dashboard.ops.module';
import { backfillRollups } from './dashboard.rollup';
import { dashboardRoutes } from './dashboard.routes';
import { type DashboardDeps, DashboardService } from './dashboard.service';
import { DashboardTeamsService } from './dashboard.teams';

export { dashboardRollupSink } from './dashboard.rollup';

export interface DashboardModule {
  dashboard: DashboardService;
  /** Feedback indicators and their drill-down (issue 7 §2). */
  feedback: DashboardFeedbackService;
  ops: DashboardOps;
}

/**
 * Operations dashboard (issue 7), service index part. The rollup sink is added to
 * `dossierEventSinks` in app.ts; dossiers that existed before it are folded in once here.
 */
export async function registerDashboard(
  server: FastifyInstance,
  deps: DashboardDeps & Omit<DashboardOpsDeps, 'dashboard'>,
): Promise<DashboardModule> {
  await backfillRollups(deps.db, deps.clock);
  const dashboard = new DashboardService(deps);
  const feedback = new DashboardFeedbackService({ ...deps, access: dashboard });
  dashboardRoutes(server, {
    dashboard,
    feedback,
    teams: new DashboardTeamsService({ ...deps, access: dashboard }),
  });
  // Live notices, alerts and thresholds, exports, daily digest (issue 7 §5–§7).
  const ops = registerDashboardOps(server, {
    ...deps,
    dashboard,
    feedback,
    extraRates: {
      feedback_on_time: (units, from, to) => feedback.onTimeRates(units, from, to),
      ...deps.extraRates,
    },
  });
  return { dashboard, feedback, ops };
}
