import { z } from 'zod';
import { UnitCode } from './common';

/**
 * Commune showcase ("Mỗi xã một KOL", DOMAIN.md §8): a public page per commune with an
 * introduction, photos, local products and featured local ambassadors. Officers edit a draft
 * (`ShowcaseContent`); publishing copies it, as it is, to what the public sees. Lists keep their
 * order: the position in the array is the order shown.
 */

export const SHOWCASE_LIMITS = {
  introduction: 6000,
  gallery: 12,
  products: 30,
  productImages: 4,
  ambassadors: 12,
  links: 4,
  url: 500,
} as const;

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} tối đa ${max} ký tự`);
const required = (max: number, label: string) =>
  text(max, label).min(1, `Vui lòng nhập ${label.toLowerCase()}`);

/**
 * A link to an ambassador's page: http or https only (never javascript:, data: or a relative
 * address), with a host and no user name or password in it.
 */
export function isHttpUrl(value: string): boolean {
  if (/[\s<>"'`\\]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname.length > 0 &&
    url.hostname.includes('.') &&
    url.username === '' &&
    url.password === ''
  );
}

export const ShowcaseUrl = z
  .string()
  .trim()
  .max(SHOWCASE_LIMITS.url, `Đường dẫn tối đa ${SHOWCASE_LIMITS.url} ký tự`)
  .refine(
    isHttpUrl,
    'Đường dẫn phải là địa chỉ trang web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ https://www.facebook.com/ten-trang)',
  );

export const ShowcaseLink = z
  .object({
    label: required(60, 'Tên liên kết'),
    url: ShowcaseUrl,
  })
  .strict();
export type ShowcaseLink = z.infer<typeof ShowcaseLink>;

export const OcopStars = z.union([z.literal(3), z.literal(4), z.literal(5)]).nullable();
export type OcopStars = z.infer<typeof OcopStars>;

export const ShowcaseProduct = z
  .object({
    id: z.uuid(),
    name: required(120, 'Tên sản phẩm'),
    description: text(1500, 'Mô tả sản phẩm'),
    producerName: text(120, 'Tên cơ sở sản xuất'),
    producerContact: text(200, 'Liên hệ của cơ sở'),
    /** OCOP rating (3–5 stars) as certified by the province; null when none. */
    ocopStars: OcopStars,
    priceText: text(80, 'Giá tham khảo'),
    imageIds: z
      .array(z.uuid())
      .max(
        SHOWCASE_LIMITS.productImages,
        `Mỗi sản phẩm tối đa ${SHOWCASE_LIMITS.productImages} ảnh`,
      ),
  })
  .strict();
export type ShowcaseProduct = z.infer<typeof ShowcaseProduct>;

export const ShowcaseAmbassador = z
  .object({
    id: z.uuid(),
    name: required(120, 'Tên người đại diện'),
    description: text(1000, 'Giới thiệu người đại diện'),
    imageId: z.uuid().nullable(),
    links: z
      .array(ShowcaseLink)
      .max(SHOWCASE_LIMITS.links, `Tối đa ${SHOWCASE_LIMITS.links} liên kết mỗi người`),
  })
  .strict();
export type ShowcaseAmbassador = z.infer<typeof ShowcaseAmbassador>;

export const ShowcaseGalleryItem = z
  .object({ imageId: z.uuid(), caption: text(200, 'Chú thích ảnh') })
  .strict();
export type ShowcaseGalleryItem = z.infer<typeof ShowcaseGalleryItem>;

const uniqueIds = (items: { id: string }[]) =>
  new Set(items.map((i) => i.id)).size === items.length;

/** The page as officers edit it (draft) and as it is published (a copy). */
export const ShowcaseContent = z
  .object({
    /** Plain text; an empty line separates paragraphs. */
    introduction: text(SHOWCASE_LIMITS.introduction, 'Lời giới thiệu'),
    coverImageId: z.uuid().nullable(),
    gallery: z
      .array(ShowcaseGalleryItem)
      .max(SHOWCASE_LIMITS.gallery, `Tối đa ${SHOWCASE_LIMITS.gallery} ảnh trong bộ ảnh`),
    products: z
      .array(ShowcaseProduct)
      .max(SHOWCASE_LIMITS.products, `Tối đa ${SHOWCASE_LIMITS.products} sản phẩm`)
      .refine(uniqueIds, 'Mã sản phẩm bị trùng'),
    ambassadors: z
      .array(ShowcaseAmbassador)
      .max(SHOWCASE_LIMITS.ambassadors, `Tối đa ${SHOWCASE_LIMITS.ambassadors} người đại diện`)
      .refine(uniqueIds, 'Mã người đại diện bị trùng'),
  })
  .strict();
export type ShowcaseContent = z.infer<typeof ShowcaseContent>;

