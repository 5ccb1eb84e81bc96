import type { Readable } from 'node:stream';
import {
  type ShowcaseContent,
  type ShowcaseImageVariant,
  type ShowcaseList,
  type ShowcaseView,
  showcaseImageIds,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { AccessPolicy } from '../access/policy';
import type { FileStorage } from '../files/files.storage';
import { ShowcaseRepository } from './showcase.repository';
import { toSummary, toView } from './showcase.views';

/** What the public sees: published pages only, and the images those pages show. */
export class ShowcasePublicService {
  private readonly repo: ShowcaseRepository;
  private names: Map<string, string> | null = null;

  constructor(private readonly deps: { db: Db; policy: AccessPolicy; storage: FileStorage }) {
    this.repo = new ShowcaseRepository(deps.db);
  }

  /** Commune names change only by law: read once. */
  async communeName(code: string): Promise<string | undefined> {
    if (!this.names) {
      const rows = await this.repo.communes();
      this.names = new Map(rows.map((r) => [r.code, r.full_name]));
    }
    return this.names.get(code);
  }

  async list(): Promise<ShowcaseList> {
    const pages = await this.repo.listPublished();
    const covers = await this.repo.imagesByIds(
      pages.flatMap((p) => (p.published?.coverImageId ? [p.published.coverImageId] : [])),
    );
    const byId = new Map(covers.map((c) => [c.id, c]));
    const items = [];
    for (const page of pages) {
      const content = page.published!;
      items.push(
        toSummary({
          communeCode: page.commune_code,
          communeName: (await this.communeName(page.commune_code)) ?? page.commune_code,
          content,
          cover: content.coverImageId ? byId.get(content.coverImageId) : undefined,
          publishedAt: page.published_at!,
          isDemo: page.is_demo,
        }),
      );
    }
    // Alphabetical by name reads better than by date for a directory of communes.
    items.sort((a, b) => a.communeName.localeCompare(b.communeName, 'vi'));
    return { items };
  }

  /** The published page, or null when the commune has none (unknown code included). */
  async findPublished(code: string): Promise<ShowcaseView | null> {
    const page = await this.repo.findPage(code);
    if (!page?.published) return null;
    return this.render(
      { communeCode: page.commune_code, isDemo: page.is_demo },
      page.published,
      page.published_at,
    );
  }

  async getPublished(code: string): Promise<ShowcaseView> {
    const view = await this.findPublished(code);
    if (!view) throw new AppError('SHOWCASE_NOT_PUBLISHED');
    return view;
  }

  async render(
    page: { communeCode: string; isDemo: boolean },
    content: ShowcaseContent,
    publishedAt: Date | null,
  ): Promise<ShowcaseView> {
    const images = await this.repo.imagesByIds(showcaseImageIds(content));
    return toView({
      communeCode: page.communeCode,
      communeName: (await this.communeName(page.communeCode)) ?? page.communeCode,
      content,
      images,
      publishedAt,
      isDemo: page.isDemo,
    });
  }

  /**
   * An image's bytes. Everybody may read the images of a published page (cached publicly); the
   * commune's editors may also read draft images (private, for the editor and the preview).
   * Anything else is "not found", so draft photos cannot be discovered.
   */
  async openImage(
    actor: Actor,
    id: string,
    variant: ShowcaseImageVariant,
  ): Promise<{ stream: Readable; bytes: number; isPublic: boolean }> {
    const image = await this.repo.findImage(id);
    if (!image) throw new AppError('SHOWCASE_IMAGE_NOT_FOUND');
    const page = await this.repo.findPage(image.commune_code);
    const isPublic = page?.published_images.includes(id) ?? false;
    if (!isPublic && !(await this.deps.policy.can(actor, 'showcase.manage', image.commune_code))) {
      throw new AppError('SHOWCASE_IMAGE_NOT_FOUND');
    }
    const key = variant === 'thumb' ? image.thumb_key : image.large_key;
    const bytes = variant === 'thumb' ? image.thumb_bytes : image.large_bytes;
    return { stream: await this.deps.storage.open(key), bytes, isPublic };
  }
}
