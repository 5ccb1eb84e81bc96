import type { FastifyInstance } from 'fastify';
import { backfillRollups } from './dashboard.rollup';
import { dashboardRoutes } from './dashboard.routes';
import { type DashboardDeps, DashboardService } from './dashboard.service';

export { dashboardRollupSink } from './dashboard.rollup';

/**
 * Operations dashboard (issue 7), service index part. The rollup sink is added to
 * `dossierEventSinks` in app.ts; dossiers that existed before it are folded in once here.
 */
export async function registerDashboard(
  server: FastifyInstance,
  deps: DashboardDeps,
): Promise<{ dashboard: DashboardService }> {
  await backfillRollups(deps.db, deps.clock);
  const dashboard = new DashboardService(deps);
  dashboardRoutes(server, { dashboard });
  return { dashboard };
}
