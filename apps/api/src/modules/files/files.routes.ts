import { ApiError, FileIdParams, FileUploadFields, StoredFile } from '@cqs/shared';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../../http/auth';
import { AppError } from '../../http/errors';
import { FileTooLargeError } from './files.errors';
import { contentDisposition } from './files.names';
import type { FileRecord, FilesService } from './files.service';
import type { StagedFile } from './files.storage';

export interface FilesRouteDeps {
  files: FilesService;
  uploadsPerMinute: number;
}

const toStoredFile = (f: FileRecord): StoredFile => ({
  id: f.id,
  name: f.name,
  mediaType: f.mediaType,
  size: f.size,
  sha256: f.sha256,
});

/**
 * Uploads and downloads. Multipart parsing is registered only inside this plugin, so no other
 * route accepts multipart bodies.
 */
export async function filesRoutes(app: FastifyInstance, deps: FilesRouteDeps): Promise<void> {
  const { files } = deps;
  await app.register(async (scope) => {
    await scope.register(multipart, {
      // One file and two short fields; busboy stops reading the file at the cap.
      limits: {
        fileSize: files.maxFileBytes,
        files: 1,
        fields: 2,
        parts: 3,
        fieldSize: 200,
        fieldNameSize: 20,
        headerPairs: 20,
      },
      throwFileSizeLimit: false,
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/files',
      {
        config: {
          access: 'authenticated',
          // Per signed-in user, after authentication (the default hook runs before it).
          rateLimit: {
            max: deps.uploadsPerMinute,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (request) =>
              request.actor.kind === 'anonymous' ? request.ip : `user:${request.actor.userId}`,
          },
        },
        schema: {
          tags: ['files'],
          summary: 'Upload one PDF, JPEG or PNG (multipart: file, bundleId, purpose)',
          description:
            'The content decides the type; it must agree with the declared type and the extension. ' +
            'Image metadata (Exif/GPS, XMP, IPTC, text chunks) is removed before storing.',
          consumes: ['multipart/form-data'],
          response: { 201: StoredFile, 413: ApiError, 415: ApiError },
        },
      },
      async (request, reply) => {
        const actor = requireSignedIn(request);
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const fields: Record<string, string> = {};
        let upload: { staged: StagedFile; part: MultipartFile } | null = null;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              if (typeof part.value !== 'string' || part.fieldname in fields) {
                throw new AppError('VALIDATION_FAILED', {
                  fields: [{ path: part.fieldname, message: 'Trường bị lặp hoặc không hợp lệ' }],
                });
              }
              fields[part.fieldname] = part.value;
            } else if (part.fieldname !== 'file' || upload) {
              part.file.resume();
              throw new AppError('VALIDATION_FAILED', {
                fields: [{ path: part.fieldname, message: 'Chỉ gửi một tệp, trong trường "file"' }],
              });
            } else {
              const staged = await files.stage(part.file, () => part.file.truncated);
              upload = { staged, part };
            }
          }
          if (!upload) throw new AppError('FILE_MISSING');
          const parsed = FileUploadFields.safeParse(fields);
          if (!parsed.success) {
            throw new AppError('VALIDATION_FAILED', {
              fields: parsed.error.issues.map((i) => ({
                path: i.path.join('.') || '(root)',
                message: i.message,
              })),
            });
          }
          const { staged, part } = upload;
          upload = null; // store() consumes the staged bytes from here on
          const file = await files.store(
            actor,
            staged,
            { fileName: part.filename, declaredType: part.mimetype, ...parsed.data },
            request.id,
          );
          return reply.code(201).send(toStoredFile(file));
        } catch (error) {
          if (upload) await files.discard(upload.staged);
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new FileTooLargeError(files.maxFileBytes);
          }
          throw error;
        }
      },
    );

    r.get(
      '/api/files/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: 'Download a file (its owner, or officers who may see its record)',
          params: FileIdParams,
          produces: ['application/pdf', 'image/jpeg', 'image/png'],
          response: { 200: z.any().describe('The file bytes, as an attachment'), 404: ApiError },
        },
      },
      async (request, reply) => {
        const { file, stream } = await files.openForRead(
          request.actor,
          request.params.id,
          request.id,
        );
        return (
          reply
            .header('content-type', file.mediaType)
            .header('content-length', file.size)
            .header('content-disposition', contentDisposition(file.name))
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'private, no-store')
            // Even if a browser is talked into rendering it, the file runs nothing in our origin.
            .header('content-security-policy', "default-src 'none'; sandbox")
            .send(stream)
        );
      },
    );

    r.delete(
      '/api/files/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: 'Delete an own file while its bundle is still a draft',
          params: FileIdParams,
          response: { 204: z.null(), 404: ApiError, 409: ApiError },
        },
      },
      async (request, reply) => {
        await files.delete(requireSignedIn(request), request.params.id, request.id);
        return reply.code(204).send(null);
      },
    );
  });
}
