import { randomUUID } from 'node:crypto';
import type { ShowcaseContent } from '@cqs/shared';
import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/client';
import type {
  ShowcaseEventKind,
  ShowcaseImageRow,
  ShowcaseImagesTable,
  ShowcasePageRow,
} from './showcase.tables';

/** The only place with SQL for the commune showcase. */
export class ShowcaseRepository {
  constructor(private readonly db: Db) {}

  async findPage(communeCode: string): Promise<ShowcasePageRow | undefined> {
    return this.db
      .selectFrom('showcase_pages')
      .selectAll()
      .where('commune_code', '=', communeCode)
      .executeTakeFirst();
  }

  async listPublished(): Promise<ShowcasePageRow[]> {
    return this.db
      .selectFrom('showcase_pages')
      .selectAll()
      .where('published', 'is not', null)
      .orderBy('published_at', 'desc')
      .execute();
  }

  async pageStates(
    communeCodes: string[],
  ): Promise<
    Pick<ShowcasePageRow, 'commune_code' | 'draft_version' | 'published_version' | 'published_at'>[]
  > {
    if (communeCodes.length === 0) return [];
    return this.db
      .selectFrom('showcase_pages')
      .select(['commune_code', 'draft_version', 'published_version', 'published_at'])
      .where('commune_code', 'in', communeCodes)
      .execute();
  }

  async communes(): Promise<{ code: string; full_name: string }[]> {
    return this.db
      .selectFrom('units')
      .select(['code', 'full_name'])
      .where('kind', '=', 'commune')
      .where('active', '=', true)
      .orderBy('full_name')
      .execute();
  }

  /**
   * Creates the page at version 1 or saves over `expectedVersion`; answers the new version, or
   * null when somebody else saved first (the caller reports a conflict).
   */
  async saveDraft(input: {
    communeCode: string;
    expectedVersion: number;
    content: ShowcaseContent;
    actorId: string | null;
    at: Date;
    isDemo?: boolean;
  }): Promise<number | null> {
    const draft = JSON.stringify(input.content);
    if (input.expectedVersion === 0) {
      const inserted = await this.db
        .insertInto('showcase_pages')
        .values({
          commune_code: input.communeCode,
          draft,
          draft_version: 1,
          draft_updated_at: input.at,
          draft_updated_by: input.actorId,
          published: null,
          published_images: '[]',
          published_version: null,
          published_at: null,
          published_by: null,
          is_demo: input.isDemo ?? false,
          created_at: input.at,
        })
        .onConflict((oc) => oc.column('commune_code').doNothing())
        .returning('draft_version')
        .executeTakeFirst();
      return inserted?.draft_version ?? null;
    }
    const updated = await this.db
      .updateTable('showcase_pages')
      .set((eb) => ({
        draft,
        draft_version: eb('draft_version', '+', 1),
        draft_updated_at: input.at,
        draft_updated_by: input.actorId,
      }))
      .where('commune_code', '=', input.communeCode)
      .where('draft_version', '=', input.expectedVersion)
      .returning('draft_version')
      .executeTakeFirst();
    return updated?.draft_version ?? null;
  }

  /**
   * Publishing in one statement: the published copy becomes exactly the draft of `version`
   * (read in the same row update, so nothing can slip in between). Null when the draft moved on.
   */
  async publish(input: {
    communeCode: string;
    version: number;
    imageIds: string[];
    actorId: string;
    at: Date;
  }): Promise<boolean> {
    const updated = await this.db
      .updateTable('showcase_pages')
      .set((eb) => ({
        // Copied inside the row update: exactly the draft of the version named in the where.
        published: sql<string>`draft`,
        published_images: JSON.stringify(input.imageIds),
        published_version: eb.ref('draft_version'),
        published_at: input.at,
        published_by: input.actorId,
      }))
      .where('commune_code', '=', input.communeCode)
      .where('draft_version', '=', input.version)
      .returning('commune_code')
      .executeTakeFirst();
    return updated !== undefined;
  }

  async unpublish(communeCode: string): Promise<number | null> {
    const updated = await this.db
      .updateTable('showcase_pages')
      .set({
        published: null,
        published_images: '[]',
        published_version: null,
        published_at: null,
        published_by: null,
      })
      .where('commune_code', '=', communeCode)
      .where('published', 'is not', null)
      .returning('draft_version')
      .executeTakeFirst();
    return updated?.draft_version ?? null;
  }

  async appendEvent(event: {
    communeCode: string;
    kind: ShowcaseEventKind;
    draftVersion: number;
    actorId: string | null;
    at: Date;
    details?: Record<string, unknown>;
  }): Promise<void> {
    await this.db
      .insertInto('showcase_events')
      .values({
        id: randomUUID(),
        commune_code: event.communeCode,
        kind: event.kind,
        draft_version: event.draftVersion,
        actor_id: event.actorId,
        at: event.at,
        details: JSON.stringify(event.details ?? {}),
      })
      .execute();
  }

  async insertImage(row: Insertable<ShowcaseImagesTable>): Promise<void> {
    await this.db.insertInto('showcase_images').values(row).execute();
  }

  async findImage(id: string): Promise<ShowcaseImageRow | undefined> {
    return this.db
      .selectFrom('showcase_images')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async imagesByIds(ids: string[]): Promise<ShowcaseImageRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('showcase_images').selectAll().where('id', 'in', ids).execute();
  }

  async imagesOfCommune(communeCode: string, limit: number): Promise<ShowcaseImageRow[]> {
    return this.db
      .selectFrom('showcase_images')
      .selectAll()
      .where('commune_code', '=', communeCode)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async imageBySource(sourceFileId: string): Promise<ShowcaseImageRow | undefined> {
    return this.db
      .selectFrom('showcase_images')
      .selectAll()
      .where('source_file_id', '=', sourceFileId)
      .executeTakeFirst();
  }
}
