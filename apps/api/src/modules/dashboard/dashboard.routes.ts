import {
  ApiError,
  DashboardTeams,
  DashboardTeamsQuery,
  FeedbackDrill,
  FeedbackDrillQuery,
  FeedbackIndicators,
  FeedbackIndicatorsQuery,
  ServiceIndex,
  ServiceIndexDrill,
  ServiceIndexDrillQuery,
  ServiceIndexQuery,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireOfficer } from '../../http/auth';
import type { DashboardFeedbackService } from './dashboard.feedback.service';
import type { DashboardService } from './dashboard.service';
import type { DashboardTeamsService } from './dashboard.teams';

const tags = ['dashboard'];
const officer = { access: 'officer' as const };

/**
 * Service index (Decision 766), feedback and community-team indicators, for officers with
 * 'dashboard.read' over the unit asked for (it and every unit below it).
 */
export function dashboardRoutes(
  app: FastifyInstance,
  deps: {
    dashboard: DashboardService;
    feedback: DashboardFeedbackService;
    teams: DashboardTeamsService;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { dashboard, feedback, teams } = deps;

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

  r.get(
    '/api/dashboard/feedback',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Feedback indicators of a unit and the units below it over [from, to]: received, answered on time or late, open past due, handling hours, ratings; per category and per unit',
        description:
          'Reports received in the period by the responsible unit; rejected ones counted apart. Definitions of every number in `definitions` (docs/DASHBOARD.md).',
        querystring: FeedbackIndicatorsQuery,
        response: { 200: FeedbackIndicators, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => feedback.indicators(requireOfficer(req), req.query),
  );

  r.get(
    '/api/dashboard/feedback/drill',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Feedback reports behind a number (overdue, answered late, unsatisfied, not on time, all), each with why (overdue by N working days, answered N working days late, rated 2/5…)',
        querystring: FeedbackDrillQuery,
        response: { 200: FeedbackDrill, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => feedback.drill(requireOfficer(req), req.query),
  );

  r.get(
    '/api/dashboard/teams',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Community digital technology teams per commune: teams, members, residents helped, VNeID accounts linked, dossiers assisted',
        querystring: DashboardTeamsQuery,
        response: { 200: DashboardTeams, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => teams.indicators(requireOfficer(req), req.query),
  );
}
