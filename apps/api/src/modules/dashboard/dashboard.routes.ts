import {
  ApiError,
  ServiceIndex,
  ServiceIndexDrill,
  ServiceIndexDrillQuery,
  ServiceIndexQuery,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireOfficer } from '../../http/auth';
import type { DashboardService } from './dashboard.service';

const tags = ['dashboard'];
const officer = { access: 'officer' as const };

/** Service index (Decision 766) for officers with 'dashboard.read' over the unit asked for. */
export function dashboardRoutes(app: FastifyInstance, deps: { dashboard: DashboardService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { dashboard } = deps;

  r.get(
    '/api/dashboard/service-index',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Decision 766 service index of a unit and the units below it over [from, to]: groups, components with points and definitions, per unit and per procedure',
        description:
          'Components the platform cannot measure are `status: "no_data"` with the reason. Read from rollups kept by a dossier-event sink (docs/DASHBOARD.md).',
        querystring: ServiceIndexQuery,
        response: { 200: ServiceIndex, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => dashboard.serviceIndex(requireOfficer(req), req.query),
  );

  r.get(
    '/api/dashboard/service-index/drill',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Dossiers that lost points on one component, with why (late by N working days, second supplement request, no e-result, not paid online…)',
        querystring: ServiceIndexDrillQuery,
        response: { 200: ServiceIndexDrill, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => dashboard.drill(requireOfficer(req), req.query),
  );
}
