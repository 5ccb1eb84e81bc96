import {
  type ShowcaseContent,
  type ShowcaseImage,
  type ShowcaseSummary,
  type ShowcaseView,
  showcaseParagraphs,
} from '@cqs/shared';
import type { ShowcaseImageRow } from './showcase.tables';

export const imageUrl = (id: string, variant: 'thumb' | 'large') =>
  `/api/showcase/images/${id}/${variant}`;

export function toImage(row: ShowcaseImageRow): ShowcaseImage {
  return {
    id: row.id,
    thumb: { url: imageUrl(row.id, 'thumb'), width: row.thumb_width, height: row.thumb_height },
    large: { url: imageUrl(row.id, 'large'), width: row.large_width, height: row.large_height },
  };
}

/**
 * The page with its images resolved. An id without a row (never expected: saving checks every
 * id) is left out rather than shown broken.
 */
export function toView(input: {
  communeCode: string;
  communeName: string;
  content: ShowcaseContent;
  images: ShowcaseImageRow[];
  publishedAt: Date | null;
  isDemo: boolean;
}): ShowcaseView {
  const byId = new Map(input.images.map((row) => [row.id, toImage(row)]));
  const { content } = input;
  return {
    communeCode: input.communeCode,
    communeName: input.communeName,
    introduction: content.introduction,
    cover: (content.coverImageId && byId.get(content.coverImageId)) || null,
    gallery: content.gallery.flatMap((g) => {
      const image = byId.get(g.imageId);
      return image ? [{ image, caption: g.caption }] : [];
    }),
    products: content.products.map(({ imageIds, ...p }) => ({
      ...p,
      images: imageIds.flatMap((id) => byId.get(id) ?? []),
    })),
    ambassadors: content.ambassadors.map(({ imageId, ...a }) => ({
      ...a,
      image: (imageId && byId.get(imageId)) || null,
    })),
    publishedAt: input.publishedAt?.toISOString() ?? null,
    isDemo: input.isDemo,
  };
}

/** A short plain-text summary: the first paragraph, cut at a word before `max` characters. */
export function excerpt(introduction: string, max = 200): string {
  const first = (showcaseParagraphs(introduction)[0] ?? '').replace(/\s+/g, ' ');
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,.;:–-]+$/, '')}…`;
}

export function toSummary(input: {
  communeCode: string;
  communeName: string;
  content: ShowcaseContent;
  cover: ShowcaseImageRow | undefined;
  publishedAt: Date;
  isDemo: boolean;
}): ShowcaseSummary {
  return {
    communeCode: input.communeCode,
    communeName: input.communeName,
    excerpt: excerpt(input.content.introduction),
    cover: input.cover ? toImage(input.cover) : null,
    productCount: input.content.products.length,
    ambassadorCount: input.content.ambassadors.length,
    publishedAt: input.publishedAt.toISOString(),
    isDemo: input.isDemo,
  };
}
