import {
  ProcedureCode,
  ProcedureDetail,
  ProcedureDetailQuery,
  ProcedureFieldList,
  ProcedureList,
  ProcedureListQuery,
  ProcedureVersionList,
  ProcedureVersionSummary,
  PublishProcedureVersion,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer } from '../../http/auth';
import type { CatalogueService } from './catalogue.service';

const CodeParams = z.object({ code: ProcedureCode }).strict();

export function catalogueRoutes(app: FastifyInstance, deps: { catalogue: CatalogueService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { catalogue } = deps;

  r.get(
    '/api/procedures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Search the procedure catalogue (diacritic-, typo- and synonym-tolerant); without q, list by name',
        querystring: ProcedureListQuery,
        response: { 200: ProcedureList },
      },
    },
    async (request) => catalogue.list(request.query),
  );

  r.get(
    '/api/procedures/fields',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'The fields (lĩnh vực) of the catalogue with their procedure counts',
        response: { 200: ProcedureFieldList },
      },
    },
    async () => catalogue.fields(),
  );

  r.get(
    '/api/procedures/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalogue'],
        summary: 'One procedure: the version in force, local settings and where to submit',
        params: CodeParams,
        querystring: ProcedureDetailQuery,
        response: { 200: ProcedureDetail },
      },
    },
    async (request) =>
      catalogue.get(request.params.code, {
        actor: request.actor,
        ...(request.query.commune ? { communeCode: request.query.commune } : {}),
      }),
  );

  r.get(
    '/api/admin/procedures/:code/versions',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['catalogue'],
        summary: 'All versions of a procedure with their local settings',
        params: CodeParams,
        response: { 200: ProcedureVersionList },
      },
    },
    async (request) => catalogue.listVersions(request.params.code),
  );

  r.post(
    '/api/admin/procedures/:code/versions',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['catalogue'],
        summary: 'Publish a new version with new local settings (province administrators)',
        params: CodeParams,
        body: PublishProcedureVersion,
        response: { 201: ProcedureVersionSummary },
      },
    },
    async (request, reply) => {
      const officer = requireOfficer(request);
      const version = await catalogue.publish(
        officer,
        request.params.code,
        request.body,
        request.id,
      );
      return reply.code(201).send(version);
    },
  );
}
