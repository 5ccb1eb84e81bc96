import { randomUUID } from 'node:crypto';
import {
  emptyShowcaseContent,
  type ShowcaseContent,
  type ShowcaseDraftSave,
  type ShowcaseEditor,
  type ShowcaseImage,
  type ShowcaseManaged,
  type ShowcaseView,
  showcaseImageIds,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { FilesService } from '../files/files.service';
import type { FileStorage } from '../files/files.storage';
import {
  imageRow,
  makeVariants,
  readAll,
  removeVariants,
  type StoredVariants,
  storeVariants,
} from './showcase.images';
import type { ShowcasePublicService } from './showcase.public';
import { ShowcaseRepository } from './showcase.repository';
import type { ShowcaseEventKind } from './showcase.tables';
import { toImage } from './showcase.views';

/** Uploads for a commune's showcase go to this bundle of the files module. */
export const showcaseBundle = (communeCode: string) => `showcase:${communeCode}`;
export const SHOWCASE_PHOTO_PURPOSE = 'showcase.photo';
/** The editor lists this many of the commune's newest images to pick from. */
const EDITOR_IMAGES = 200;

export interface ShowcaseDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  files: FilesService;
  storage: FileStorage;
  pages: ShowcasePublicService;
}

/**
 * Editing a commune's showcase: the commune's editors (`showcase.manage`) keep a draft and upload
 * photos; its leaders (`showcase.publish`) publish the draft as it is, or take the page down.
 * Every change is one transaction with its event and its audit row.
 */
export class ShowcaseService {
  private readonly repo: ShowcaseRepository;

  constructor(private readonly deps: ShowcaseDeps) {
    this.repo = new ShowcaseRepository(deps.db);
  }

  private async assertCommune(
    actor: OfficerActor,
    action: 'showcase.manage' | 'showcase.publish',
    code: string,
  ): Promise<string> {
    await this.deps.policy.assert(actor, action, code);
    const name = await this.deps.pages.communeName(code);
    if (!name) throw new AppError('SHOWCASE_UNIT_NOT_COMMUNE');
    return name;
  }

  async managed(actor: OfficerActor): Promise<ShowcaseManaged> {
    const communes = await this.repo.communes();
    const allowed = new Set(
      await this.deps.policy.filterUnits(
        actor,
        'showcase.manage',
        communes.map((c) => c.code),
      ),
    );
    const mine = communes.filter((c) => allowed.has(c.code));
    const states = new Map(
      (await this.repo.pageStates(mine.map((c) => c.code))).map((s) => [s.commune_code, s]),
    );
    return {
      items: mine.map((c) => {
        const s = states.get(c.code);
        const state = !s
          ? 'none'
          : s.published_version === null
            ? 'draft'
            : s.published_version === s.draft_version
              ? 'published'
              : 'changed';
        return { communeCode: c.code, communeName: c.full_name, state };
      }),
    };
  }

  async editor(actor: OfficerActor, code: string): Promise<ShowcaseEditor> {
    const communeName = await this.assertCommune(actor, 'showcase.manage', code);
    const page = await this.repo.findPage(code);
    const draft = page?.draft ?? emptyShowcaseContent();
    const recent = await this.repo.imagesOfCommune(code, EDITOR_IMAGES);
    const seen = new Set(recent.map((r) => r.id));
    const older = await this.repo.imagesByIds(
      showcaseImageIds(draft).filter((id) => !seen.has(id)),
    );
    return {
      communeCode: code,
      communeName,
      draft,
      draftVersion: page?.draft_version ?? 0,
      draftUpdatedAt: page?.draft_updated_at.toISOString() ?? null,
      publishedVersion: page?.published_version ?? null,
      publishedAt: page?.published_at?.toISOString() ?? null,
      images: [...recent, ...older].map(toImage),
      canPublish: await this.deps.policy.can(actor, 'showcase.publish', code),
      isDemo: page?.is_demo ?? false,
    };
  }

  /** The draft rendered exactly as the public page would show it once published. */
  async preview(actor: OfficerActor, code: string): Promise<ShowcaseView> {
    await this.assertCommune(actor, 'showcase.manage', code);
    const page = await this.repo.findPage(code);
    return this.deps.pages.render(
      { communeCode: code, isDemo: page?.is_demo ?? false },
      page?.draft ?? emptyShowcaseContent(),
      null,
    );
  }

  /** Every image the content names must be one of this commune's showcase images. */
  private async checkImages(code: string, content: ShowcaseContent): Promise<void> {
    const ids = showcaseImageIds(content);
    const rows = await this.repo.imagesByIds(ids);
    if (rows.length !== ids.length || rows.some((r) => r.commune_code !== code)) {
      throw new AppError('SHOWCASE_IMAGE_UNKNOWN');
    }
  }

