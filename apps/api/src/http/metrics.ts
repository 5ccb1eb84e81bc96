import type { FastifyInstance } from 'fastify';
import client from 'prom-client';

/** Prometheus metrics on a registry owned by this app instance (tests build many apps). */
export function registerMetrics(app: FastifyInstance): client.Registry {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'cqs_' });
  const duration = new client.Histogram({
    name: 'cqs_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        // The route pattern, never the raw URL: raw URLs carry ids and would explode cardinality.
        route: request.routeOptions.url ?? 'not_found',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  return registry;
}
