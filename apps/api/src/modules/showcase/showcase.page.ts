import type { ShowcaseView } from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendError } from '../../http/errors';
import type { ShowcasePublicService } from './showcase.public';
import { excerpt } from './showcase.views';

/** Text placed inside an HTML attribute or element: nothing in it can open a tag or end a quote. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute address of the page. */
  url: string;
  image: { url: string; width: number; height: number; alt: string } | null;
  siteName: string;
}

/**
 * The app shell with this page's title, description and Open Graph tags, for link previews
 * (Zalo, Facebook) and search engines that do not run the app. Replacements go through
 * functions so that "$&" or "$1" in a commune's text stays text.
 */
export function injectMeta(indexHtml: string, meta: PageMeta): string {
  const description = `<meta name="description" content="${escapeHtml(meta.description)}" />`;
  let html = indexHtml.replace(/<title>[\s\S]*?<\/title>/i, () => '');
  html = html.replace(/<meta\s+name="description"[^>]*>/i, () => '');
  const tags = [
    `<title>${escapeHtml(meta.title)}</title>`,
    description,
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    '<meta property="og:type" content="website" />',
    '<meta property="og:locale" content="vi_VN" />',
    `<meta property="og:site_name" content="${escapeHtml(meta.siteName)}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
  ];
  if (meta.image) {
    tags.push(
      `<meta property="og:image" content="${escapeHtml(meta.image.url)}" />`,
      '<meta property="og:image:type" content="image/webp" />',
      `<meta property="og:image:width" content="${meta.image.width}" />`,
      `<meta property="og:image:height" content="${meta.image.height}" />`,
      `<meta property="og:image:alt" content="${escapeHtml(meta.image.alt)}" />`,
      '<meta name="twitter:card" content="summary_large_image" />',
    );
  }
  const block = `    ${tags.join('\n    ')}\n  `;
  return /<\/head>/i.test(html)
    ? html.replace(/<\/head>/i, () => `${block}</head>`)
    : `${block}${html}`;
}

export function showcaseMeta(view: ShowcaseView, publicUrl: string, siteName: string): PageMeta {
  const intro = excerpt(view.introduction, 180);
  return {
    title: `Giới thiệu ${view.communeName} — Mỗi xã một KOL — ${siteName}`,
    description:
      intro ||
      `Giới thiệu ${view.communeName}: sản phẩm địa phương và những người đại diện tiêu biểu.`,
    url: `${publicUrl}/xa-phuong/${encodeURIComponent(view.communeCode)}/gioi-thieu`,
    image: view.cover
      ? {
          url: `${publicUrl}${view.cover.large.url}`,
          width: view.cover.large.width,
          height: view.cover.large.height,
          alt: `Ảnh ${view.communeName}`,
        }
      : null,
    siteName,
  };
}

const PageParams = z.object({ code: z.string().max(40) });

/**
 * GET /xa-phuong/:code/gioi-thieu answers the web app's shell like every page address, with the
 * commune's title, description and sharing tags filled in on the server when it has a published
 * page (a shared link shows the commune, not the portal's generic title).
 */
export function showcasePageRoute(
  app: FastifyInstance,
  deps: {
    pages: ShowcasePublicService;
    webIndex: () => Buffer | null;
    publicUrl: string;
    siteName: string;
  },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/xa-phuong/:code/gioi-thieu',
    {
      config: { access: 'public' },
      schema: { hide: true, params: PageParams },
    },
    async (request, reply) => {
      const index = deps.webIndex();
      const accept = request.headers.accept;
      const wantsPage = !accept || accept.includes('text/html') || accept.includes('*/*');
      if (!index || !wantsPage) return sendError(request, reply, 'NOT_FOUND');
      const view = await deps.pages.findPublished(request.params.code);
      const html = view
        ? injectMeta(index.toString('utf8'), showcaseMeta(view, deps.publicUrl, deps.siteName))
        : index;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    },
  );
}
