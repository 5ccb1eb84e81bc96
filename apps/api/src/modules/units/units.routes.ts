import {
  CommuneMap,
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
    '/api/units/map',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Simplified boundaries of every commune, for drawing the province as SVG',
        description:
          'Rings are closed, rounded to 4 decimals and listed flat per commune (outer rings and holes): draw with fill-rule evenodd. Cached for a day; answers 304 to a matching If-None-Match.',
        response: { 200: CommuneMap, 304: z.null() },
      },
    },
    async (request, reply) => {
      const { json, etag } = await units.map();
      reply.header('cache-control', 'public, max-age=86400').header('etag', etag);
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
      // Already serialised once for all requests: a string body skips the response serialiser.
      return reply.type('application/json; charset=utf-8').send(json as unknown as CommuneMap);
    },
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

/** RFC 9110 §13.1.2: weak comparison against a list of entity tags or "*". */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
