import {
  ApiError,
  FeedbackCreated,
  FeedbackInfoBody,
  FeedbackIntakeFields,
  FeedbackList,
  FeedbackListQuery,
  FeedbackPublic,
  FeedbackRateBody,
  FeedbackReopenBody,
  FeedbackSimilarQuery,
  FeedbackStats,
  FeedbackUnitStatsList,
  MyFeedbackList,
  MyFeedbackQuery,
} from '@cqs/shared';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../../http/auth';
import { AppError } from '../../http/errors';
import { FileTooLargeError } from '../files/files.errors';
import type { FilesService } from '../files/files.service';
import type { FeedbackActions } from './feedback.actions';
import type { MyFeedback } from './feedback.mine';
import type { FeedbackQueries } from './feedback.queries';
import type { FeedbackPhotoInput, FeedbackService } from './feedback.service';

export interface FeedbackRouteDeps {
  feedback: FeedbackService;
  actions: FeedbackActions;
  queries: FeedbackQueries;
  mine: MyFeedback;
  files: FilesService;
  intakePerMinute: number;
}

const tags = ['feedback'];
const RefParams = z.object({ ref: z.string().min(3).max(40) });
const Ok = z.object({ state: z.string(), rowVersion: z.number().int() });

/** Residents' and the public's side of community feedback. */
export async function feedbackRoutes(app: FastifyInstance, deps: FeedbackRouteDeps): Promise<void> {
  const { feedback, actions, queries, files } = deps;
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: files.maxFileBytes,
        files: 5,
        fields: 12,
        parts: 17,
        fieldSize: 8000,
        fieldNameSize: 30,
        headerPairs: 20,
      },
      throwFileSizeLimit: false,
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/feedback/reports',
      {
        config: {
          access: 'public',
          rateLimit: { max: deps.intakePerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: 'File a report (multipart: fields + up to 5 photos in `media`)',
          description:
            'Fields: category (optional: the classifier suggests one), description (≤ 4000), ' +
            'lat+lng or communeCode+address, anonymous, contactName, contactPhone, contactEmail.',
          consumes: ['multipart/form-data'],
          response: { 201: FeedbackCreated, 400: ApiError, 413: ApiError, 415: ApiError },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const fields: Record<string, string> = {};
        const photos: FeedbackPhotoInput[] = [];
        try {
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              if (typeof part.value !== 'string' || part.fieldname in fields) {
                throw field(part.fieldname, 'Trường bị lặp hoặc không hợp lệ');
              }
              fields[part.fieldname] = part.value;
            } else if (part.fieldname !== 'media') {
              part.file.resume();
              throw field(part.fieldname, 'Ảnh gửi trong trường "media"');
            } else {
              const staged = await files.stage(part.file, () => part.file.truncated);
              photos.push({ staged, fileName: part.filename, declaredType: part.mimetype });
            }
          }
          const parsed = FeedbackIntakeFields.safeParse(fields);
          if (!parsed.success) {
            throw new AppError('VALIDATION_FAILED', {
              fields: parsed.error.issues.map((i) => ({
                path: i.path.join('.') || '(root)',
                message: i.message,
              })),
            });
          }
          const f = parsed.data;
          const created = await feedback.create(
            {
              categoryCode: f.category,
              description: f.description,
              lat: f.lat,
              lng: f.lng,
              communeCode: f.communeCode,
              address: f.address,
              anonymous: f.anonymous,
              contact: { name: f.contactName, email: f.contactEmail, phone: f.contactPhone },
              photos,
            },
            { source: 'web', actor: request.actor, requestId: request.id },
          );
          return reply.code(201).send(created);
        } catch (error) {
          // create() consumes the photos it was given; anything still staged is ours to drop.
          for (const p of photos.splice(0)) await files.discard(p.staged);
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new FileTooLargeError(files.maxFileBytes);
          }
          if ((error as { code?: string }).code === 'FST_FILES_LIMIT') {
            throw new AppError('FEEDBACK_TOO_MANY_PHOTOS');
          }
          throw error;
        }
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/feedback/reports',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public list (approved reports only; no contacts, no anonymous names)',
        querystring: FeedbackListQuery,
        response: { 200: FeedbackList },
      },
    },
    async (request) => feedback.list(request.query),
  );
  r.get(
    '/api/feedback/reports/:ref',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A report with its public answer and public events',
        params: RefParams,
        response: { 200: FeedbackPublic, 404: ApiError },
      },
    },
    async (request) => feedback.getPublic(request.params.ref),
  );
  r.get(
    '/api/feedback/reports/:ref/photos/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A photo of a public report (metadata removed at upload)',
        params: RefParams.extend({ fileId: z.uuid() }),
        produces: ['image/jpeg', 'image/png'],
        response: { 200: z.any(), 404: ApiError },
      },
    },
    async (request, reply) => {
      const { file, stream } = await queries.openPhoto(request.params.ref, request.params.fileId);
      return reply
        .type(file.mediaType)
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
  r.get(
    '/api/feedback/similar',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Reports of the same category within ~100 m in the last 30 days (closed too)',
        querystring: FeedbackSimilarQuery,
      },
    },
    async (request) => feedback.similar(request.query),
  );
  r.get(
    '/api/feedback/stats',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'On-time statistics of a unit (overdue flags frozen at close)',
        querystring: z.object({ unitCode: z.string().min(2).max(40) }),
        response: { 200: FeedbackStats },
      },
    },
    async (request) => queries.stats(request.query.unitCode),
  );
  r.get(
    '/api/my/feedback',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'My reports, newest first, with what I may do now (rate, reopen, answer)',
        querystring: MyFeedbackQuery,
        response: { 200: MyFeedbackList, 401: ApiError },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return deps.mine.list(requireSignedIn(request), request.query);
    },
  );
  r.get(
    '/api/feedback/stats/units',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'On-time statistics of every unit that holds or held reports',
        response: { 200: FeedbackUnitStatsList },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return queries.statsByUnit();
    },
  );
  r.post(
    '/api/feedback/reports/:ref/follow',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Follow a report instead of filing a duplicate', params: RefParams },
    },
    async (request, reply) => {
      await feedback.follow(requireSignedIn(request), request.params.ref, request.id);
      return reply.code(204).send();
    },
  );
  r.post(
    '/api/feedback/reports/:ref/info',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'The reporter answers a request for information (the deadline resumes)',
        params: RefParams,
        body: FeedbackInfoBody,
        response: { 200: Ok },
      },
    },
    async (request) =>
      actions.provideInfo(
        requireSignedIn(request),
        request.params.ref,
        request.body.text,
        request.id,
      ),
  );
  r.post(
    '/api/feedback/reports/:ref/rate',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'The reporter rates the answer (1–5) within 7 days; the report closes',
        params: RefParams,
        body: FeedbackRateBody,
        response: { 200: Ok },
      },
    },
    async (request) =>
      actions.rate(requireSignedIn(request), request.params.ref, request.body, request.id),
  );
  r.post(
    '/api/feedback/reports/:ref/reopen',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'The reporter reopens within 7 days of the answer',
        params: RefParams,
        body: FeedbackReopenBody,
        response: { 200: Ok },
      },
    },
    async (request) =>
      actions.reopen(requireSignedIn(request), request.params.ref, request.body.reason, request.id),
  );
}

function field(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });
}
