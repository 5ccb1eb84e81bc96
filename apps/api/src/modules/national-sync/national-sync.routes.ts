import {
  NationalSyncAck,
  NationalSyncIdParam,
  NationalSyncList,
  NationalSyncListQuery,
  NationalSyncPayload,
  NationalSyncRetryResult,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer } from '../../http/auth';
import { AppError } from '../../http/errors';
import { safeEqual } from '../../lib/tokens';
import type { NationalSyncAdmin } from './national-sync.service';

export const NATIONAL_PORTAL_SIMULATOR_PATH = '/api/dev/national-portal';

export interface NationalSyncRouteDeps {
  admin: NationalSyncAdmin;
  /**
   * The built-in portal simulator is registered only with a token (demo and test mode without
   * NATIONAL_SYNC_URL); it accepts only requests that carry this token, as the portal would.
   */
  simulatorToken: string | null;
}

export function nationalSyncRoutes(app: FastifyInstance, deps: NationalSyncRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['national-sync'];

  r.get(
    '/api/admin/national-sync',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Records of the national-portal (DVCQG) sync feed by state, newest first',
        querystring: NationalSyncListQuery,
        response: { 200: NationalSyncList },
      },
    },
    async (request) => deps.admin.list(requireOfficer(request), request.query),
  );

  r.post(
    '/api/admin/national-sync/:id/retry',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Send a failed record again (failed → pending, attempts reset)',
        params: NationalSyncIdParam,
        response: { 200: NationalSyncRetryResult },
      },
    },
    async (request) => deps.admin.retry(requireOfficer(request), request.params.id, request.id),
  );

  r.post(
    '/api/admin/national-sync/retry-failed',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Send every failed record again',
        response: { 200: NationalSyncRetryResult },
      },
    },
    async (request) => deps.admin.retryAllFailed(requireOfficer(request), request.id),
  );

  const token = deps.simulatorToken;
  if (token) {
    r.post(
      NATIONAL_PORTAL_SIMULATOR_PATH,
      {
        // Called by our own worker with a bearer token, never by a browser session.
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'DEMO ONLY: stands in for the national portal — checks the token and the record format',
          headers: z.object({ authorization: z.string().optional() }).passthrough(),
          body: z.unknown(),
          response: { 200: NationalSyncAck },
        },
      },
      async (request) => {
        const header = request.headers.authorization ?? '';
        if (!safeEqual(header, `Bearer ${token}`)) throw new AppError('UNAUTHENTICATED');
        const parsed = NationalSyncPayload.safeParse(request.body);
        if (!parsed.success) {
          throw new AppError('VALIDATION_FAILED', {
            fields: parsed.error.issues.map((i) => ({
              path: i.path.join('.'),
              message: i.message,
            })),
          });
        }
        return { ok: true as const, MaHoSo: parsed.data.MaHoSo };
      },
    );
  }
}
