import {
  ApiError,
  AssistedCodeVerify,
  AssistedDemoMessages,
  AssistedList,
  AssistedListQuery,
  AssistedStart,
  AssistedUpdate,
  AssistedView,
  SubmitResult,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../config';
import { requireOfficer } from '../../http/auth';
import { AppError } from '../../http/errors';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import { renderNotification } from '../notifications/notifications.render';
import { maskPhone } from './assisted.common';
import type { AssistedConsentService } from './assisted.consent';
import type { AssistedRepository } from './assisted.repository';
import type { AssistedService } from './assisted.service';
import type { AssistedSignInConsent } from './assisted.signin';

export interface AssistedRouteDeps {
  assisted: AssistedService;
  consent: AssistedConsentService;
  signIn: AssistedSignInConsent;
  repository: AssistedRepository;
  config: AppConfig;
}

const IdParam = z.object({ id: z.uuid() });
const tags = ['teams'];
const base = '/api/officer/teams/assist';

/**
 * Assisted submission routes (issue 8 §3), for a team member's officer account. Every route reads
 * only the member's own records: another member's answer "not found".
 */
export function assistedRoutes(app: FastifyInstance, deps: AssistedRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const officer = { access: 'officer' as const };

  r.get(
    base,
    {
      config: officer,
      schema: {
        tags,
        summary: 'The dossiers I helped residents with (mine only), newest first',
        querystring: AssistedListQuery,
        response: { 200: AssistedList },
      },
    },
    async (req) => deps.assisted.list(requireOfficer(req), req.query),
  );

  r.post(
    base,
    {
      config: officer,
      schema: {
        tags,
        summary:
          "Start a dossier for a resident (teams.assist): procedure, resident's name, phone, optional ID number",
        body: AssistedStart,
        response: { 201: AssistedView, 400: ApiError, 403: ApiError },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await deps.assisted.start(requireOfficer(req), req.body, req.id)),
  );

  r.get(
    `${base}/:id`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'One of my assisted dossiers (form while a draft, status once submitted)',
        params: IdParam,
        response: { 200: AssistedView, 404: ApiError },
      },
    },
    async (req) => deps.assisted.get(requireOfficer(req), req.params.id),
  );

  r.put(
    `${base}/:id`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Save the form as it is typed (a later change makes an earlier consent stale)',
        params: IdParam,
        body: AssistedUpdate,
        response: { 200: AssistedView, 404: ApiError, 409: ApiError },
      },
    },
    async (req) => deps.assisted.update(requireOfficer(req), req.params.id, req.body),
  );

  r.post(
    `${base}/:id/cancel`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Cancel a draft (codes sent for it stop working)',
        params: IdParam,
        response: { 200: AssistedView, 404: ApiError, 409: ApiError },
      },
    },
    async (req) => deps.assisted.cancel(requireOfficer(req), req.params.id, req.id),
  );

  r.post(
    `${base}/:id/consent/code`,
    {
      config: {
        ...officer,
        // A backstop per account; the service also allows one code a minute and five an hour.
        rateLimit: {
          max: 10,
          timeWindow: '10 minutes',
          hook: 'preHandler',
          keyGenerator: (req) =>
            req.actor.kind === 'anonymous' ? req.ip : `assist-code:${req.actor.userId}`,
        },
      },
      schema: {
        tags,
        summary:
          "Send a 6-digit one-time code to the resident's phone (SMS through the outbox); 10 minutes, 5 attempts",
        params: IdParam,
        response: { 200: AssistedView, 404: ApiError, 409: ApiError, 429: ApiError },
      },
    },
    async (req) => deps.consent.requestCode(requireOfficer(req), req.params.id, req.id),
  );

  r.post(
    `${base}/:id/consent/code/verify`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Check the code the resident reads out; a right code records their consent',
        params: IdParam,
        body: AssistedCodeVerify,
        response: { 200: AssistedView, 400: ApiError, 404: ApiError, 429: ApiError },
      },
    },
    async (req) =>
      deps.consent.verifyCode(requireOfficer(req), req.params.id, req.body.code, req.id),
  );

  r.get(
    `${base}/:id/consent/sign-in`,
    {
      config: officer,
      schema: {
        tags,
        summary:
          "Send the member's browser to the identity provider for the resident to sign in and consent (no session is created; back to the consent page)",
        params: IdParam,
      },
    },
    async (req, reply) => deps.signIn.startSignIn(requireOfficer(req), req.params.id, reply),
  );

  r.post(
    `${base}/:id/submit`,
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Submit through the normal path once the resident consented to this content (requires an Idempotency-Key header)',
        params: IdParam,
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        response: { 201: SubmitResult, 404: ApiError, 409: ApiError, 422: ApiError },
      },
    },
    async (req, reply) => {
      const key = parseIdempotencyKey(req.headers['idempotency-key']);
      const result = await deps.assisted.submit(requireOfficer(req), req.params.id, key, req.id);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    `${base}/:id/demo-messages`,
    {
      config: officer,
      schema: {
        tags,
        summary:
          "DEMO MODE ONLY: the texts queued for the resident's phone (there is no real phone in a demo); 404 in production",
        params: IdParam,
        response: { 200: AssistedDemoMessages, 404: ApiError },
      },
    },
    async (req, reply) => {
      if (deps.config.mode !== 'demo') throw new AppError('NOT_FOUND');
      const record = await deps.assisted.owned(requireOfficer(req), req.params.id);
      reply.header('cache-control', 'no-store');
      const rows = await deps.repository.demoMessages(record.id);
      const ctx = {
        publicUrl: deps.config.publicUrl,
        portalName: `Chính quyền số tỉnh ${deps.config.province.name}`,
      };
      return {
        demo: true as const,
        items: rows.map((m) => ({
          to: maskPhone(m.recipient),
          text: renderNotification(m.template, m.payload, ctx).short,
          at: new Date(m.created_at).toISOString(),
        })),
      };
    },
  );
}
