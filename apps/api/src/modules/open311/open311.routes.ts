import {
  errorCatalogue,
  Open311AnyQuery,
  Open311FormatParams,
  Open311ItemParams,
  Open311RequestsQuery,
  Open311UpdatesQuery,
} from '@cqs/shared';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors';
import { Open311Error } from './open311.errors';
import { errorDocument, type Open311Document, type Open311Format, render } from './open311.format';
import type { Open311Intake } from './open311.intake';
import { type MediaStager, readPostFields } from './open311.post';
import type { DiscoveryOptions, Open311Service } from './open311.service';

export const OPEN311_PREFIX = '/open311/v2';

export interface Open311RouteDeps {
  service: Open311Service;
  discovery: DiscoveryOptions;
  intake: Open311Intake;
  /** Staging of `media` photos (the files module). */
  media: MediaStager;
  maxMediaBytes: number;
  /** `POST requests` per client address per minute (the web intake's limit). */
  postsPerMinute: number;
}

/** The format asked for by the path's extension; XML is the spec's default. */
export function formatOf(request: FastifyRequest): Open311Format {
  const path = request.url.split('?')[0] ?? '';
  return /\.json$/i.test(path) ? 'json' : 'xml';
}

function send(reply: FastifyReply, doc: Open311Document, format: Open311Format, status = 200) {
  const out = render(doc, format);
  return reply
    .code(status)
    .type(out.contentType)
    .header('cache-control', 'no-store')
    .send(out.body);
}

function sendErrors(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  description: string,
) {
  return send(reply, errorDocument([{ code: status, description }]), format, status);
}

/** The core's Vietnamese message (and the fields it names), then the English one. */
function appErrorText(error: AppError): string {
  const entry = errorCatalogue[error.code];
  const fields = error.fields?.map((f) => `${f.path}: ${f.message}`).join('; ');
  const vi = [error.detailVi ?? entry.vi, fields].filter(Boolean).join(' — ');
  return `${vi} / ${entry.en}`;
}

/** `.xml` / `.json` on a top-level resource; anything else is not a resource we have. */
function checkFormat(format: string): Open311Format {
  const lower = format.toLowerCase();
  if (lower === 'xml' || lower === 'json') return lower;
  throw new Open311Error(
    404,
    `Định dạng .${format} không được hỗ trợ (chỉ .xml, .json) / unsupported format`,
  );
}

/**
 * `services/moi-truong.json` → code `moi-truong`, JSON. Codes may hold dots (sub-categories), so
 * only a trailing `.xml`/`.json` is a format; without one the answer is XML.
 */
export function splitItem(item: string): { id: string; format: Open311Format } {
  const m = /^(.+)\.(xml|json)$/i.exec(item);
  if (!m) return { id: item, format: 'xml' };
  return { id: m[1] as string, format: (m[2] as string).toLowerCase() as Open311Format };
}

const documentResponse = z.string().describe('XML (text/xml) or JSON per the GeoReport v2 spec');
const tags = ['open311'];

