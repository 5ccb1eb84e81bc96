import { Open311ClientCreate, Open311ClientCreated, Open311ClientList } from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors';
import type { AccessPolicy } from '../access/policy';
import type { Open311Clients } from './open311.clients';

/**
 * Province administrators manage the systems that may file reports through Open311 (the same
 * permission as the national-portal link: both are the province's integrations).
 */
export function open311AdminRoutes(
  app: FastifyInstance,
  deps: { clients: Open311Clients; policy: AccessPolicy; provinceCode: string },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];
  const assertAdmin = (actor: Parameters<AccessPolicy['assert']>[0]) =>
    deps.policy.assert(actor, 'sync.manage', deps.provinceCode);

  r.get(
    '/api/admin/open311/clients',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Open311 clients (never their keys)',
        response: { 200: Open311ClientList },
      },
    },
    async (request) => {
      await assertAdmin(request.actor);
      const rows = await deps.clients.list();
      return {
        items: rows.map((c) => ({
          id: c.id,
          name: c.name,
          active: c.active,
          isDemo: c.is_demo,
          createdAt: c.created_at.toISOString(),
        })),
      };
    },
  );

  r.post(
    '/api/admin/open311/clients',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Add an Open311 client; its API key is shown in this answer only',
        body: Open311ClientCreate,
        response: { 201: Open311ClientCreated },
      },
    },
    async (request, reply) => {
      await assertAdmin(request.actor);
      const created = await deps.clients.create(request.actor, request.body.name, request.id);
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  r.post(
    '/api/admin/open311/clients/:id/deactivate',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Turn an Open311 client off (its key stops working)',
        params: z.object({ id: z.uuid() }).strict(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await assertAdmin(request.actor);
      if (!(await deps.clients.deactivate(request.actor, request.params.id, request.id))) {
        throw new AppError('NOT_FOUND');
      }
      return reply.code(204).send(null);
    },
  );
}
