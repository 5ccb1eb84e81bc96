import type { Db } from '../../db/client';
import type { SessionRow } from '../../db/types';

export class SessionsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  async findWithUser(idHash: string) {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id_hash',
        'sessions.user_id',
        'sessions.csrf_token',
        'sessions.assurance_level',
        'sessions.active_unit_code',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'users.kind',
        'users.disabled',
      ])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
  }

  async touch(idHash: string, at: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: at })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async setActiveUnit(idHash: string, unitCode: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ active_unit_code: unitCode })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteExpired(now: Date, idleBefore: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
