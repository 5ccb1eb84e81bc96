import { ApiError, DashboardExportQuery } from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer } from '../../http/auth';
import type { DashboardExports } from './dashboard.exports';
import { contentDisposition } from './dashboard.exports.model';

/** `GET /api/dashboard/export` — a dashboard view as an .xlsx or .pdf attachment, audited. */
export function dashboardExportRoutes(
  app: FastifyInstance,
  deps: { exports: DashboardExports },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/dashboard/export',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['dashboard'],
        summary:
          'Export a dashboard view (service-index, service-index-drill, feedback, feedback-drill, alerts, tasks) to Excel or PDF',
        description:
          "The other parameters are the view's own (e.g. from, to, unit; component for service-index-drill; filter, category for feedback-drill; status, priority, escalated for tasks). The numbers come from the same services as the view's JSON route; every export writes an audit row `dashboard.export`.",
        querystring: DashboardExportQuery,
        response: {
          200: z.any().describe('The file (xlsx or pdf) as an attachment'),
          400: ApiError,
          403: ApiError,
        },
      },
    },
    async (req, reply) => {
      const file = await deps.exports.export(requireOfficer(req), req.query, req.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
