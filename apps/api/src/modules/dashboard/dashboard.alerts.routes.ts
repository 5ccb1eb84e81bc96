import {
  AlertSettings,
  AlertSettingsUpdate,
  ApiError,
  DashboardAlerts,
  DashboardAlertsQuery,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireOfficer } from '../../http/auth';
import type { AlertsService } from './dashboard.alerts';
import type { AlertSettingsService } from './dashboard.alerts.settings';

const tags = ['dashboard'];
const officer = { access: 'officer' as const };

/** Alerts of a unit and below; the province-wide indicator thresholds. */
export function dashboardAlertsRoutes(
  app: FastifyInstance,
  deps: { alerts: AlertsService; settings: AlertSettingsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/dashboard/alerts',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Alerts of the unit and the units below it: dossiers, feedback reports and tasks due soon (by the end of the next working day) or overdue, and indicators below their threshold',
        querystring: DashboardAlertsQuery,
        response: { 200: DashboardAlerts, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => deps.alerts.alerts(requireOfficer(req), req.query),
  );

  r.get(
    '/api/dashboard/alert-settings',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Alert thresholds of every indicator (built-in defaults until changed)',
        response: { 200: AlertSettings, 403: ApiError },
      },
    },
    async (req) => deps.settings.read(requireOfficer(req)),
  );

  r.put(
    '/api/dashboard/alert-settings',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Change alert thresholds (province and system administrators); the indicators listed are replaced, the others kept; audited',
        body: AlertSettingsUpdate,
        response: { 200: AlertSettings, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => deps.settings.update(requireOfficer(req), req.body, req.id),
  );
}
