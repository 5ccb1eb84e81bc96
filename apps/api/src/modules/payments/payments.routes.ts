import {
  IdParam,
  PaymentCreate,
  PaymentReceipt,
  PaymentStatus,
  PaymentView,
  PaymentWebhook,
  PaymentWebhookResult,
} from '@cqs/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../../http/auth';
import { AppError } from '../../http/errors';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import type { PaymentConfirmation } from './payments.confirm';
import type { PaymentsService } from './payments.service';

export interface PaymentRouteDeps {
  payments: PaymentsService;
  confirmation: PaymentConfirmation;
  /** The bank simulator is registered only when true (demo mode and tests). */
  simulator: boolean;
}

export function paymentsRoutes(app: FastifyInstance, deps: PaymentRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];

  r.post(
    '/api/drafts/:id/payment',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'VietQR payment code for the online fee of my draft (Idempotency-Key optional)',
        params: IdParam,
        body: PaymentCreate.optional(),
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        response: { 200: PaymentView, 201: PaymentView },
      },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const result = await deps.payments.createForDraft(
        requireSignedIn(request),
        request.params.id,
        header === undefined ? null : parseIdempotencyKey(header),
        request.id,
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.statusCode === 201 ? 201 : 200).send(result.body);
    },
  );

  r.get(
    '/api/payments/:id',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'State of my payment (for polling)',
        params: IdParam,
        response: { 200: PaymentStatus },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deps.payments.status(requireSignedIn(request), request.params.id);
    },
  );

  r.get(
    '/api/payments/:id/receipt',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Receipt of my confirmed payment',
        params: IdParam,
        response: { 200: PaymentReceipt },
      },
    },
    async (request) => deps.payments.receipt(requireSignedIn(request), request.params.id),
  );

  if (deps.simulator) {
    r.post(
      '/api/payments/simulator/:id/pay',
      {
        config: { access: 'resident' },
        schema: {
          tags,
          summary:
            'DEMO ONLY: act as the bank and confirm my payment through the signed webhook path',
          params: IdParam,
          response: { 200: PaymentStatus },
        },
      },
      async (request) => {
        const actor = requireSignedIn(request);
        const payment = await deps.payments.owned(actor, request.params.id);
        return deps.confirmation.simulatePay(actor, payment, request.id);
      },
    );
  }

  // Own scope: the signature covers the exact bytes sent, so this route keeps the raw body.
  app.register(async (scope) => {
    const rawBodies = new WeakMap<FastifyRequest, string>();
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16_384 },
      (request, body, done) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        rawBodies.set(request, text);
        try {
          done(null, JSON.parse(text));
        } catch {
          done(new AppError('MALFORMED_JSON'), undefined);
        }
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/payments/webhook',
      {
        // Called by the payment gateway, not a browser: no session, no CSRF token; the HMAC
        // signature is the authentication.
        config: { access: 'public', csrf: false },
        schema: {
          tags,
          summary:
            'Payment gateway confirmation; header X-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.rawBody">',
          body: PaymentWebhook,
          headers: z.object({ 'x-signature': z.string().optional() }).passthrough(),
          response: { 200: PaymentWebhookResult },
        },
        // Before the body is validated: an unsigned request learns nothing about the schema.
        preValidation: async (request) => {
          deps.confirmation.assertSigned(
            rawBodies.get(request) ?? '',
            request.headers['x-signature'],
          );
        },
      },
      async (request) => deps.confirmation.confirm(request.body, request.id),
    );
  });
}
