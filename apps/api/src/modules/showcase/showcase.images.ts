import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import sharp from 'sharp';
import { AppError } from '../../http/errors';
import { MAX_IMAGE_PIXELS } from '../files/files.inspect';
import type { FileStorage } from '../files/files.storage';
import type { ShowcaseImagesTable } from './showcase.tables';

/** Longest side of the large copy (a phone or laptop screen) and of the thumbnail (cards, lists). */
export const LARGE_SIDE = 1600;
export const THUMB_SIDE = 480;
const WEBP_QUALITY = { large: 80, thumb: 72 };
/** Upper bound of one variant; a 1600 px WebP photo is a few hundred kilobytes. */
const MAX_VARIANT_BYTES = 8 * 1_048_576;

export interface ImageVariant {
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ImageVariants {
  large: ImageVariant;
  thumb: ImageVariant;
}

/**
 * Resizes an image into the two WebP copies the pages show. The input has already been through the
 * files module (type by magic bytes, pixel-bomb limits, Exif/GPS/XMP removed); sharp writes no
 * metadata unless asked, so the copies carry none either (the showcase tests read them back to
 * check). Never enlarges a small photo.
 */
export async function makeVariants(input: Buffer): Promise<ImageVariants> {
  try {
    const base = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    const variant = async (side: number, quality: number): Promise<ImageVariant> => {
      const { data, info } = await base
        .clone()
        .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
        .webp({ quality })
        .toBuffer({ resolveWithObject: true });
      return { bytes: data, width: info.width, height: info.height };
    };
    return {
      large: await variant(LARGE_SIDE, WEBP_QUALITY.large),
      thumb: await variant(THUMB_SIDE, WEBP_QUALITY.thumb),
    };
  } catch (error) {
    throw new AppError('SHOWCASE_IMAGE_INVALID', { cause: error });
  }
}

/** Storage keys in the files module's shape (`yyyy/mm/uuid`), generated here, never from input. */
function storageKey(at: Date): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${at.getUTCFullYear()}/${month}/${randomUUID()}`;
}

export interface StoredVariants {
  large: { key: string; width: number; height: number; bytes: number };
  thumb: { key: string; width: number; height: number; bytes: number };
}

/**
 * Writes both copies to the file storage. The caller records them in its transaction and calls
 * `removeVariants` if that fails, so no row points at missing bytes.
 */
export async function storeVariants(
  storage: FileStorage,
  variants: ImageVariants,
  at: Date,
): Promise<StoredVariants> {
  const written: string[] = [];
  try {
    const put = async (v: ImageVariant) => {
      const staged = await storage.stage(v.bytes, MAX_VARIANT_BYTES);
      const key = storageKey(at);
      try {
        await storage.commit(staged, key);
      } finally {
        await storage.discard(staged);
      }
      written.push(key);
      return { key, width: v.width, height: v.height, bytes: v.bytes.length };
    };
    return { large: await put(variants.large), thumb: await put(variants.thumb) };
  } catch (error) {
    await removeVariants(storage, written);
    throw error;
  }
}

export async function removeVariants(storage: FileStorage, keys: string[]): Promise<void> {
  for (const key of keys) await storage.remove(key);
}

export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The row that records stored variants (an upload's, or a demo placeholder's). */
export function imageRow(input: {
  id: string;
  code: string;
  stored: StoredVariants;
  sourceFileId: string | null;
  createdBy: string | null;
  at: Date;
  isDemo: boolean;
}): Insertable<ShowcaseImagesTable> {
  const { stored } = input;
  return {
    id: input.id,
    commune_code: input.code,
    source_file_id: input.sourceFileId,
    large_key: stored.large.key,
    large_width: stored.large.width,
    large_height: stored.large.height,
    large_bytes: stored.large.bytes,
    thumb_key: stored.thumb.key,
    thumb_width: stored.thumb.width,
    thumb_height: stored.thumb.height,
    thumb_bytes: stored.thumb.bytes,
    is_demo: input.isDemo,
    created_by: input.createdBy,
    created_at: input.at,
  };
}
