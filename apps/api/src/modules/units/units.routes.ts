import {
  LocateQuery,
  UnitCode,
  UnitDetail,
  UnitList,
  UnitListQuery,
  UnitSummary,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UnitsService } from './units.service';

export function unitsRoutes(app: FastifyInstance, units: UnitsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/units',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'List and search administrative units (diacritic-insensitive)',
        querystring: UnitListQuery,
        response: { 200: UnitList },
      },
    },
    async (request) => units.list(request.query),
  );

  r.get(
    '/api/units/locate',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Find the commune or ward that contains a point (WGS 84)',
        querystring: LocateQuery,
        response: { 200: UnitSummary },
      },
    },
    async (request) => units.locate(request.query.lon, request.query.lat),
  );

  r.get(
    '/api/units/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'One administrative unit with the former units merged into it',
        params: z.object({ code: UnitCode }).strict(),
        response: { 200: UnitDetail },
      },
    },
    async (request) => units.get(request.params.code),
  );
}
