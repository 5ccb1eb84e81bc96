import {
  AcceptDossierBody,
  AcceptDossierResult,
  ReceptionDossierParams,
  ReceptionQueue,
  ReceptionQueueQuery,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireOfficer } from '../../http/auth';
import type { ReceptionService } from './reception.service';

export function receptionRoutes(app: FastifyInstance, deps: { reception: ReceptionService }): void {
  const { reception } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/officer/reception',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['reception'],
        summary: 'Online dossiers of a unit waiting for reception (status 1), oldest first',
        querystring: ReceptionQueueQuery,
        response: { 200: ReceptionQueue },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const { unitCode, limit } = request.query;
      return { items: await reception.queue(actor, unitCode, limit) };
    },
  );

  r.post(
    '/api/officer/dossiers/:id/accept',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['reception'],
        summary: 'Accept a dossier: issues its official code and due date (status 1 → 2)',
        description:
          'expectedRowVersion is the rowVersion the officer saw; 409 DOSSIER_CHANGED when another officer acted first.',
        params: ReceptionDossierParams,
        body: AcceptDossierBody,
        response: { 200: AcceptDossierResult },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      return reception.accept(
        actor,
        request.params.id,
        request.body.expectedRowVersion,
        request.id,
      );
    },
  );
}
