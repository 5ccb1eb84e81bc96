import { sql } from 'kysely';
import type { Db } from '../../db/client';
import './files.tables';
import type { FileRow, NewFileRow } from './files.tables';

// Namespace of the two-key advisory locks that serialise quota checks per (owner, bundle).
const QUOTA_LOCK_SPACE = 4004;

export class FilesRepository {
  constructor(private readonly db: Db) {}

  async findLive(id: string, trx: Db = this.db): Promise<FileRow | undefined> {
    return trx
      .selectFrom('files')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** Holds until the transaction ends, so two concurrent uploads cannot both fit the quota. */
  async lockBundle(trx: Db, ownerUserId: string, bundleId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${QUOTA_LOCK_SPACE}, hashtext(${`${ownerUserId}|${bundleId}`}))`.execute(
      trx,
    );
  }

  async bundleUsage(trx: Db, ownerUserId: string, bundleId: string): Promise<number> {
    const row = await trx
      .selectFrom('files')
      .select(sql<number>`coalesce(sum(size_bytes), 0)::int8`.as('used'))
      .where('owner_user_id', '=', ownerUserId)
      .where('bundle_id', '=', bundleId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.used);
  }

  async insert(trx: Db, row: NewFileRow): Promise<void> {
    await trx.insertInto('files').values(row).execute();
  }

  async markDeleted(trx: Db, id: string, at: Date): Promise<boolean> {
    const result = await trx
      .updateTable('files')
      .set({ deleted_at: at })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listBundle(bundleId: string, ownerUserId: string | undefined, trx: Db = this.db) {
    let query = trx
      .selectFrom('files')
      .selectAll()
      .where('bundle_id', '=', bundleId)
      .where('deleted_at', 'is', null);
    if (ownerUserId) query = query.where('owner_user_id', '=', ownerUserId);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  async findLiveOfOwner(trx: Db, ids: string[], ownerUserId: string): Promise<FileRow[]> {
    if (ids.length === 0) return [];
    return trx
      .selectFrom('files')
      .selectAll()
      .where('id', 'in', ids)
      .where('owner_user_id', '=', ownerUserId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  async moveToBundle(trx: Db, ids: string[], bundleId: string): Promise<void> {
    if (ids.length === 0) return;
    await trx.updateTable('files').set({ bundle_id: bundleId }).where('id', 'in', ids).execute();
  }
}
