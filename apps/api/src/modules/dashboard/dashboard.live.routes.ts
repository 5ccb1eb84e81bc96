import type { ServerResponse } from 'node:http';
import { ApiError, DashboardLiveQuery } from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireOfficer } from '../../http/auth';
import type { Clock } from '../../lib/clock';
import type { LiveHub } from './dashboard.live';
import type { DashboardService } from './dashboard.service';

/** A comment line keeps proxies and the browser from timing the idle stream out. */
const PING_MS = 15_000;
/**
 * A stream ends after this long and the browser's EventSource reconnects by itself (after
 * `retry`): the reconnection goes through sign-in and the access check again, so a revoked
 * session or grant stops receiving notices within minutes.
 */
const MAX_LIFETIME_MS = 10 * 60_000;
const RETRY_MS = 3_000;

/**
 * `GET /api/dashboard/live?unit=` — server-sent events telling a dashboard viewer that numbers
 * in their scope changed: `ready` once, then `changed` (debounced), and a `: ping` comment.
 */
export function dashboardLiveRoutes(
  app: FastifyInstance,
  deps: { dashboard: DashboardService; hub: LiveHub; clock: Clock },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const open = new Set<ServerResponse>();
  // Open streams would otherwise hold server.close() until their clients leave.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    await deps.hub.close();
  });

  r.get(
    '/api/dashboard/live',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['dashboard'],
        summary: 'Live change notices (text/event-stream) for the unit and the units below it',
        description:
          'Events: `ready` {asOf, unit} once; `changed` {asOf, kinds: ["dossiers"|"feedback"|"tasks"], units: [codes]} within about two seconds of a committed change in scope, at most one per second; a `: ping` comment every 15 s. The stream ends after 10 minutes; EventSource reconnects (`retry: 3000`) through the access check again.',
        querystring: DashboardLiveQuery,
        response: { 400: ApiError, 401: ApiError, 403: ApiError },
      },
    },
    async (req, reply) => {
      const actor = requireOfficer(req);
      // Checked before the stream opens, so a refusal is an ordinary JSON 403.
      const { unit, units } = await deps.dashboard.scope(actor, req.query.unit);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'x-request-id': req.id,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      open.add(res);
      const write = (text: string) => {
        if (!res.writableEnded && !res.destroyed) res.write(text);
      };
      let unsubscribe: (() => void) | null = null;
      let ended = false;
      const ping = setInterval(() => write(': ping\n\n'), PING_MS);
      const lifetime = setTimeout(() => res.end(), MAX_LIFETIME_MS);
      const cleanup = () => {
        if (ended) return;
        ended = true;
        clearInterval(ping);
        clearTimeout(lifetime);
        open.delete(res);
        unsubscribe?.();
      };
      res.on('close', cleanup);
      try {
        const stop = await deps.hub.subscribe(new Set(units), (changed) =>
          write(`event: changed\ndata: ${JSON.stringify(changed)}\n\n`),
        );
        if (ended) stop();
        else unsubscribe = stop;
      } catch (error) {
        req.log.error({ err: error }, 'dashboard live subscribe');
        res.end();
        return;
      }
      const ready = { asOf: deps.clock.now().toISOString(), unit };
      write(`retry: ${RETRY_MS}\nevent: ready\ndata: ${JSON.stringify(ready)}\n\n`);
    },
  );
}