export const emptyShowcaseContent = (): ShowcaseContent => ({
  introduction: '',
  coverImageId: null,
  gallery: [],
  products: [],
  ambassadors: [],
});

/** Every image id a content refers to (cover, gallery, products, ambassadors), once each. */
export function showcaseImageIds(content: ShowcaseContent): string[] {
  const ids = new Set<string>();
  if (content.coverImageId) ids.add(content.coverImageId);
  for (const g of content.gallery) ids.add(g.imageId);
  for (const p of content.products) for (const id of p.imageIds) ids.add(id);
  for (const a of content.ambassadors) if (a.imageId) ids.add(a.imageId);
  return [...ids];
}

/** Paragraphs of an introduction: blocks separated by one or more empty lines. */
export function showcaseParagraphs(introduction: string): string[] {
  return introduction
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

// --- Images -------------------------------------------------------------------------------------

export const showcaseImageVariants = ['thumb', 'large'] as const;
export const ShowcaseImageVariant = z.enum(showcaseImageVariants);
export type ShowcaseImageVariant = z.infer<typeof ShowcaseImageVariant>;

const ImageSize = z.object({ url: z.string(), width: z.number().int(), height: z.number().int() });

/** A photo as pages show it: a thumbnail (≤ 480 px) and a large copy (≤ 1600 px), WebP. */
export const ShowcaseImage = z.object({
  id: z.uuid(),
  thumb: ImageSize,
  large: ImageSize,
});
export type ShowcaseImage = z.infer<typeof ShowcaseImage>;

export const ShowcaseImageCreate = z.object({ fileId: z.uuid('Mã tệp không hợp lệ') }).strict();
export type ShowcaseImageCreate = z.infer<typeof ShowcaseImageCreate>;

export const ShowcaseImageParams = z
  .object({ id: z.uuid('Mã ảnh không hợp lệ'), variant: ShowcaseImageVariant })
  .strict();
export type ShowcaseImageParams = z.infer<typeof ShowcaseImageParams>;

// --- Views --------------------------------------------------------------------------------------

export const ShowcaseCodeParams = z.object({ code: UnitCode }).strict();
export type ShowcaseCodeParams = z.infer<typeof ShowcaseCodeParams>;

/** The page as the public sees it (or an officer's preview of the draft), images resolved. */
export const ShowcaseView = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  introduction: z.string(),
  cover: ShowcaseImage.nullable(),
  gallery: z.array(z.object({ image: ShowcaseImage, caption: z.string() })),
  products: z.array(
    ShowcaseProduct.omit({ imageIds: true }).extend({ images: z.array(ShowcaseImage) }),
  ),
  ambassadors: z.array(
    ShowcaseAmbassador.omit({ imageId: true }).extend({ image: ShowcaseImage.nullable() }),
  ),
  /** Null for a preview of a draft. */
  publishedAt: z.iso.datetime().nullable(),
  /** Generated demo content: pages say so and OCOP ratings are only examples. */
  isDemo: z.boolean(),
});
export type ShowcaseView = z.infer<typeof ShowcaseView>;

export const ShowcaseSummary = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  excerpt: z.string(),
  cover: ShowcaseImage.nullable(),
  productCount: z.number().int(),
  ambassadorCount: z.number().int(),
  publishedAt: z.iso.datetime(),
  isDemo: z.boolean(),
});
export type ShowcaseSummary = z.infer<typeof ShowcaseSummary>;

export const ShowcaseList = z.object({ items: z.array(ShowcaseSummary) });
export type ShowcaseList = z.infer<typeof ShowcaseList>;

/** What the officer's editor loads: the draft, the images it may use, and the publication state. */
export const ShowcaseEditor = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  draft: ShowcaseContent,
  draftVersion: z.number().int(),
  draftUpdatedAt: z.iso.datetime().nullable(),
  /** The draft version that is published now; null when nothing is published. */
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  /** Every image uploaded for this commune, newest first (to pick from). */
  images: z.array(ShowcaseImage),
  canPublish: z.boolean(),
  isDemo: z.boolean(),
});
export type ShowcaseEditor = z.infer<typeof ShowcaseEditor>;

export const ShowcaseDraftSave = z
  .object({ version: z.number().int().min(0), content: ShowcaseContent })
  .strict();
export type ShowcaseDraftSave = z.infer<typeof ShowcaseDraftSave>;

export const ShowcasePublish = z.object({ version: z.number().int().min(1) }).strict();
export type ShowcasePublish = z.infer<typeof ShowcasePublish>;

/** Communes the officer may edit, with their state (for the editor's commune picker). */
export const ShowcaseManaged = z.object({
  items: z.array(
    z.object({
      communeCode: z.string(),
      communeName: z.string(),
      state: z.enum(['none', 'draft', 'published', 'changed']),
    }),
  ),
});
export type ShowcaseManaged = z.infer<typeof ShowcaseManaged>;
