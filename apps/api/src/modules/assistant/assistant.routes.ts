import { ApiError, AssistantMessageAnswer, AssistantMessageBody } from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AssistantService } from './assistant.service';

/**
 * POST /api/assistant/messages: public (information needs no sign-in; a session adds the
 * resident's own dossiers), rate-limited per address, never cached.
 */
export function assistantRoutes(
  server: FastifyInstance,
  deps: { assistant: AssistantService; ratePerMinute: number },
): void {
  server.withTypeProvider<ZodTypeProvider>().post(
    '/api/assistant/messages',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.ratePerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['assistant'],
        summary: 'Ask the assistant (procedures, dossier tracking, submission, feedback)',
        body: AssistantMessageBody,
        response: { 200: AssistantMessageAnswer, 400: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return deps.assistant.handle(request.actor, request.body);
    },
  );
}
