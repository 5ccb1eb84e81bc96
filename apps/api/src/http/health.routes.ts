import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type client from 'prom-client';
import { z } from 'zod';
import { sendError } from './errors';

const Health = z.object({ status: z.literal('ok') });

export function healthRoutes(
  app: FastifyInstance,
  ping: () => Promise<void>,
  registry: client.Registry,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/healthz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags: ['ops'], summary: 'Liveness', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['ops'],
        summary: 'Readiness: the database answers',
        response: { 200: Health },
      },
    },
    async (request, reply) => {
      try {
        await Promise.race([
          ping(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('database ping timed out')), 2_000).unref(),
          ),
        ]);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'not ready');
        return sendError(request, reply, 'NOT_READY');
      }
    },
  );

  r.get(
    '/metrics',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags: ['ops'], summary: 'Prometheus metrics', hide: true },
    },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
