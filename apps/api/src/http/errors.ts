import { type ErrorCode, errorCatalogue } from '@cqs/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Every expected failure is an AppError with a stable code; domain modules subclass it in their
 * `<domain>.errors.ts`. HTTP status and wording come from the shared catalogue, in one place.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;
  /** Set to override the catalogue message with a more specific Vietnamese one. */
  readonly detailVi: string | undefined;

  constructor(
    code: ErrorCode,
    options: { messageVi?: string; fields?: FieldProblem[]; cause?: unknown } = {},
  ) {
    super(options.messageVi ?? errorCatalogue[code].en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.detailVi = options.messageVi;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

function wantsEnglish(request: FastifyRequest): boolean {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim());
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  options: { messageVi?: string; fields?: FieldProblem[] } = {},
): FastifyReply {
  const entry = errorCatalogue[code];
  const message = wantsEnglish(request) ? entry.en : (options.messageVi ?? entry.vi);
  return reply
    .code(entry.status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code,
        message,
        requestId: request.id,
        ...(options.fields?.length ? { fields: options.fields } : {}),
      },
    });
}

/** Turns a zod issue path like `/body/email` or `email` into the field name the form uses. */
function fieldPath(instancePath: string | undefined): string {
  return (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '(root)';
}

const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'NOT_FOUND',
  FST_ERR_ASYNC_CONSTRAINT: 'NOT_FOUND',
};

/** The one place where errors become HTTP responses. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return sendError(request, reply, error.code, {
        ...(error.detailVi ? { messageVi: error.detailVi } : {}),
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: fieldPath(v.instancePath),
        message: v.message ?? 'Giá trị không hợp lệ',
      }));
      return sendError(request, reply, 'VALIDATION_FAILED', { fields });
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: error, issues: error.cause?.issues },
        'response did not match schema',
      );
      return sendError(request, reply, 'INTERNAL');
    }
    if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
    const mapped = error.code ? fastifyCodeMap[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped);
    if (error instanceof SyntaxError) return sendError(request, reply, 'MALFORMED_JSON');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      if (error.statusCode === 404) return sendError(request, reply, 'NOT_FOUND');
      if (error.statusCode === 413) return sendError(request, reply, 'PAYLOAD_TOO_LARGE');
      if (error.statusCode === 415) return sendError(request, reply, 'UNSUPPORTED_MEDIA_TYPE');
      return sendError(request, reply, 'VALIDATION_FAILED');
    }
    // Unexpected: log everything with the correlation id, tell the client nothing but the id.
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