/** GeoReport v2, with every failure in the spec's error list and the format of the request. */
export async function open311Routes(app: FastifyInstance, deps: Open311RouteDeps): Promise<void> {
  await app.register(
    async (scope) => {
      // Parsers for `POST requests` live in this scope only.
      await scope.register(formbody, { bodyLimit: 64 * 1024 });
      await scope.register(multipart, {
        limits: {
          fileSize: deps.maxMediaBytes,
          files: 1,
          fields: 30,
          parts: 31,
          fieldSize: 8 * 1024,
          fieldNameSize: 60,
          headerPairs: 20,
        },
        throwFileSizeLimit: false,
      });
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        const format = formatOf(request);
        if (error instanceof Open311Error)
          return sendErrors(reply, format, error.status, error.description);
        if (error instanceof AppError) {
          // The spec knows 400, 403 and 404: every other refusal of the core is bad input.
          const status = [403, 404, 429].includes(error.status) ? error.status : 400;
          if (error.status >= 500) request.log.error({ err: error }, 'open311 error');
          return sendErrors(reply, format, status, appErrorText(error));
        }
        if (hasZodFastifySchemaValidationErrors(error)) {
          const text = error.validation
            .map(
              (v) => `${(v.instancePath ?? '').replace(/^\//, '')}: ${v.message ?? 'không hợp lệ'}`,
            )
            .join('; ');
          return sendErrors(reply, format, 400, text);
        }
        if (error.statusCode === 429)
          return sendErrors(reply, format, 429, 'Quá nhiều yêu cầu / too many requests');
        if (error.statusCode === 413)
          return sendErrors(reply, format, 400, 'Dữ liệu gửi lên quá lớn / payload too large');
        if (error.statusCode === 415) {
          return sendErrors(
            reply,
            format,
            400,
            'Gửi dạng application/x-www-form-urlencoded hoặc multipart/form-data / unsupported content type',
          );
        }
        if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
          return sendErrors(reply, format, 400, 'Yêu cầu không hợp lệ / bad request');
        }
        // The spec's "general service error" is a 400; the cause stays in our logs only.
        request.log.error({ err: error }, 'open311 error');
        return sendErrors(
          reply,
          format,
          400,
          `Lỗi xử lý, mã tra cứu ${request.id} / general service error`,
        );
      });
      scope.setNotFoundHandler((request, reply) =>
        sendErrors(reply, formatOf(request), 404, 'Không có tài nguyên này / no such resource'),
      );

      const r = scope.withTypeProvider<ZodTypeProvider>();
      const pub = { access: 'public' as const };

      /** Registers `name` (XML) and `name.{format}`. */
      const both = <Q extends z.ZodType>(
        name: string,
        summary: string,
        querystring: Q,
        handler: (query: z.infer<Q>, request: FastifyRequest) => Promise<Open311Document>,
      ) => {
        r.get(
          `/${name}`,
          {
            config: pub,
            schema: { tags, summary, querystring, response: { 200: documentResponse } },
          },
          async (request, reply) =>
            send(reply, await handler(request.query as z.infer<Q>, request), 'xml'),
        );
        r.get(
          `/${name}.:format`,
          {
            config: pub,
            schema: {
              tags,
              summary,
              params: Open311FormatParams,
              querystring,
              response: { 200: documentResponse },
            },
          },
          async (request, reply) => {
            const format = checkFormat(request.params.format);
            return send(reply, await handler(request.query as z.infer<Q>, request), format);
          },
        );
      };

      /** Registers `name/{item}` where item may end in `.xml` / `.json`. */
      const item = (
        name: string,
        summary: string,
        handler: (id: string) => Promise<Open311Document>,
      ) => {
        r.get(
          `/${name}/:item`,
          {
            config: pub,
            schema: {
              tags,
              summary,
              params: Open311ItemParams,
              querystring: Open311AnyQuery,
              response: { 200: documentResponse },
            },
          },
          async (request, reply) => {
            const { id, format } = splitItem(request.params.item);
            return send(reply, await handler(id), format);
          },
        );
      };

      both('discovery', 'Open311 service discovery', Open311AnyQuery, async () =>
        deps.service.discovery(deps.discovery),
      );
      both('services', 'Open311 service list (feedback categories)', Open311AnyQuery, () =>
        deps.service.services(),
      );
      item('services', 'Open311 service definition (attributes)', (code) =>
        deps.service.serviceDefinition(code),
      );
      both(
        'requests',
        'Open311 public service requests (filters and paging)',
        Open311RequestsQuery,
        (query) => deps.service.requests(query),
      );
      item('requests', 'Open311 one public service request', (id) => deps.service.request(id));
      item('tokens', 'Open311 service_request_id from a token', (token) =>
        deps.service.token(token),
      );
      both(
        'servicerequestupdates',
        "mySociety's extension: public updates in a time window",
        Open311UpdatesQuery,
        (query) => deps.service.updates(query),
      );

      const post = async (request: FastifyRequest, reply: FastifyReply, format: Open311Format) => {
        const input = await readPostFields(request, deps.media);
        try {
          return send(reply, await deps.intake.submit(input, request.id), format);
        } finally {
          // Stored by the feedback core, or refused: either way the staged bytes go.
          if (input.media) await deps.media.discard(input.media.staged);
        }
      };
      const postConfig = {
        ...pub,
        // The API key, not a browser session, authenticates these writes.
        csrf: false,
        rateLimit: { max: deps.postsPerMinute, timeWindow: '1 minute' },
      };
      const postSchema = {
        tags,
        summary: 'Open311 POST service request (api_key; form-encoded or multipart with media)',
        consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
        response: { 200: documentResponse },
      };
      r.post('/requests', { config: postConfig, schema: postSchema }, (request, reply) =>
        post(request, reply, 'xml'),
      );
      r.post(
        '/requests.:format',
        { config: postConfig, schema: { ...postSchema, params: Open311FormatParams } },
        (request, reply) => post(request, reply, checkFormat(request.params.format)),
      );
    },
    { prefix: OPEN311_PREFIX },
  );
}
