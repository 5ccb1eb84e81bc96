import {
  DossierDetail,
  DossierList,
  DraftCreate,
  DraftList,
  DraftUpdate,
  DraftView,
  FormSchema,
  IdParam,
  RatingBody,
  SubmitDraft,
  SubmitResult,
  TrackingQuery,
  TrackingView,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../../http/auth';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import type { DossierQueries } from './dossiers.queries';
import type { DraftsService } from './drafts.service';
import type { SubmissionService } from './submission.service';

export interface DossierRouteDeps {
  drafts: DraftsService;
  submission: SubmissionService;
  queries: DossierQueries;
  trackingRatePerMinute: number;
}

const ProcedureCodeParam = z
  .object({ code: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193') })
  .strict();

export function dossierRoutes(app: FastifyInstance, deps: DossierRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dossiers'];

  r.get(
    '/api/procedures/:code/form',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The e-form of a procedure (version in force)',
        params: ProcedureCodeParam,
        response: { 200: FormSchema },
      },
    },
    async (request) => deps.drafts.formFor(request.params.code, request.actor),
  );

  r.post(
    '/api/drafts',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Start an online dossier (a draft, prefilled from the identity)',
        body: DraftCreate,
        response: { 201: DraftView },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await deps.drafts.create(requireSignedIn(request), request.body.procedureCode)),
  );

  r.get(
    '/api/drafts',
    {
      config: { access: 'resident' },
      schema: { tags, summary: 'My unfinished drafts', response: { 200: DraftList } },
    },
    async (request) => deps.drafts.list(requireSignedIn(request)),
  );

  r.get(
    '/api/drafts/:id',
    {
      config: { access: 'resident' },
      schema: { tags, summary: 'One of my drafts', params: IdParam, response: { 200: DraftView } },
    },
    async (request) => deps.drafts.get(requireSignedIn(request), request.params.id),
  );

  r.put(
    '/api/drafts/:id',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Save a draft as the resident types',
        params: IdParam,
        body: DraftUpdate,
        response: { 200: DraftView },
      },
    },
    async (request) =>
      deps.drafts.update(requireSignedIn(request), request.params.id, request.body),
  );

  r.delete(
    '/api/drafts/:id',
    {
      config: { access: 'resident' },
      schema: { tags, summary: 'Discard a draft', params: IdParam, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deps.drafts.remove(requireSignedIn(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/drafts/:id/submit',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Submit a draft (requires an Idempotency-Key header)',
        params: IdParam,
        body: SubmitDraft,
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        response: { 201: SubmitResult },
      },
    },
    async (request, reply) => {
      const key = parseIdempotencyKey(request.headers['idempotency-key']);
      const result = await deps.submission.submit(
        requireSignedIn(request),
        request.params.id,
        request.body,
        key,
        request.id,
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/my/dossiers',
    {
      config: { access: 'resident' },
      schema: { tags, summary: 'My dossiers', response: { 200: DossierList } },
    },
    async (request) => deps.queries.listMine(requireSignedIn(request)),
  );

  r.get(
    '/api/my/dossiers/:id',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'One of my dossiers with its timeline',
        params: IdParam,
        response: { 200: DossierDetail },
      },
    },
    async (request) => deps.queries.getMine(requireSignedIn(request), request.params.id),
  );

  r.post(
    '/api/my/dossiers/:id/rating',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Rate the handling of a dossier (1–5 stars) after the result',
        params: IdParam,
        body: RatingBody,
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await deps.queries.rate(
        requireSignedIn(request),
        request.params.id,
        request.body,
        request.id,
      );
      return reply.code(201).send({ ok: true as const });
    },
  );

  r.get(
    '/api/tracking',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.trackingRatePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Public look-up by dossier code + last 4 digits of phone or ID number',
        querystring: TrackingQuery,
        response: { 200: TrackingView },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deps.queries.track(request.query.code, request.query.last4);
    },
  );
}
