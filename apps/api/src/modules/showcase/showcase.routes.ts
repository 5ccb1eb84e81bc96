import {
  ApiError,
  ShowcaseCodeParams,
  ShowcaseDraftSave,
  ShowcaseEditor,
  ShowcaseImage,
  ShowcaseImageCreate,
  ShowcaseImageParams,
  ShowcaseList,
  ShowcaseManaged,
  ShowcasePublish,
  ShowcaseView,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer } from '../../http/auth';
import type { ShowcasePublicService } from './showcase.public';
import type { ShowcaseService } from './showcase.service';

const tags = ['showcase'];
const officerBase = '/api/officer/showcase';

/** "Mỗi xã một KOL": public pages and images, and the officers' editor. */
export function showcaseRoutes(
  app: FastifyInstance,
  deps: { showcase: ShowcaseService; pages: ShowcasePublicService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const officer = { access: 'officer' as const };

  r.get(
    '/api/showcase',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Communes with a published showcase page',
        response: { 200: ShowcaseList },
      },
    },
    async (_req, reply) => {
      // A publish must show at once, also on a reload: revalidate every time (the answer is small).
      reply.header('cache-control', 'no-cache');
      return deps.pages.list();
    },
  );

  r.get(
    '/api/showcase/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A commune's published showcase page",
        params: ShowcaseCodeParams,
        response: { 200: ShowcaseView, 404: ApiError },
      },
    },
    async (req, reply) => {
      // A publish must show at once, also on a reload: revalidate every time (the answer is small).
      reply.header('cache-control', 'no-cache');
      return deps.pages.getPublished(req.params.code);
    },
  );

  r.get(
    '/api/showcase/images/:id/:variant',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A showcase photo (thumb ≤ 480 px or large ≤ 1600 px, WebP, no metadata)',
        description:
          'Photos of published pages are public; draft photos only for the commune’s editors.',
        params: ShowcaseImageParams,
        produces: ['image/webp'],
        response: { 200: z.any().describe('WebP bytes'), 404: ApiError },
      },
    },
    async (req, reply) => {
      const image = await deps.pages.openImage(req.actor, req.params.id, req.params.variant);
      return reply
        .header('content-type', 'image/webp')
        .header('content-length', image.bytes)
        .header('x-content-type-options', 'nosniff')
        .header(
          'cache-control',
          // An image id never changes content; a draft photo is not for shared caches.
          image.isPublic ? 'public, max-age=86400' : 'private, no-store',
        )
        .send(image.stream);
    },
  );

  r.get(
    officerBase,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Communes whose showcase the officer may edit, with their state',
        response: { 200: ShowcaseManaged },
      },
    },
    async (req) => deps.showcase.managed(requireOfficer(req)),
  );

  r.get(
    `${officerBase}/:code`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'The draft, its images and the publication state (showcase.manage)',
        params: ShowcaseCodeParams,
        response: { 200: ShowcaseEditor, 400: ApiError, 403: ApiError },
      },
    },
    async (req) => deps.showcase.editor(requireOfficer(req), req.params.code),
  );

  r.get(
    `${officerBase}/:code/preview`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'The draft rendered as the public page would show it',
        params: ShowcaseCodeParams,
        response: { 200: ShowcaseView, 403: ApiError },
      },
    },
    async (req) => deps.showcase.preview(requireOfficer(req), req.params.code),
  );

  r.put(
    `${officerBase}/:code/draft`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Save the draft over the version it was edited from (409 if it moved on)',
        params: ShowcaseCodeParams,
        body: ShowcaseDraftSave,
        response: { 200: ShowcaseEditor, 400: ApiError, 403: ApiError, 409: ApiError },
      },
    },
    async (req) => deps.showcase.saveDraft(requireOfficer(req), req.params.code, req.body, req.id),
  );

  r.post(
    `${officerBase}/:code/images`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Make a showcase photo from an upload (POST /api/files, bundle showcase:<code>)',
        params: ShowcaseCodeParams,
        body: ShowcaseImageCreate,
        response: { 201: ShowcaseImage, 400: ApiError, 403: ApiError, 404: ApiError },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await deps.showcase.addImage(
            requireOfficer(req),
            req.params.code,
            req.body.fileId,
            req.id,
          ),
        ),
  );

  r.post(
    `${officerBase}/:code/publish`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Publish the draft of this version as it is (showcase.publish)',
        params: ShowcaseCodeParams,
        body: ShowcasePublish,
        response: { 200: ShowcaseEditor, 403: ApiError, 409: ApiError },
      },
    },
    async (req) =>
      deps.showcase.publish(requireOfficer(req), req.params.code, req.body.version, req.id),
  );

  r.post(
    `${officerBase}/:code/unpublish`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Take the public page down; the draft stays (showcase.publish)',
        params: ShowcaseCodeParams,
        response: { 200: ShowcaseEditor, 403: ApiError, 409: ApiError },
      },
    },
    async (req) => deps.showcase.unpublish(requireOfficer(req), req.params.code, req.id),
  );
}
