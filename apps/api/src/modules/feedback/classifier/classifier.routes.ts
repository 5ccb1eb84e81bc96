import { ApiError, FeedbackClassifyAnswer, FeedbackClassifyBody } from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type FeedbackClassifier, loadDefaultClassifier } from './classifier';

export interface FeedbackClassifierRouteDeps {
  /** Requests per minute per address; the classifier is cheap but public. */
  ratePerMinute: number;
  /** Defaults to the classifier trained on the shipped examples (trained on first use). */
  classifier?: () => FeedbackClassifier;
}

/**
 * POST /api/feedback/classify: proposes a category for a report being written (the form preselects
 * it; the resident may change it). Public, because reports can be anonymous; nothing is stored.
 */
export function registerFeedbackClassifier(
  server: FastifyInstance,
  deps: FeedbackClassifierRouteDeps,
): void {
  const classifier = deps.classifier ?? loadDefaultClassifier;
  server.withTypeProvider<ZodTypeProvider>().post(
    '/api/feedback/classify',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.ratePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['feedback'],
        summary: 'Suggest a category for a feedback report (phản ánh, kiến nghị) from its text',
        body: FeedbackClassifyBody,
        response: { 200: FeedbackClassifyAnswer, 400: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return classifier().classify(request.body.text);
    },
  );
}
