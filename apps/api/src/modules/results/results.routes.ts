import { createHash } from 'node:crypto';
import {
  ApiError,
  PublicResult,
  ResultIdParams,
  ResultSigningKeys,
  VerifyResultAnswer,
  VerifyResultByHash,
} from '@cqs/shared';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../http/errors';
import { FileTooLargeError } from '../files/files.errors';
import type { ResultsService } from './results.service';

export interface ResultsRouteDeps {
  results: ResultsService;
  /** The upload limit: a presented file larger than any upload cannot be a result. */
  maxFileBytes: number;
  verifyRatePerMinute: number;
}

function validationFailed(issues: z.core.$ZodIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    fields: issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
  });
}

/**
 * Reads a multipart check: one `file` (hashed as it streams, never stored) and an optional
 * `resultId` field. The person's file is theirs: nothing of it is kept.
 */
async function hashMultipart(
  request: FastifyRequest,
  maxFileBytes: number,
): Promise<{ sha256: string; resultId?: string }> {
  let sha256: string | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value !== 'string' || part.fieldname in fields) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ path: part.fieldname, message: 'Trường bị lặp hoặc không hợp lệ' }],
        });
      }
      fields[part.fieldname] = part.value;
    } else if (part.fieldname !== 'file' || sha256 !== null) {
      part.file.resume();
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: part.fieldname, message: 'Chỉ gửi một tệp, trong trường "file"' }],
      });
    } else {
      const hash = createHash('sha256');
      for await (const chunk of part.file) hash.update(chunk as Buffer);
      if (part.file.truncated) throw new FileTooLargeError(maxFileBytes);
      sha256 = hash.digest('hex');
    }
  }
  if (sha256 === null) throw new AppError('FILE_MISSING');
  const parsed = VerifyResultByHash.safeParse({ sha256, ...fields });
  if (!parsed.success) throw validationFailed(parsed.error.issues);
  return parsed.data;
}

/** Public verification of e-results: anyone holding a result (or its QR code) may check it. */
export async function resultsRoutes(app: FastifyInstance, deps: ResultsRouteDeps): Promise<void> {
  const { results } = deps;
  const tags = ['results'];
  const rateLimit = { max: deps.verifyRatePerMinute, timeWindow: '1 minute' };
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: deps.maxFileBytes,
        files: 1,
        fields: 1,
        parts: 2,
        fieldSize: 100,
        fieldNameSize: 20,
        headerPairs: 20,
      },
      throwFileSizeLimit: false,
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/results/keys',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Public keys that sign e-results (for offline verification)',
          response: { 200: ResultSigningKeys },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return { keys: await results.listKeys() };
      },
    );

    r.get(
      '/api/results/:id',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags,
          summary: 'The public record of an e-result (from its QR code); signature checked anew',
          description:
            'Only the dossier code, procedure, unit, date and outcome: never the applicant.',
          params: ResultIdParams,
          response: { 200: PublicResult, 404: ApiError },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return results.getPublic(request.params.id);
      },
    );

    r.post(
      '/api/results/verify',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags,
          summary: 'Is this file a genuine e-result? (multipart: file [, resultId] — or JSON)',
          description:
            'multipart/form-data with one `file` (hashed, never stored) and optionally `resultId`; ' +
            'or application/json `{ sha256, resultId? }`. Genuine = a recorded result has exactly ' +
            'these bytes, its signature verifies and it is not revoked.',
          consumes: ['multipart/form-data', 'application/json'],
          response: { 200: VerifyResultAnswer, 400: ApiError, 413: ApiError },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        let input: { sha256: string; resultId?: string };
        if (request.isMultipart()) {
          try {
            input = await hashMultipart(request, deps.maxFileBytes);
          } catch (error) {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
              throw new FileTooLargeError(deps.maxFileBytes);
            }
            throw error;
          }
        } else {
          const parsed = VerifyResultByHash.safeParse(request.body);
          if (!parsed.success) throw validationFailed(parsed.error.issues);
          input = parsed.data;
        }
        return results.verifyHash(input.sha256, input.resultId);
      },
    );
  });
}