  async saveDraft(
    actor: OfficerActor,
    code: string,
    input: ShowcaseDraftSave,
    requestId: string,
  ): Promise<ShowcaseEditor> {
    await this.assertCommune(actor, 'showcase.manage', code);
    await this.checkImages(code, input.content);
    const at = this.deps.clock.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new ShowcaseRepository(trx);
      const version = await repo.saveDraft({
        communeCode: code,
        expectedVersion: input.version,
        content: input.content,
        actorId: actor.userId,
        at,
      });
      if (version === null) throw new AppError('SHOWCASE_VERSION_CONFLICT');
      await this.record(trx, actor, code, 'draft_saved', version, requestId, {
        products: input.content.products.length,
        ambassadors: input.content.ambassadors.length,
        photos: showcaseImageIds(input.content).length,
      });
    });
    return this.editor(actor, code);
  }

  async publish(
    actor: OfficerActor,
    code: string,
    version: number,
    requestId: string,
  ): Promise<ShowcaseEditor> {
    await this.assertCommune(actor, 'showcase.publish', code);
    const page = await this.repo.findPage(code);
    if (!page) throw new AppError('SHOWCASE_NOTHING_TO_PUBLISH');
    if (page.draft_version !== version) throw new AppError('SHOWCASE_VERSION_CONFLICT');
    if (!page.draft.introduction.trim()) throw new AppError('SHOWCASE_NOTHING_TO_PUBLISH');
    const imageIds = showcaseImageIds(page.draft);
    await this.deps.db.transaction().execute(async (trx) => {
      const done = await new ShowcaseRepository(trx).publish({
        communeCode: code,
        version,
        imageIds,
        actorId: actor.userId,
        at: this.deps.clock.now(),
      });
      // The draft moved on after it was read: publish only what the leader previewed.
      if (!done) throw new AppError('SHOWCASE_VERSION_CONFLICT');
      await this.record(trx, actor, code, 'published', version, requestId, {
        products: page.draft.products.length,
        ambassadors: page.draft.ambassadors.length,
        photos: imageIds.length,
      });
    });
    return this.editor(actor, code);
  }

  async unpublish(actor: OfficerActor, code: string, requestId: string): Promise<ShowcaseEditor> {
    await this.assertCommune(actor, 'showcase.publish', code);
    await this.deps.db.transaction().execute(async (trx) => {
      const version = await new ShowcaseRepository(trx).unpublish(code);
      if (version === null) throw new AppError('SHOWCASE_NOT_PUBLISHED_YET');
      await this.record(trx, actor, code, 'unpublished', version, requestId, {});
    });
    return this.editor(actor, code);
  }

  /**
   * Turns an upload (already checked and stripped of metadata by the files module, in the
   * commune's showcase bundle, by this officer) into the page's two WebP copies. Sending the same
   * file again answers the image made the first time.
   */
  async addImage(
    actor: OfficerActor,
    code: string,
    fileId: string,
    requestId: string,
  ): Promise<ShowcaseImage> {
    await this.assertCommune(actor, 'showcase.manage', code);
    const again = await this.repo.imageBySource(fileId);
    if (again?.commune_code === code) return toImage(again);
    const own = await this.deps.files.listBundle(showcaseBundle(code), {
      ownerUserId: actor.userId,
    });
    const file = own.find((f) => f.id === fileId);
    if (!file || again) throw new AppError('FILE_NOT_FOUND');
    if (!file.mediaType.startsWith('image/')) throw new AppError('SHOWCASE_IMAGE_INVALID');
    const { stream } = await this.deps.files.openForRead(actor, fileId, requestId);
    const variants = await makeVariants(await readAll(stream));
    const at = this.deps.clock.now();
    const stored = await storeVariants(this.deps.storage, variants, at);
    const id = await this.saveImage(actor, code, stored, { sourceFileId: fileId, at, requestId });
    return toImage((await this.repo.findImage(id))!);
  }

  /** Records stored variants with the event and audit row; takes the bytes back on failure. */
  private async saveImage(
    actor: OfficerActor,
    code: string,
    stored: StoredVariants,
    options: { sourceFileId: string; at: Date; requestId: string },
  ): Promise<string> {
    const id = randomUUID();
    const page = await this.repo.findPage(code);
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await new ShowcaseRepository(trx).insertImage(
          imageRow({ id, code, stored, ...options, createdBy: actor.userId, isDemo: false }),
        );
        await this.record(
          trx,
          actor,
          code,
          'image_added',
          page?.draft_version ?? 0,
          options.requestId,
          {
            imageId: id,
            sourceFileId: options.sourceFileId,
            large: [stored.large.width, stored.large.height],
            thumb: [stored.thumb.width, stored.thumb.height],
          },
        );
      });
    } catch (error) {
      await removeVariants(this.deps.storage, [stored.large.key, stored.thumb.key]);
      throw error;
    }
    return id;
  }

  /** The event and the audit row of a change, in the change's transaction. */
  private async record(
    trx: Db,
    actor: OfficerActor,
    code: string,
    kind: ShowcaseEventKind,
    draftVersion: number,
    requestId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const at = this.deps.clock.now();
    await new ShowcaseRepository(trx).appendEvent({
      communeCode: code,
      kind,
      draftVersion,
      actorId: actor.userId,
      at,
      details,
    });
    await appendAudit(trx, this.deps.clock, {
      actor,
      unitCode: code,
      action: `showcase.${kind}`,
      objectType: 'showcase_page',
      objectId: code,
      requestId,
      details: { draftVersion, ...details },
    });
  }
}
